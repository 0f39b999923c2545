import graphologyModule from 'graphology';
import { createRandom } from '../random.js';
import louvainModule from 'graphology-communities-louvain';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import type { GraphSliceRow, NodeRow } from '../queries/rows.js';

// CommonJS packages whose typings declare an ES default: Node hands over module.exports itself.
const Graph = graphologyModule as unknown as typeof graphologyModule.default;
const louvain = louvainModule as unknown as typeof louvainModule.default;
const betweennessCentrality = betweennessModule as unknown as typeof betweennessModule.default;
const pagerank = pagerankModule as unknown as typeof pagerankModule.default;

/**
 * Metrics of the partnership projection, computed in process with graphology:
 * degree, weighted degree, PageRank (weighted), Louvain communities (weighted,
 * seeded so that the same graph gives the same communities) and exact
 * betweenness — exact Brandes is O(n·m), so above BETWEENNESS_MAX_NODES it is
 * not computed and the answer says so.
 */

export const BETWEENNESS_MAX_NODES = 3_000;
/** Members of a community listed as its most central (by PageRank). */
export const CENTRAL_MEMBERS = 5;

export type BetweennessMethod = 'EXACT' | 'NOT_COMPUTED';

export interface NodeMetricsRow {
  node: NodeRow;
  degree: number;
  weightedDegree: number;
  betweenness: number | null;
  pageRank: number;
  community: number;
}

export interface CommunityRow {
  id: number;
  size: number;
  central: NodeRow[];
}

export interface NetworkMetricsRow {
  nodes: NodeMetricsRow[];
  modularity: number;
  communities: CommunityRow[];
  betweennessMethod: BetweennessMethod;
}

const weightOf = (props: Record<string, unknown>) => {
  const weight = Number(props.weight ?? 1);
  return Number.isFinite(weight) && weight > 0 ? weight : 1;
};

export function computeNetworkMetrics(slice: GraphSliceRow): NetworkMetricsRow {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  // Sorted, so that the graph (and Louvain's walk over it) does not depend on row order.
  const nodes = [...slice.nodes].sort((a, b) => a.id.localeCompare(b.id));
  for (const node of nodes) graph.addNode(node.id);
  for (const edge of [...slice.edges].sort((a, b) => a.id.localeCompare(b.id))) {
    if (edge.source === edge.target || !graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
    const weight = weightOf(edge.props);
    if (graph.hasEdge(edge.source, edge.target)) {
      graph.updateEdgeAttribute(
        edge.source,
        edge.target,
        'weight',
        (w: number | undefined) => (w ?? 0) + weight,
      );
    } else {
      graph.addEdge(edge.source, edge.target, { weight });
    }
  }
  if (graph.order === 0) return { nodes: [], modularity: 0, communities: [], betweennessMethod: 'EXACT' };

  const detailed =
    graph.size > 0
      ? // Seeded, so that Louvain's tie-breaks are the same on every run.
        louvain.detailed(graph, { getEdgeWeight: 'weight', rng: createRandom(42).next })
      : { communities: Object.fromEntries(graph.nodes().map((id, index) => [id, index])), modularity: 0 };
  const ranks = pagerank(graph, { getEdgeWeight: 'weight' });
  const exact = graph.order <= BETWEENNESS_MAX_NODES;
  // Unweighted: the weight counts shared dispositifs, a closeness, not a distance.
  const betweenness = exact ? betweennessCentrality(graph, { normalized: true, getEdgeWeight: null }) : null;

  const rows: NodeMetricsRow[] = nodes.map((node) => ({
    node,
    degree: graph.degree(node.id),
    weightedDegree: graph.reduceEdges(
      node.id,
      (sum, _edge, attributes) => sum + Number(attributes.weight),
      0,
    ),
    betweenness: betweenness ? (betweenness[node.id] ?? 0) : null,
    pageRank: ranks[node.id] ?? 0,
    community: detailed.communities[node.id] ?? 0,
  }));

  const byCommunity = new Map<number, NodeMetricsRow[]>();
  for (const row of rows) byCommunity.set(row.community, [...(byCommunity.get(row.community) ?? []), row]);
  const communities = [...byCommunity.entries()]
    .map(([id, members]) => ({
      id,
      size: members.length,
      central: [...members]
        .sort((a, b) => b.pageRank - a.pageRank || a.node.id.localeCompare(b.node.id))
        .slice(0, CENTRAL_MEMBERS)
        .map((member) => member.node),
    }))
    .sort((a, b) => b.size - a.size || a.id - b.id);

  return {
    nodes: rows.sort((a, b) => b.pageRank - a.pageRank || a.node.id.localeCompare(b.node.id)),
    modularity: detailed.modularity,
    communities,
    betweennessMethod: exact ? 'EXACT' : 'NOT_COMPUTED',
  };
}
