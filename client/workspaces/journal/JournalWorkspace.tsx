import { useEffect, useRef, useState } from 'react';
import { ERROR_MESSAGES, request } from '../../api/graphql-client';
import { useLoad } from '../../api/use-load';
import { useViewer } from '../../features/auth/session';
import { ChangeItem } from '../../features/editing/ChangeItem';
import { editErrorMessage } from '../../features/editing/messages';
import { CHANGES_QUERY, REVERT_CHANGE } from '../../features/editing/queries';
import { bumpEditRevision, useEditRevision } from '../../features/editing/revision';
import type { ChangeKind } from '../../gql/graphql';
import { useAtlas } from '../../state/store';
import '../../features/editing/editing.css';

const KINDS: ChangeKind[] = ['CREATE', 'UPDATE', 'DELETE', 'LINK', 'UNLINK', 'MERGE', 'REVERT'];

/** « Journal »: recent changes, filtered by author, kind and date; admins revert from here. */
export function JournalWorkspace() {
  const { state: atlas, dispatch } = useAtlas();
  const focus = atlas.journalFocus;
  const list = useRef<HTMLUListElement>(null);
  const viewer = useViewer();
  const revision = useEditRevision();
  const [author, setAuthor] = useState('');
  const [kind, setKind] = useState<ChangeKind | ''>('');
  const [since, setSince] = useState('');
  const [error, setError] = useState<string | null>(null);
  const state = useLoad(
    async (signal) =>
      (
        await request(
          CHANGES_QUERY,
          { author: author.trim() || null, kind: kind || null, since: since || null, first: 100 },
          { signal },
        )
      ).data.changes,
    [author, kind, since, revision],
    { delay: 200 },
  );

  const focusShown = state.type === 'ready' && state.value.changes.some((change) => change.id === focus);
  // Opened on a change (an import's): bring it into view once the list shows it.
  useEffect(() => {
    if (!focusShown) return;
    list.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'center' });
  }, [focusShown]);

  async function revert(id: string) {
    setError(null);
    try {
      await request(REVERT_CHANGE, { id, reason: null });
      bumpEditRevision();
    } catch (caught) {
      setError(editErrorMessage(caught));
    }
  }

  return (
    <main className="app-main journal-workspace">
      <h2>Journal des modifications</h2>
      <form className="journal-filters" aria-label="Filtres du journal" onSubmit={(e) => e.preventDefault()}>
        <label>
          Auteur (e-mail)
          <input value={author} onChange={(e) => setAuthor(e.target.value)} />
        </label>
        <label>
          Nature
          <select value={kind} onChange={(e) => setKind(e.target.value as ChangeKind | '')}>
            <option value="">toutes</option>
            {KINDS.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </label>
        <label>
          Depuis le
          <input type="date" value={since} onChange={(e) => setSince(e.target.value)} />
        </label>
      </form>
      {error && <p role="alert">{error}</p>}
      {state.type === 'loading' && <p role="status">Chargement du journal…</p>}
      {state.type === 'error' && <p role="alert">{ERROR_MESSAGES[state.code]}</p>}
      {state.type === 'ready' && state.value.changes.length === 0 && <p>Aucune modification.</p>}
      {state.type === 'ready' && focus && !focusShown && (
        <p role="status">La modification {focus} n’est pas parmi celles affichées : changez les filtres.</p>
      )}
      {state.type === 'ready' && (
        <ul className="change-list" aria-label="Modifications" ref={list}>
          {state.value.changes.map((change) => (
            <ChangeItem key={change.id} change={change} current={change.id === focus}>
              <div className="change-actions">
                {change.nodeIds
                  .filter((id) => !id.startsWith('src:'))
                  .slice(0, 3)
                  .map((id) => (
                    <button
                      key={id}
                      type="button"
                      className="link"
                      onClick={() => {
                        dispatch({ type: 'openNode', id, select: true });
                        dispatch({ type: 'setWorkspace', workspace: 'explorer' });
                      }}
                    >
                      {id}
                    </button>
                  ))}
                {viewer?.role === 'admin' && !change.revertedBy && (
                  <button type="button" onClick={() => void revert(change.id)}>
                    Annuler ce changement
                  </button>
                )}
              </div>
            </ChangeItem>
          ))}
        </ul>
      )}
    </main>
  );
}
