import { useEffect, type RefObject } from 'react';
import { useAtlas } from '../state/store';

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * The page's keys: `/` goes to the search box, Escape clears the selection
 * unless something open (a menu) took it first by `preventDefault`.
 */
export function useShortcuts(searchInput: RefObject<HTMLInputElement | null>) {
  const { dispatch } = useAtlas();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      if (event.key === '/' && !isTyping(event.target)) {
        event.preventDefault();
        searchInput.current?.focus();
      } else if (event.key === 'Escape' && !isTyping(event.target)) {
        dispatch({ type: 'select', selection: { type: 'none' } });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dispatch, searchInput]);
}
