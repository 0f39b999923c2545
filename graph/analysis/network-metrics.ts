import graphologyModule from 'graphology';
import { createRandom } from '../random.js';
import louvainModule from 'graphology-communities-louvain';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import type { GraphSliceRow, NodeRow } from '../queries/rows.js';
import { compressedAdjacency, type Adjacency } from './adjacency.js';
import { sampledBetweenness } from './sampled-betweenness.js';

// CommonJS packages whose typings declare an ES default: Node hands over module.exports itself.
const Graph = graphologyModule as unknown as typeof graphologyModule.default;
const louvain = louvainModule as unknown as typeof louvainModule.default;
const betweennessCentrality = betweennessModule as unknown as typeof betweennessModule.default;
const pagerank = pagerankModule as unknown as typeof pagerankModule.default;

/**
 * Metrics of the partnership projection, computed in process with graphology:
 * degree, weighted degree, PageRank (weighted), Louvain communities (weighted,
 * seeded so that the same graph gives the same communities) and betweenness —
 * exact Brandes (O(n·m)) up to BETWEENNESS_MAX_NODES, above it estimated from
 * sampled sources (graph/analysis/sampled-betweenness.ts), the answer says which.
 */

export const BETWEENNESS_MAX_NODES = 3_000;
/**
 * Above BETWEENNESS_MAX_NODES, the breadth-first searches the estimate may walk, in
 * adjacency entries visited: the sources are as many as fit (at least
 * BETWEENNESS_MIN_SAMPLES) — 16 on the national network (~850,000 pairs).
 */
export const BETWEENNESS_BUDGET = 20_000_000;
export const BETWEENNESS_MIN_SAMPLES = 16;
/** Members of a community listed as its most central (by PageRank). */
export const CENTRAL_MEMBERS = 5;

export type BetweennessMethod = 'EXACT' | 'SAMPLED';

export interface NodeMetricsRow {
  node: NodeRow;
  degree: number;
  weightedDegree: number;
  betweenness: number;
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
  /** Sources the betweenness estimate started from; null when exact. */
  betweennessSamples: number | null;
  /** Whether the network was cut to its heaviest pairs before the metrics. */
  truncated: boolean;
}

/**
 * A weighted undirected network in arrays: pair i joins `nodes[sources[i]]` and
 * `nodes[targets[i]]` (sources[i] < targets[i], each pair once) with `weights[i]`.
 */
export interface PairNetwork {
  nodes: readonly NodeRow[];
  sources: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
  /** Whether pairs of the projection were left out (the heaviest are kept). */
  truncated: boolean;
}

const weightOf = (props: Record<string, unknown>) => {
  const weight = Number(props.weight ?? 1);
  return Number.isFinite(weight) && weight > 0 ? weight : 1;
};

/** A slice as a pair network: nodes sorted by id, parallel edges summed, loops and dangling ends left out. */
export function toPairNetwork(slice: GraphSliceRow): PairNetwork {
  const nodes = [...slice.nodes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const weights = new Map<number, number>();
  for (const edge of slice.edges) {
    const a = index.get(edge.source);
    const b = index.get(edge.target);
    if (a === undefined || b === undefined || a === b) continue;
    const key = Math.min(a, b) * nodes.length + Math.max(a, b);
    weights.set(key, (weights.get(key) ?? 0) + weightOf(edge.props));
  }
  const keys = [...weights.keys()].sort((x, y) => x - y);
  return {
    nodes,
    sources: Int32Array.from(keys, (key) => Math.floor(key / nodes.length)),
    targets: Int32Array.from(keys, (key) => key % nodes.length),
    weights: Float64Array.from(keys, (key) => weights.get(key)!),
    truncated: slice.truncated,
  };
}

/** Each pair as an entry of both its ends. */
const adjacencyOf = (network: PairNetwork): Adjacency =>
  compressedAdjacency(network.nodes.length, (add) => {
    for (let i = 0; i < network.sources.length; i += 1) {
      add(network.sources[i]!, network.targets[i]!);
      add(network.targets[i]!, network.sources[i]!);
    }
  });

export function computeNetworkMetrics(slice: GraphSliceRow): NetworkMetricsRow {
  return computePairNetworkMetrics(toPairNetwork(slice));
}

export function computePairNetworkMetrics(network: PairNetwork): NetworkMetricsRow {
  const { nodes, sources, targets, weights } = network;
  const n = nodes.length;
  if (n === 0)
    return {
      nodes: [],
      modularity: 0,
      communities: [],
      betweennessMethod: 'EXACT',
      betweennessSamples: null,
      truncated: network.truncated,
    };
  // Built in id order, pairs in index order, so that Louvain's walk does not depend on row order.
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const node of nodes) graph.addNode(node.id);
  for (let i = 0; i < sources.length; i += 1)
    graph.addEdge(nodes[sources[i]!]!.id, nodes[targets[i]!]!.id, { weight: weights[i]! });

  const detailed =
    graph.size > 0
      ? // Seeded, so that Louvain's tie-breaks are the same on every run.
        louvain.detailed(graph, { getEdgeWeight: 'weight', rng: createRandom(42).next })
      : { communities: Object.fromEntries(nodes.map((node, index) => [node.id, index])), modularity: 0 };
  const ranks = pagerank(graph, { getEdgeWeight: 'weight' });
  const exact = n <= BETWEENNESS_MAX_NODES;
  // Unweighted: the weight counts shared dispositifs, a closeness, not a distance.
  let betweenness: (i: number) => number;
  let samples: number | null = null;
  if (exact) {
    const values = betweennessCentrality(graph, { normalized: true, getEdgeWeight: null });
    betweenness = (i) => values[nodes[i]!.id] ?? 0;
  } else {
    samples = Math.min(
      n,
      Math.max(BETWEENNESS_MIN_SAMPLES, Math.floor(BETWEENNESS_BUDGET / Math.max(1, 2 * sources.length))),
    );
    const values = sampledBetweenness(adjacencyOf(network), samples, createRandom(7).next);
    betweenness = (i) => values[i]!;
  }

  const degree = new Int32Array(n);
  const weightedDegree = new Float64Array(n);
  for (let i = 0; i < sources.length; i += 1) {
    for (const end of [sources[i]!, targets[i]!]) {
      degree[end]! += 1;
      weightedDegree[end]! += weights[i]!;
    }
  }
  const rows: NodeMetricsRow[] = nodes.map((node, i) => ({
    node,
    degree: degree[i]!,
    weightedDegree: weightedDegree[i]!,
    betweenness: betweenness(i),
    pageRank: ranks[node.id] ?? 0,
    community: detailed.communities[node.id] ?? 0,
  }));

  const byCommunity = new Map<number, NodeMetricsRow[]>();
  for (const row of rows) {
    const members = byCommunity.get(row.community);
    if (members) members.push(row);
    else byCommunity.set(row.community, [row]);
  }
  const byRank = (a: NodeMetricsRow, b: NodeMetricsRow) =>
    b.pageRank - a.pageRank || (a.node.id < b.node.id ? -1 : a.node.id > b.node.id ? 1 : 0);
  const communities = [...byCommunity.entries()]
    .map(([id, members]) => ({
      id,
      size: members.length,
      central: [...members]
        .sort(byRank)
        .slice(0, CENTRAL_MEMBERS)
        .map((member) => member.node),
    }))
    .sort((a, b) => b.size - a.size || a.id - b.id);

  return {
    nodes: rows.sort(byRank),
    modularity: detailed.modularity,
    communities,
    betweennessMethod: exact ? 'EXACT' : 'SAMPLED',
    betweennessSamples: samples,
    truncated: network.truncated,
  };
}
