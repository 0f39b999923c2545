import graphologyModule from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import modularityModule from 'graphology-metrics/graph/modularity.js';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.js';
import { louvainCommunities, weightedAdjacency, weightedPageRank } from './weighted-graph.js';

const Graph = graphologyModule as unknown as typeof graphologyModule.default;
const louvain = louvainModule as unknown as typeof louvainModule.default;
const modularity = modularityModule as unknown as typeof modularityModule.default;
const pagerank = pagerankModule as unknown as typeof pagerankModule.default;

/** Planted clusters: dense inside (heavy pairs), a few light pairs between them. */
function plantedPairs(seed: number, clusters: number, size: number) {
  const random = createRandom(seed);
  const pairs = new Map<number, number>();
  const n = clusters * size;
  for (let a = 0; a < n; a += 1) {
    for (let b = a + 1; b < n; b += 1) {
      const together = Math.floor(a / size) === Math.floor(b / size);
      if (random.chance(together ? 0.6 : 0.01)) pairs.set(a * n + b, together ? 1 + random.int(5) : 1);
    }
  }
  const keys = [...pairs.keys()].sort((x, y) => x - y);
  return {
    n,
    sources: Int32Array.from(keys, (key) => Math.floor(key / n)),
    targets: Int32Array.from(keys, (key) => key % n),
    weights: Float64Array.from(keys, (key) => pairs.get(key)!),
  };
}

function graphologyOf({ n, sources, targets, weights }: ReturnType<typeof plantedPairs>) {
  const graph = new Graph({ type: 'undirected' });
  for (let i = 0; i < n; i += 1) graph.addNode(String(i));
  sources.forEach((a, i) => graph.addEdge(String(a), String(targets[i]), { weight: weights[i] }));
  return graph;
}

describe('weightedPageRank', () => {
  it('gives graphology-metrics’ weighted PageRank', () => {
    const pairs = plantedPairs(1, 5, 30);
    const ours = weightedPageRank(weightedAdjacency(pairs.n, pairs.sources, pairs.targets, pairs.weights));
    const theirs = pagerank(graphologyOf(pairs), { getEdgeWeight: 'weight' });
    for (let i = 0; i < pairs.n; i += 1) expect(ours[i]).toBeCloseTo(theirs[String(i)]!, 12);
    expect(ours.reduce((sum, x) => sum + x, 0)).toBeCloseTo(1, 9);
  });
});

describe('louvainCommunities', () => {
  it('finds planted clusters, with the modularity graphology computes for them', () => {
    const pairs = plantedPairs(2, 6, 25);
    const { community, modularity: q } = louvainCommunities(
      weightedAdjacency(pairs.n, pairs.sources, pairs.targets, pairs.weights),
      createRandom(42).next,
    );
    for (let i = 0; i < pairs.n; i += 1) {
      expect(community[i]).toBe(community[Math.floor(i / 25) * 25]);
      if (i >= 25) expect(community[i]).not.toBe(community[i - 25]);
    }
    const graph = graphologyOf(pairs);
    const partition = Object.fromEntries([...community].map((c, i) => [String(i), c]));
    expect(q).toBeCloseTo(modularity(graph, { getNodeCommunity: (node) => partition[node]! }), 9);
  });

  it('reaches the modularity graphology’s Louvain reaches on noisy graphs', () => {
    for (const seed of [3, 4, 5]) {
      const random = createRandom(seed);
      const pairs = plantedPairs(seed, 8, 12);
      // Noise: light pairs anywhere.
      const noisy = { ...pairs, weights: pairs.weights.map((w) => w * (0.5 + random.next())) };
      const ours = louvainCommunities(
        weightedAdjacency(noisy.n, noisy.sources, noisy.targets, noisy.weights),
        createRandom(42).next,
      ).modularity;
      const theirs = louvain.detailed(graphologyOf(noisy), {
        getEdgeWeight: 'weight',
        rng: createRandom(42).next,
      }).modularity;
      expect(ours).toBeGreaterThan(theirs - 0.02);
    }
  });

  it('leaves each node alone without pairs', () => {
    const { community, modularity: q } = louvainCommunities(
      weightedAdjacency(3, new Int32Array(), new Int32Array(), new Float64Array()),
      createRandom(1).next,
    );
    expect([...community]).toEqual([0, 1, 2]);
    expect(q).toBe(0);
  });
});
