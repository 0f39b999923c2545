import { entryKey } from './entries';
import type { ComposedGraph, GraphState, SliceEdge, SliceNode } from './types';

/**
 * The canvas content: the union of the entries' slices, less removed nodes;
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

  const edges = new Map<string, SliceEdge>();
  for (const edge of candidateEdges) {
    if (edges.has(edge.id)) continue;
    if (nodes.has(edge.source) && nodes.has(edge.target)) edges.set(edge.id, edge);
  }
  return { nodes, edges, broughtBy, truncated, loading };
}

/** Whether a node's neighbourhood is open, i.e. whether "collapse" means anything for it. */
export function isExpanded(state: GraphState, id: string): boolean {
  return state.entries.some(
    (entry) =>
      entry.type === 'node' && entry.id === id && (entry.relations === null || entry.relations.length > 0),
  );
}
