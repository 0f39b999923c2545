import { KIND_LABELS, NODE_KINDS, type NodeKind } from '../../vocabulary';

export interface Hit {
  id: string;
  kind: NodeKind;
  name: string;
  score: number;
}

export interface HitGroup {
  kind: NodeKind;
  label: string;
  count: number;
  hits: Hit[];
}

/** Hits grouped by kind, kinds in the usual order, best hit first within a kind. */
export function groupHits(hits: readonly Hit[]): HitGroup[] {
  return NODE_KINDS.map((kind) => {
    const ofKind = hits.filter((hit) => hit.kind === kind).sort((a, b) => b.score - a.score);
    return { kind, label: KIND_LABELS[kind].many, count: ofKind.length, hits: ofKind };
  }).filter((group) => group.count > 0);
}

/** The hits in display order: what arrow keys walk through. */
export const flattenGroups = (groups: readonly HitGroup[]): Hit[] => groups.flatMap((group) => group.hits);

/** The next active index for an arrow key, wrapping; -1 means none. */
export function moveActive(current: number, count: number, key: 'ArrowDown' | 'ArrowUp'): number {
  if (count === 0) return -1;
  if (key === 'ArrowDown') return current < 0 || current >= count - 1 ? 0 : current + 1;
  return current <= 0 ? count - 1 : current - 1;
}
