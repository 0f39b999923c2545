/**
 * Betweenness estimated from a sample of sources (Brandes–Pich): Brandes'
 * accumulation run from `samples` sources drawn without replacement, scaled by
 * n / samples. Exact Brandes is O(n·m) — hours on the national partnership
 * network — while each source costs one breadth-first search, O(m).
 * Unweighted, normalised as graphology's exact betweenness (1 / ((n−1)(n−2))).
 */

import type { Adjacency } from './adjacency.js';

export function sampledBetweenness(graph: Adjacency, samples: number, random: () => number): Float64Array {
  const { starts, neighbours } = graph;
  const n = starts.length - 1;
  const centrality = new Float64Array(n);
  if (n <= 2) return centrality;
  const k = Math.max(1, Math.min(Math.trunc(samples), n));
  // A partial Fisher–Yates shuffle: the first k entries are the sources.
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < k; i += 1) {
    const j = i + Math.floor(random() * (n - i));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const distance = new Int32Array(n);
  const stack = new Int32Array(n);
  for (let sample = 0; sample < k; sample += 1) {
    const source = order[sample]!;
    distance.fill(-1);
    sigma.fill(0);
    delta.fill(0);
    distance[source] = 0;
    sigma[source] = 1;
    // The queue of the breadth-first search is the stack read forwards.
    stack[0] = source;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = stack[head++]!;
      const next = distance[v]! + 1;
      for (let e = starts[v]!; e < starts[v + 1]!; e += 1) {
        const w = neighbours[e]!;
        if (distance[w] === -1) {
          distance[w] = next;
          stack[tail++] = w;
        }
        if (distance[w] === next) sigma[w]! += sigma[v]!;
      }
    }
    // Dependencies in order of decreasing distance; predecessors are the neighbours one step closer.
    for (let i = tail - 1; i > 0; i -= 1) {
      const w = stack[i]!;
      const share = (1 + delta[w]!) / sigma[w]!;
      const previous = distance[w]! - 1;
      for (let e = starts[w]!; e < starts[w + 1]!; e += 1) {
        const v = neighbours[e]!;
        if (distance[v] === previous) delta[v]! += sigma[v]! * share;
      }
      centrality[w]! += delta[w]!;
    }
  }
  const scale = n / k / ((n - 1) * (n - 2));
  for (let i = 0; i < n; i += 1) centrality[i]! *= scale;
  return centrality;
}
