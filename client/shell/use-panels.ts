import { useEffect, useState } from 'react';

/** Below this width the side panels are drawers over the canvas, closed at first. */
export const DRAWER_BELOW = 1100;
const NARROW = `(max-width: ${DRAWER_BELOW - 1}px)`;

const isNarrow = () => typeof window !== 'undefined' && window.matchMedia(NARROW).matches;

export interface Panels {
  narrow: boolean;
  tools: boolean;
  details: boolean;
  setTools(open: boolean): void;
  setDetails(open: boolean): void;
}

/**
 * Which side panels are open. Crossing the drawer width resets them to what fits:
 * both open beside a wide canvas, both closed over a narrow one (details reopen
 * on the next selection, see App).
 */
export function usePanels(): Panels {
  const [narrow, setNarrow] = useState(isNarrow);
  const [tools, setTools] = useState(() => !isNarrow());
  const [details, setDetails] = useState(true);
  useEffect(() => {
    const query = window.matchMedia(NARROW);
    const onChange = () => {
      setNarrow(query.matches);
      setTools(!query.matches);
    };
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return { narrow, tools, details, setTools, setDetails };
}
