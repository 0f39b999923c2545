import graphologyModule from 'graphology';
import { createRandom } from '../random.js';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import type { GraphSliceRow, NodeRow } from '../queries/rows.js';
import { sampledBetweenness } from './sampled-betweenness.js';
import { louvainCommunities, weightedAdjacency, weightedPageRank } from './weighted-graph.js';

// CommonJS packages whose typings declare an ES default: Node hands over module.exports itself.
const Graph = graphologyModule as unknown as typeof graphologyModule.default;
const betweennessCentrality = betweennessModule as unknown as typeof betweennessModule.default;

/**
 * Metrics of the partnership projection, computed in process: degree, weighted
 * degree, PageRank (weighted) and Louvain communities (weighted, seeded so that the
 * same graph gives the same communities) on typed arrays (graph/analysis/weighted-graph.ts),
 * and betweenness — exact Brandes (graphology, O(n·m)) up to BETWEENNESS_MAX_NODES, above it estimated from
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

export function computeNetworkMetrics(slice: GraphSliceRow): NetworkMetricsRow {
  return computePairNetworkMetrics(toPairNetwork(slice));
}

/**
 * The metrics of a pair network by node number: what a worker thread computes
 * (graph/analysis/metrics-worker.ts), typed arrays only, so they cross threads cheaply.
 */
export interface MetricArrays {
  degree: Int32Array;
  weightedDegree: Float64Array;
  betweenness: Float64Array;
  pageRank: Float64Array;
  community: Int32Array;
  modularity: number;
  betweennessMethod: BetweennessMethod;
  betweennessSamples: number | null;
}

/** Metrics of `n` nodes joined by the pairs (sources[i], targets[i]) of weights[i]. */
export function computeMetricArrays(
  n: number,
  sources: Int32Array,
  targets: Int32Array,
  weights: Float64Array,
): MetricArrays {
  const degree = new Int32Array(n);
  const weightedDegree = new Float64Array(n);
  for (let i = 0; i < sources.length; i += 1) {
    for (const end of [sources[i]!, targets[i]!]) {
      degree[end]! += 1;
      weightedDegree[end]! += weights[i]!;
    }
  }
  const pageRank = new Float64Array(n);
  const community = new Int32Array(n);
  const exact = n <= BETWEENNESS_MAX_NODES;
  if (n === 0 || sources.length === 0) {
    // No pair: each node its own community (Louvain needs an edge).
    for (let i = 0; i < n; i += 1) {
      community[i] = i;
      pageRank[i] = 1 / n;
    }
    return {
      degree,
      weightedDegree,
      betweenness: new Float64Array(n),
      pageRank,
      community,
      modularity: 0,
      betweennessMethod: 'EXACT',
      betweennessSamples: null,
    };
  }
  const adjacency = weightedAdjacency(n, sources, targets, weights);
  // Seeded, so that Louvain's order and tie-breaks are the same on every run.
  const detailed = louvainCommunities(adjacency, createRandom(42).next);
  community.set(detailed.community);
  pageRank.set(weightedPageRank(adjacency));
  // Unweighted: the weight counts shared dispositifs, a closeness, not a distance.
  let betweenness: Float64Array;
  let samples: number | null = null;
  if (exact) {
    const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
    for (let i = 0; i < n; i += 1) graph.addNode(String(i));
    for (let i = 0; i < sources.length; i += 1) graph.addEdge(String(sources[i]!), String(targets[i]!));
    const values = betweennessCentrality(graph, { normalized: true, getEdgeWeight: null });
    betweenness = Float64Array.from({ length: n }, (_, i) => values[String(i)] ?? 0);
  } else {
    samples = Math.min(
      n,
      Math.max(BETWEENNESS_MIN_SAMPLES, Math.floor(BETWEENNESS_BUDGET / Math.max(1, 2 * sources.length))),
    );
    betweenness = sampledBetweenness(adjacency, samples, createRandom(7).next);
  }
  return {
    degree,
    weightedDegree,
    betweenness,
    pageRank,
    community,
    modularity: detailed.modularity,
    betweennessMethod: exact ? 'EXACT' : 'SAMPLED',
    betweennessSamples: samples,
  };
}

/** The rows the API answers with: metrics by node, ranked by PageRank, and the communities. */
export function toNetworkMetricsRow(
  nodes: readonly NodeRow[],
  metrics: MetricArrays,
  truncated: boolean,
): NetworkMetricsRow {
  const rows: NodeMetricsRow[] = nodes.map((node, i) => ({
    node,
    degree: metrics.degree[i]!,
    weightedDegree: metrics.weightedDegree[i]!,
    betweenness: metrics.betweenness[i]!,
    pageRank: metrics.pageRank[i]!,
    community: metrics.community[i]!,
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
    modularity: metrics.modularity,
    communities,
    betweennessMethod: metrics.betweennessMethod,
    betweennessSamples: metrics.betweennessSamples,
    truncated,
  };
}

export function computePairNetworkMetrics(network: PairNetwork): NetworkMetricsRow {
  const { nodes, sources, targets, weights } = network;
  return toNetworkMetricsRow(
    nodes,
    computeMetricArrays(nodes.length, sources, targets, weights),
    network.truncated,
  );
}
