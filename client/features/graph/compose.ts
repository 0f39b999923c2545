import { isTerritoryLevel, LEVEL_PLURALS, type TerritoryLevel } from '../../vocabulary';
import { entryKey } from './entries';
import type { ComposedGraph, Entry, GraphState, SliceEdge, SliceNode } from './types';

/**
 * Above this many territories of one level inside an opened territory (the
 * communes of a département, its EPCI), they come as one node, « 294 communes »,
 * which opens into them (the `children` entry), as Linkurious and Bloom
 * collapse large neighbourhoods.
 */
export const FOLD_ABOVE = 12;

const FOLD_PREFIX = 'fold:';

/** The id of the fold of a territory's children of one level: `fold:dep:33~COMMUNE`. */
export const foldId = (parent: string, level: TerritoryLevel) => `${FOLD_PREFIX}${parent}~${level}`;

/** The territory and level a fold id stands for, or null for any other id. */
export function parseFoldId(id: string): { parent: string; level: TerritoryLevel } | null {
  if (!id.startsWith(FOLD_PREFIX)) return null;
  const [parent, level, ...rest] = id.slice(FOLD_PREFIX.length).split('~');
  return parent && level && !rest.length && isTerritoryLevel(level) ? { parent, level } : null;
}

/** « 294 communes », or « plus de 294 communes » when the slice that brought them was cut. */
export function foldLabel(count: number, level: TerritoryLevel, incomplete: boolean): string {
  const words = `${count.toLocaleString('fr-FR')} ${LEVEL_PLURALS[level]}`;
  return incomplete ? `plus de ${words}` : words;
}

/**
 * Folds, in place, the territories that only a territory's own expansion
 * brought (a territory's PART_OF children, by level) when there are more than
 * FOLD_ABOVE of a level and its `children` entry is not open.
 */
function foldChildren(
  state: GraphState,
  nodes: Map<string, SliceNode>,
  broughtBy: Map<string, string[]>,
  edges: SliceEdge[],
) {
  const opened = new Map<
    string,
    { keys: Set<string>; truncated: boolean; counts: Partial<Record<TerritoryLevel, number>> }
  >();
  const unfolded = new Set<string>();
  for (const entry of state.entries) {
    if (entry.type === 'children') unfolded.add(foldId(entry.id, entry.level));
    if (entry.type !== 'node' || nodes.get(entry.id)?.kind !== 'TERRITORY') continue;
    const key = entryKey(entry);
    const slice = state.slices[key];
    const current = opened.get(entry.id) ?? { keys: new Set<string>(), truncated: false, counts: {} };
    current.keys.add(key);
    if (slice?.type === 'ready') {
      current.truncated ||= slice.value.truncated;
      Object.assign(current.counts, slice.value.childCounts);
    }
    opened.set(entry.id, current);
  }
  if (!opened.size) return;
  const asked = new Set(
    state.entries.flatMap((entry: Entry) =>
      entry.type === 'node' ? [entry.id] : entry.type === 'path' ? [entry.from, entry.to] : [],
    ),
  );
  for (const [parent, { keys, truncated, counts }] of opened) {
    const byLevel = new Map<TerritoryLevel, string[]>();
    const seen = new Set<string>();
    for (const edge of edges) {
      if (edge.type !== 'PART_OF' || edge.target !== parent || seen.has(edge.source)) continue;
      const child = nodes.get(edge.source);
      const level = child?.props.level;
      if (child?.kind !== 'TERRITORY' || typeof level !== 'string' || !isTerritoryLevel(level)) continue;
      // Kept apart: a territory asked for on its own, or that another entry brings too.
      if (asked.has(child.id) || !(broughtBy.get(child.id) ?? []).every((key) => keys.has(key))) continue;
      seen.add(child.id);
      byLevel.set(level, [...(byLevel.get(level) ?? []), child.id]);
    }
    for (const [level, children] of byLevel) {
      const id = foldId(parent, level);
      if (children.length <= FOLD_ABOVE || unfolded.has(id)) continue;
      for (const child of children) {
        nodes.delete(child);
        broughtBy.delete(child);
      }
      // The true count when the slice was cut and it is known; else what came, said to be a part.
      const known = counts[level];
      const count = known ?? children.length;
      nodes.set(id, {
        id,
        kind: 'TERRITORY',
        label: foldLabel(count, level, truncated && known === undefined),
        props: { level, folded: count, parent },
      });
      broughtBy.set(id, [...keys]);
      edges.push({
        id: `${id}>PART_OF`,
        source: id,
        target: parent,
        type: 'PART_OF',
        sources: [],
        props: {},
      });
    }
  }
}

/**
 * The canvas content: the union of the entries' slices, less removed nodes,
 * with large sets of territories inside a territory folded (`foldChildren`);
 * an edge is kept only when both its ends are there. The links entry brings
 * edges only.
 */
export function composeGraph(state: GraphState): ComposedGraph {
  const removed = new Set(state.removed);
  const nodes = new Map<string, SliceNode>();
  const broughtBy = new Map<string, string[]>();
  const candidateEdges: SliceEdge[] = [];
  let truncated = false;
  let loading = false;

  for (const entry of state.entries) {
    const key = entryKey(entry);
    const sliceState = state.slices[key];
    if (!sliceState || sliceState.type === 'loading') {
      loading = true;
      continue;
    }
    if (sliceState.type !== 'ready') continue;
    const slice = sliceState.value;
    truncated ||= slice.truncated;
    if (entry.type !== 'links') {
      for (const node of slice.nodes) {
        if (removed.has(node.id)) continue;
        if (!nodes.has(node.id)) nodes.set(node.id, node);
        const by = broughtBy.get(node.id);
        if (by) by.push(key);
        else broughtBy.set(node.id, [key]);
      }
    }
    candidateEdges.push(...slice.edges);
  }

  foldChildren(state, nodes, broughtBy, candidateEdges);
  const edges = new Map<string, SliceEdge>();
  for (const edge of candidateEdges) {
    if (edges.has(edge.id)) continue;
    if (nodes.has(edge.source) && nodes.has(edge.target)) edges.set(edge.id, edge);
  }
  return { nodes, edges, broughtBy, truncated, loading };
}

/** Whether a node's neighbourhood is open, i.e. whether "collapse" means anything for it. */
export function isExpanded(state: GraphState, id: string): boolean {
  const fold = parseFoldId(id);
  return state.entries.some((entry) =>
    fold
      ? entry.type === 'children' && entry.id === fold.parent && entry.level === fold.level
      : entry.type === 'node' && entry.id === id && (entry.relations === null || entry.relations.length > 0),
  );
}
