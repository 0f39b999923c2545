import graphologyModule from 'graphology';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.js';
import { compressedAdjacency } from './adjacency.js';
import { sampledBetweenness } from './sampled-betweenness.js';

const Graph = graphologyModule as unknown as typeof graphologyModule.default;
const betweennessCentrality = betweennessModule as unknown as typeof betweennessModule.default;

// Two 4-cliques joined by a path through a broker, plus a pendant node: paths of several lengths and ties.
const EDGES: [number, number][] = [
  [0, 1],
  [0, 2],
  [0, 3],
  [1, 2],
  [1, 3],
  [2, 3],
  [3, 4],
  [4, 5],
  [4, 9],
  [5, 6],
  [5, 7],
  [5, 8],
  [6, 7],
  [6, 8],
  [7, 8],
  [8, 10],
];
const N = 11;

const adjacencyOf = (edges: [number, number][], n: number) =>
  compressedAdjacency(n, (add) => {
    for (const [a, b] of edges) {
      add(a, b);
      add(b, a);
    }
  });

describe('sampledBetweenness', () => {
  it('is exact Brandes (as graphology normalises it) when every node is a source', () => {
    const graph = new Graph({ type: 'undirected' });
    for (let i = 0; i < N; i += 1) graph.addNode(String(i));
    for (const [a, b] of EDGES) graph.addEdge(String(a), String(b));
    const exact = betweennessCentrality(graph, { normalized: true, getEdgeWeight: null });
    const sampled = sampledBetweenness(adjacencyOf(EDGES, N), N, createRandom(1).next);
    for (let i = 0; i < N; i += 1) expect(sampled[i]).toBeCloseTo(exact[String(i)]!, 10);
    expect(Math.max(...sampled)).toBe(sampled[4]);
  });

  it('estimates from a sample: the same seed gives the same values, the broker still ranks first', () => {
    const adjacency = adjacencyOf(EDGES, N);
    const once = sampledBetweenness(adjacency, 5, createRandom(7).next);
    expect(sampledBetweenness(adjacency, 5, createRandom(7).next)).toEqual(once);
    const sources = sampledBetweenness(adjacency, 8, createRandom(3).next);
    expect([...sources].indexOf(Math.max(...sources))).toBe(4);
    expect(sources[10]).toBe(0);
  });
});
