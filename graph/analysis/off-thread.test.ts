import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.js';
import { computeMetricArrays } from './network-metrics.js';
import { computeMetricsOffThread } from './off-thread.js';
import { heaviestPairNetwork } from './pair-network.js';

/** A seeded projection with hubs: groups of sorted distinct members, and explicit links. */
function randomProjection(seed: number, width: number, groupCount: number) {
  const random = createRandom(seed);
  const groups = Array.from({ length: groupCount }, () => {
    const members = new Set<number>();
    const size = 2 + random.int(random.chance(0.05) ? width / 2 : 8);
    while (members.size < Math.min(size, width))
      members.add(random.chance(0.2) ? random.int(5) : random.int(width));
    return Int32Array.from([...members].sort((a, b) => a - b));
  });
  const links: number[] = [];
  for (let i = 0; i < width / 10; i += 1) {
    const a = random.int(width - 1);
    links.push(a, a + 1 + random.int(width - a - 1));
  }
  return { width, groups, links: Int32Array.from(links) };
}

describe('metrics on the worker thread', () => {
  it('gives the network and metrics the server thread computes, cut to the heaviest pairs', async () => {
    const projection = randomProjection(3, 400, 300);
    const maxPairs = 1_500;
    const job = computeMetricsOffThread({ ...projection, maxPairs });
    const { ends, total } = await job.ends;
    const { network, metrics } = await job.done;

    const inline = heaviestPairNetwork(projection.width, projection.groups, projection.links, maxPairs);
    expect(total).toBeGreaterThan(maxPairs);
    expect(total).toBe(inline.total);
    expect(network.sources.length).toBe(maxPairs);
    expect([...ends]).toEqual([...inline.ends]);
    expect([...network.sources]).toEqual([...inline.sources]);
    expect([...network.weights]).toEqual([...inline.weights]);
    const expected = computeMetricArrays(inline.ends.length, inline.sources, inline.targets, inline.weights);
    expect(metrics.modularity).toBeCloseTo(expected.modularity, 12);
    expect([...metrics.community]).toEqual([...expected.community]);
    expect([...metrics.pageRank]).toEqual([...expected.pageRank]);
    expect([...metrics.betweenness]).toEqual([...expected.betweenness]);
    expect([...metrics.weightedDegree]).toEqual([...expected.weightedDegree]);
  });

  it('answers jobs in the order they were given, each with its own result', async () => {
    const small = randomProjection(5, 60, 40);
    const large = randomProjection(6, 300, 200);
    const [first, second] = [
      computeMetricsOffThread({ ...large, maxPairs: 10_000 }),
      computeMetricsOffThread({ ...small, maxPairs: 10_000 }),
    ];
    const [a, b] = await Promise.all([first.done, second.done]);
    expect(a.network.total).toBe(heaviestPairNetwork(large.width, large.groups, large.links, 10_000).total);
    expect(b.network.total).toBe(heaviestPairNetwork(small.width, small.groups, small.links, 10_000).total);
  });
});
