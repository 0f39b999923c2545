/**
 * Metrics of what the canvas shows, as Gephi Lite computes them on the graph
 * on screen: degree, weighted degree, betweenness, PageRank and Louvain
 * communities. Each is computed once per visible graph, when first asked for
 * (betweenness is O(n·m), and only some views need it).
 */
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import pagerank from 'graphology-metrics/centrality/pagerank';
import { betweenness, degrees } from '../../cytoscape/metrics';

export type CanvasMetricName = 'degree' | 'weightedDegree' | 'betweenness' | 'pageRank';

/** Above this many nodes on screen betweenness is not computed (the server's limit too). */
export const CANVAS_BETWEENNESS_MAX_NODES = 3_000;

export interface CanvasMetricGraph {
  nodes: readonly string[];
  edges: readonly { source: string; target: string; props?: Record<string, unknown> }[];
}

export interface CanvasMetrics {
  /** Values of one metric by node id; betweenness is empty above CANVAS_BETWEENNESS_MAX_NODES. */
  values(name: CanvasMetricName): ReadonlyMap<string, number>;
  /** Louvain communities, numbered from 1 by size (largest first); a node alone is a community of one. */
  communities(): { of: ReadonlyMap<string, number>; sizes: readonly number[] };
  /** Whether betweenness was computed for this graph. */
  readonly betweennessComputed: boolean;
}

/** A partnership edge weighs its shared dispositifs; any other link weighs 1. */
const weightOf = (props: Record<string, unknown> | undefined) => {
  const weight = Number(props?.weight ?? 1);
  return Number.isFinite(weight) && weight > 0 ? weight : 1;
};

const once = <T>(compute: () => T) => {
  let value: { done: false } | { done: true; value: T } = { done: false };
  return () => {
    if (!value.done) value = { done: true, value: compute() };
    return value.value;
  };
};

/** The undirected weighted graph of the view: parallel links merged, their weights summed. */
function toGraphology(view: CanvasMetricGraph) {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const id of [...view.nodes].sort()) graph.addNode(id);
  for (const edge of view.edges) {
    if (edge.source === edge.target || !graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
    const weight = weightOf(edge.props);
    if (graph.hasEdge(edge.source, edge.target))
      graph.updateEdgeAttribute(
        edge.source,
        edge.target,
        'weight',
        (w: number | undefined) => (w ?? 0) + weight,
      );
    else graph.addEdge(edge.source, edge.target, { weight });
  }
  return graph;
}

export function createCanvasMetrics(view: CanvasMetricGraph): CanvasMetrics {
  const graph = once(() => toGraphology(view));
  const betweennessComputed = view.nodes.length <= CANVAS_BETWEENNESS_MAX_NODES;
  const computed: Record<CanvasMetricName, () => ReadonlyMap<string, number>> = {
    degree: once(() => degrees(view)),
    weightedDegree: once(() => {
      const values = new Map(view.nodes.map((id) => [id, 0]));
      for (const edge of view.edges) {
        if (edge.source === edge.target) continue;
        for (const end of [edge.source, edge.target])
          if (values.has(end)) values.set(end, values.get(end)! + weightOf(edge.props));
      }
      return values;
    }),
    betweenness: once(() => (betweennessComputed ? betweenness(view) : new Map<string, number>())),
    pageRank: once(() => {
      const g = graph();
      if (g.order === 0) return new Map<string, number>();
      return new Map(Object.entries(pagerank(g, { getEdgeWeight: 'weight' })));
    }),
  };
  const communities = once(() => {
    const g = graph();
    // Without a random walk Louvain visits nodes in order: the same view gets the same communities.
    const raw =
      g.size > 0
        ? louvain(g, { getEdgeWeight: 'weight', randomWalk: false })
        : Object.fromEntries(g.nodes().map((id, index) => [id, index]));
    const members = new Map<number, string[]>();
    for (const [id, community] of Object.entries(raw))
      members.set(community, [...(members.get(community) ?? []), id]);
    const ranked = [...members.values()].sort((a, b) => b.length - a.length || a[0]!.localeCompare(b[0]!));
    const of = new Map<string, number>();
    ranked.forEach((ids, index) => ids.forEach((id) => of.set(id, index + 1)));
    return { of, sizes: ranked.map((ids) => ids.length) };
  });
  return {
    values: (name) => computed[name](),
    communities,
    betweennessComputed,
  };
}

/** The metric values of one node, as table columns and export attributes (community numbered from 1). */
export function metricsOfNode(metrics: CanvasMetrics, id: string) {
  return {
    degree: metrics.values('degree').get(id) ?? 0,
    weightedDegree: metrics.values('weightedDegree').get(id) ?? 0,
    betweenness: metrics.betweennessComputed ? (metrics.values('betweenness').get(id) ?? 0) : null,
    pageRank: metrics.values('pageRank').get(id) ?? 0,
    community: metrics.communities().of.get(id) ?? 0,
  };
}
