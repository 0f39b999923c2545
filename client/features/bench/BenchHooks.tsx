import { useEffect } from 'react';
import { useAtlas } from '../../state/store';
import { entryKey } from '../graph/entries';
import { syntheticSlice } from '../graph/synthetic';
import type { Entry } from '../graph/types';

declare global {
  interface Window {
    /** Draws a synthetic graph of that size as if the API had sent it (pages opened with `?bench` only). */
    __atlasLoadSynthetic?: (nodes: number, edges: number) => void;
  }
}

/**
 * Hooks for the page benchmark (tests/bench/page.bench.ts), mounted by main.tsx
 * only when the URL has `?bench`, in a chunk of their own.
 */
export default function BenchHooks() {
  const { dispatch } = useAtlas();
  useEffect(() => {
    window.__atlasLoadSynthetic = (nodes, edges) => {
      const slice = syntheticSlice(nodes, edges);
      const entry: Entry = { type: 'node', id: slice.nodes[0]!.id, relations: null };
      // Both in the same tick: the slice is there before the loader looks for entries to fetch.
      dispatch({ type: 'replaceEntries', entries: [entry] });
      dispatch({ type: 'sliceLoaded', key: entryKey(entry), slice });
    };
    return () => {
      delete window.__atlasLoadSynthetic;
    };
  }, [dispatch]);
  return null;
}
