import { useEffect } from 'react';
import { useAtlas } from '../state/store';

/** The page's notices: information goes by itself after a while, errors stay until dismissed. */
export function Notices() {
  const { state, dispatch } = useAtlas();
  useEffect(() => {
    const infos = state.notices.filter((notice) => notice.level === 'info');
    if (!infos.length) return;
    const timer = window.setTimeout(
      () => infos.forEach((notice) => dispatch({ type: 'dismissNotice', id: notice.id })),
      6000,
    );
    return () => window.clearTimeout(timer);
  }, [state.notices, dispatch]);

  return (
    <div className="notices" aria-live="polite">
      {state.notices.map((notice) => (
        <p
          key={notice.id}
          className={`notice ${notice.level}`}
          role={notice.level === 'error' ? 'alert' : 'status'}
        >
          {notice.message}{' '}
          <button
            type="button"
            onClick={() => dispatch({ type: 'dismissNotice', id: notice.id })}
            aria-label="Fermer le message"
          >
            ×
          </button>
        </p>
      ))}
    </div>
  );
}
