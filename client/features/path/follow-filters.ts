import { useEffect } from 'react';
import type { NodeKind } from '../../vocabulary';
import { followsFilters, hiddenOf, type PathEntry } from './path-entry';

/** Asks for a path: the kinds chosen (null: the default), those of them hidden, k (absent: the default), which of the k. */
export type FindPath = (
  from: string,
  to: string,
  options: { kinds: NodeKind[] | null; hidden: NodeKind[]; count?: number; rank: number },
) => void;

/**
 * The entry's path again, when the filters hide or show a kind it crosses: a
 * hidden kind is not crossed. Mounted with the explorer, whichever panel is open.
 */
export function useFollowFilters(
  entry: PathEntry | null,
  hiddenKinds: readonly NodeKind[],
  onFind: FindPath,
) {
  useEffect(() => {
    if (entry && !followsFilters(entry, hiddenKinds))
      onFind(entry.from, entry.to, {
        kinds: entry.kinds ?? null,
        hidden: hiddenOf(entry, hiddenKinds),
        ...(entry.count ? { count: entry.count } : {}),
        rank: 0,
      });
  }, [entry, hiddenKinds, onFind]);
}
