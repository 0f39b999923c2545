import type { SizeBy } from './stylesheet';

export const MIN_NODE_SIZE = 18;
export const MAX_NODE_SIZE = 56;
const UNIFORM_SIZE = 26;

interface MetricGraph {
  nodes: readonly string[];
  edges: readonly { source: string; target: string }[];
}

/** Undirected degree of each node, counting only the given edges. */
export function degrees(graph: MetricGraph): Map<string, number> {
  const result = new Map(graph.nodes.map((id) => [id, 0]));
  for (const edge of graph.edges) {
    if (result.has(edge.source)) result.set(edge.source, (result.get(edge.source) ?? 0) + 1);
    if (result.has(edge.target) && edge.target !== edge.source)
      result.set(edge.target, (result.get(edge.target) ?? 0) + 1);
  }
  return result;
}

/**
 * Normalised betweenness (0–1, the most central node at 1) of each node,
 * undirected, by Brandes' algorithm: what cytoscape's `betweennessCentrality`
 * computes (metrics.test.ts compares them), without loading cytoscape before
 * the canvas needs it.
 */
export function betweenness(graph: MetricGraph): Map<string, number> {
  const count = graph.nodes.length;
  const index = new Map(graph.nodes.map((id, i) => [id, i]));
  const neighbourSets = graph.nodes.map(() => new Set<number>());
  for (const edge of graph.edges) {
    const a = index.get(edge.source);
    const b = index.get(edge.target);
    if (a === undefined || b === undefined || a === b) continue;
    neighbourSets[a]!.add(b);
    neighbourSets[b]!.add(a);
  }
  const neighbours = neighbourSets.map((set) => [...set]);
  const centrality = new Float64Array(count);
  const paths = new Float64Array(count);
  const distance = new Int32Array(count);
  const dependency = new Float64Array(count);
  for (let source = 0; source < count; source += 1) {
    paths.fill(0);
    distance.fill(-1);
    dependency.fill(0);
    const predecessors: number[][] = Array.from({ length: count }, () => []);
    paths[source] = 1;
    distance[source] = 0;
    // Breadth-first: `order` ends up sorted by distance from the source.
    const order = [source];
    for (let head = 0; head < order.length; head += 1) {
      const v = order[head]!;
      for (const w of neighbours[v]!) {
        if (distance[w]! < 0) {
          distance[w] = distance[v]! + 1;
          order.push(w);
        }
        if (distance[w] === distance[v]! + 1) {
          paths[w]! += paths[v]!;
          predecessors[w]!.push(v);
        }
      }
    }
    for (let i = order.length - 1; i > 0; i -= 1) {
      const w = order[i]!;
      for (const v of predecessors[w]!) dependency[v]! += (paths[v]! / paths[w]!) * (1 + dependency[w]!);
      centrality[w]! += dependency[w]!;
    }
  }
  let max = 0;
  for (const value of centrality) max = Math.max(max, value);
  return new Map(graph.nodes.map((id, i) => [id, max > 0 ? centrality[i]! / max : 0]));
}

/**
 * Node sizes in pixels: uniform, or scaled (square root) between the min and max
 * sizes by the metric's `values` (degree and betweenness computed here when not given).
 */
export function nodeSizes(
  graph: MetricGraph,
  sizeBy: SizeBy,
  values?: ReadonlyMap<string, number>,
): Map<string, number> {
  if (sizeBy === 'uniform') return new Map(graph.nodes.map((id) => [id, UNIFORM_SIZE]));
  const metric = values ?? (sizeBy === 'betweenness' ? betweenness(graph) : degrees(graph));
  let max = 0;
  for (const value of metric.values()) max = Math.max(max, Number.isFinite(value) ? value : 0);
  return new Map(
    graph.nodes.map((id) => {
      const value = metric.get(id) ?? 0;
      const ratio = max > 0 && Number.isFinite(value) ? Math.sqrt(value / max) : 0;
      return [id, Math.round(MIN_NODE_SIZE + ratio * (MAX_NODE_SIZE - MIN_NODE_SIZE))];
    }),
  );
}
