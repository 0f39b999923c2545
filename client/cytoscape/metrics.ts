import cytoscape from 'cytoscape';
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

/** Normalised betweenness (0–1) of each node, undirected, computed by Cytoscape headless. */
export function betweenness(graph: MetricGraph): Map<string, number> {
  const ids = new Set(graph.nodes);
  const cy = cytoscape({
    headless: true,
    styleEnabled: false,
    elements: [
      ...graph.nodes.map((id) => ({ group: 'nodes' as const, data: { id } })),
      ...graph.edges
        .filter((edge) => ids.has(edge.source) && ids.has(edge.target))
        .map((edge, index) => ({
          group: 'edges' as const,
          data: { id: `e${index}`, source: edge.source, target: edge.target },
        })),
    ],
  });
  const result = cy.elements().betweennessCentrality({ directed: false });
  const values = new Map(cy.nodes().map((node) => [node.id(), result.betweennessNormalized(node)]));
  cy.destroy();
  return values;
}

/** Node sizes in pixels: uniform, or scaled (square root) between the min and max sizes. */
export function nodeSizes(graph: MetricGraph, sizeBy: SizeBy): Map<string, number> {
  if (sizeBy === 'uniform') return new Map(graph.nodes.map((id) => [id, UNIFORM_SIZE]));
  const metric = sizeBy === 'degree' ? degrees(graph) : betweenness(graph);
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
