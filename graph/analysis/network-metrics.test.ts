import { describe, expect, it } from 'vitest';
import type { EdgeRow, GraphSliceRow, NodeRow } from '../queries/rows.js';
import {
  BETWEENNESS_MAX_NODES,
  computeNetworkMetrics,
  computePairNetworkMetrics,
} from './network-metrics.js';

const node = (id: string): NodeRow => ({ id, label: 'Organisation', props: { name: id } });
const edge = (source: string, target: string, weight = 1): EdgeRow => ({
  id: `${source}|PARTNERS|${target}`,
  source,
  target,
  type: 'PARTNERS',
  sources: [],
  props: { weight },
});

// Two triangles (a, b, c) and (d, e, f) joined through the broker x.
const TWO_CLUSTERS: GraphSliceRow = {
  nodes: ['org:a', 'org:b', 'org:c', 'org:d', 'org:e', 'org:f', 'org:x'].map(node),
  edges: [
    edge('org:a', 'org:b', 3),
    edge('org:b', 'org:c', 3),
    edge('org:a', 'org:c', 3),
    edge('org:d', 'org:e', 3),
    edge('org:e', 'org:f', 3),
    edge('org:d', 'org:f', 3),
    edge('org:c', 'org:x'),
    edge('org:x', 'org:d'),
  ],
  truncated: false,
};

const byId = (metrics: ReturnType<typeof computeNetworkMetrics>) =>
  new Map(metrics.nodes.map((row) => [row.node.id, row]));

describe('computeNetworkMetrics', () => {
  it('finds the two clusters as communities, with a positive modularity', () => {
    const metrics = computeNetworkMetrics(TWO_CLUSTERS);
    const rows = byId(metrics);
    const community = (id: string) => rows.get(id)!.community;
    expect(community('org:a')).toBe(community('org:b'));
    expect(community('org:a')).toBe(community('org:c'));
    expect(community('org:d')).toBe(community('org:f'));
    expect(community('org:a')).not.toBe(community('org:d'));
    expect(metrics.modularity).toBeGreaterThan(0.3);
    expect(metrics.communities.reduce((sum, c) => sum + c.size, 0)).toBe(7);
    expect(metrics.communities[0]!.central.length).toBeGreaterThan(0);
  });

  it('gives the broker the highest betweenness, and degrees with their weights', () => {
    const metrics = computeNetworkMetrics(TWO_CLUSTERS);
    const rows = byId(metrics);
    const top = [...metrics.nodes].sort((a, b) => b.betweenness! - a.betweenness!)[0]!;
    expect(top.node.id).toBe('org:x');
    expect(rows.get('org:a')!.betweenness).toBe(0);
    expect(rows.get('org:c')).toMatchObject({ degree: 3, weightedDegree: 7 });
    expect(metrics.betweennessMethod).toBe('EXACT');
    const total = metrics.nodes.reduce((sum, row) => sum + row.pageRank, 0);
    expect(total).toBeCloseTo(1, 5);
  });

  it('is the same whatever the order of the rows', () => {
    const shuffled = {
      ...TWO_CLUSTERS,
      nodes: [...TWO_CLUSTERS.nodes].reverse(),
      edges: [...TWO_CLUSTERS.edges].reverse(),
    };
    expect(computeNetworkMetrics(shuffled)).toEqual(computeNetworkMetrics(TWO_CLUSTERS));
  });

  it('answers an empty network, and one without edges', () => {
    expect(computeNetworkMetrics({ nodes: [], edges: [], truncated: false })).toMatchObject({
      nodes: [],
      modularity: 0,
    });
    const lonely = computeNetworkMetrics({
      nodes: [node('org:a'), node('org:b')],
      edges: [],
      truncated: false,
    });
    expect(lonely.communities).toHaveLength(2);
  });

  it('estimates betweenness from sampled sources above the exact bound, and says so', () => {
    // Clusters of 10 in a chain, each joined to the next through one member: the joints carry the paths.
    const n = BETWEENNESS_MAX_NODES + 500;
    const nodes = Array.from({ length: n }, (_, i) => node(`org:${String(i).padStart(5, '0')}`));
    const pairs: [number, number][] = [];
    for (let i = 0; i < n; i += 1) {
      if (i % 10 !== 0) pairs.push([i - (i % 10), i]);
      if (i % 10 === 9 && i + 1 < n) pairs.push([i, i + 1]);
    }
    const metrics = computePairNetworkMetrics({
      nodes,
      sources: Int32Array.from(pairs, ([a]) => a),
      targets: Int32Array.from(pairs, ([, b]) => b),
      weights: Float64Array.from(pairs, () => 1),
      truncated: false,
    });
    expect(metrics.betweennessMethod).toBe('SAMPLED');
    expect(metrics.betweennessSamples).toBeGreaterThan(0);
    const rows = byId(metrics);
    // A leaf of a cluster lies on no shortest path; the middle of the chain on the most.
    expect(rows.get('org:00003')!.betweenness).toBe(0);
    const middle = rows.get(`org:${String(Math.floor(n / 20) * 10).padStart(5, '0')}`)!.betweenness;
    expect(middle).toBeGreaterThan(rows.get('org:00010')!.betweenness);
    expect(metrics.communities.length).toBeGreaterThan(10);
  });
});
