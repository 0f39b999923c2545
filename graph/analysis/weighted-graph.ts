/**
 * PageRank and Louvain on a weighted compressed adjacency: node i's entries are
 * `neighbours[starts[i]..starts[i+1])` with `weights` beside them, each undirected
 * pair listed at both ends. At national scale (7,000 organisations, 200,000 pairs)
 * building a graphology graph and its indices took longer than the algorithms.
 */
import type { Adjacency } from './adjacency.js';

export interface WeightedAdjacency extends Adjacency {
  weights: Float64Array;
}

/** A pair network's adjacency: pair i joins sources[i] and targets[i] with weights[i]. */
export function weightedAdjacency(
  n: number,
  sources: Int32Array,
  targets: Int32Array,
  weights: Float64Array,
): WeightedAdjacency {
  const starts = new Int32Array(n + 1);
  for (let i = 0; i < sources.length; i += 1) {
    starts[sources[i]! + 1]! += 1;
    starts[targets[i]! + 1]! += 1;
  }
  for (let v = 0; v < n; v += 1) starts[v + 1]! += starts[v]!;
  const neighbours = new Int32Array(starts[n]!);
  const entryWeights = new Float64Array(starts[n]!);
  const fill = starts.slice(0, n);
  for (let i = 0; i < sources.length; i += 1) {
    const [a, b, w] = [sources[i]!, targets[i]!, weights[i]!];
    neighbours[fill[a]!] = b;
    entryWeights[fill[a]!++] = w;
    neighbours[fill[b]!] = a;
    entryWeights[fill[b]!++] = w;
  }
  return { starts, neighbours, weights: entryWeights };
}

/**
 * Weighted PageRank as graphology-metrics computes it (alpha 0.85, at most 100
 * iterations, converged when the summed change is under n·1e-6; a node without
 * weight spreads its rank evenly). Values sum to 1.
 */
export function weightedPageRank(graph: WeightedAdjacency, alpha = 0.85, tolerance = 1e-6): Float64Array {
  const { starts, neighbours, weights } = graph;
  const n = starts.length - 1;
  const p = 1 / n;
  const share = new Float64Array(weights.length);
  const dangling: number[] = [];
  for (let i = 0; i < n; i += 1) {
    let degree = 0;
    for (let e = starts[i]!; e < starts[i + 1]!; e += 1) degree += weights[e]!;
    if (degree === 0) dangling.push(i);
    for (let e = starts[i]!; e < starts[i + 1]!; e += 1) share[e] = weights[e]! / degree;
  }
  let x = new Float64Array(n).fill(p);
  let next = new Float64Array(n);
  for (let iteration = 0; iteration < 100; iteration += 1) {
    let dangleSum = 0;
    for (const i of dangling) dangleSum += x[i]!;
    dangleSum *= alpha;
    next.fill(0);
    for (let i = 0; i < n; i += 1) {
      for (let e = starts[i]!; e < starts[i + 1]!; e += 1) next[neighbours[e]!]! += alpha * x[i]! * share[e]!;
      next[i]! += dangleSum * p + (1 - alpha) * p;
    }
    let error = 0;
    for (let i = 0; i < n; i += 1) error += Math.abs(next[i]! - x[i]!);
    [x, next] = [next, x];
    if (error < n * tolerance) return x;
  }
  throw new Error('PageRank did not converge in 100 iterations.');
}

/**
 * Louvain communities (Blondel et al. 2008), weighted: each level moves nodes to
 * the neighbouring community of best modularity gain until none moves, then
 * merges each community into one node. Returns each
 * node's community (numbered 0… in order of first member) and the modularity.
 */
export function louvainCommunities(
  graph: WeightedAdjacency,
  random: () => number,
): { community: Int32Array; modularity: number } {
  const n0 = graph.starts.length - 1;
  const membership = Int32Array.from({ length: n0 }, (_, i) => i);
  let { starts, neighbours, weights } = graph;
  let loops = new Float64Array(n0);
  let total = 0;
  for (let e = 0; e < weights.length; e += 1) total += weights[e]!;
  if (total === 0) return { community: membership, modularity: 0 };

  for (;;) {
    const n = starts.length - 1;
    const degree = new Float64Array(n);
    for (let i = 0; i < n; i += 1) {
      degree[i] = loops[i]!;
      for (let e = starts[i]!; e < starts[i + 1]!; e += 1) degree[i]! += weights[e]!;
    }
    const community = Int32Array.from({ length: n }, (_, i) => i);
    const communityDegree = Float64Array.from(degree);
    const towards = new Float64Array(n).fill(-1);
    const met: number[] = [];
    // Fast local moves (Traag 2015): every node once, in a seeded random order, then
    // again only the neighbours of a node that moved, until none is waiting.
    const queue = Int32Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [queue[i], queue[j]] = [queue[j]!, queue[i]!];
    }
    const waiting = new Uint8Array(n).fill(1);
    let head = 0;
    let queued = n;
    let movedAtLevel = false;
    while (queued > 0) {
      const v = queue[head]!;
      head = (head + 1) % n;
      queued -= 1;
      waiting[v] = 0;
      const own = community[v]!;
      for (let e = starts[v]!; e < starts[v + 1]!; e += 1) {
        const c = community[neighbours[e]!]!;
        if (towards[c] === -1) {
          towards[c] = 0;
          met.push(c);
        }
        towards[c]! += weights[e]!;
      }
      const k = degree[v]!;
      communityDegree[own]! -= k;
      // Gains up to a common factor: links into c minus what chance would put there.
      let best = own;
      let bestGain = Math.max(towards[own]!, 0) - (communityDegree[own]! * k) / total;
      for (const c of met) {
        const candidate = towards[c]! - (communityDegree[c]! * k) / total;
        if (candidate > bestGain + 1e-12) {
          best = c;
          bestGain = candidate;
        }
      }
      communityDegree[best]! += k;
      for (const c of met) towards[c] = -1;
      met.length = 0;
      if (best === own) continue;
      community[v] = best;
      movedAtLevel = true;
      for (let e = starts[v]!; e < starts[v + 1]!; e += 1) {
        const u = neighbours[e]!;
        if (waiting[u] === 0 && community[u] !== best) {
          waiting[u] = 1;
          queue[(head + queued) % n] = u;
          queued += 1;
        }
      }
    }
    if (!movedAtLevel) break;
    // Communities renumbered in order of their first node, then merged into nodes.
    const number = new Int32Array(n).fill(-1);
    let count = 0;
    for (let v = 0; v < n; v += 1) if (number[community[v]!] === -1) number[community[v]!] = count++;
    for (let i = 0; i < n0; i += 1) membership[i] = number[community[membership[i]!]!]!;
    const merged = new Map<number, number>();
    const nextLoops = new Float64Array(count);
    for (let v = 0; v < n; v += 1) {
      const a = number[community[v]!]!;
      nextLoops[a]! += loops[v]!;
      for (let e = starts[v]!; e < starts[v + 1]!; e += 1) {
        const b = number[community[neighbours[e]!]!]!;
        if (a === b) nextLoops[a]! += weights[e]!;
        else merged.set(a * count + b, (merged.get(a * count + b) ?? 0) + weights[e]!);
      }
    }
    const nextStarts = new Int32Array(count + 1);
    for (const key of merged.keys()) nextStarts[Math.floor(key / count) + 1]! += 1;
    for (let c = 0; c < count; c += 1) nextStarts[c + 1]! += nextStarts[c]!;
    const nextNeighbours = new Int32Array(merged.size);
    const nextWeights = new Float64Array(merged.size);
    const fill = nextStarts.slice(0, count);
    for (const [key, weight] of merged) {
      const a = Math.floor(key / count);
      nextNeighbours[fill[a]!] = key % count;
      nextWeights[fill[a]!++] = weight;
    }
    starts = nextStarts;
    neighbours = nextNeighbours;
    weights = nextWeights;
    loops = nextLoops;
  }
  return { community: membership, modularity: modularityOf(graph, membership, total) };
}

/** Q = Σ_c (inside_c / 2m − (degree_c / 2m)²), over the original graph's entries. */
function modularityOf(graph: WeightedAdjacency, community: Int32Array, total: number): number {
  const { starts, neighbours, weights } = graph;
  const n = starts.length - 1;
  const inside = new Float64Array(n);
  const degree = new Float64Array(n);
  for (let v = 0; v < n; v += 1) {
    const c = community[v]!;
    for (let e = starts[v]!; e < starts[v + 1]!; e += 1) {
      degree[c]! += weights[e]!;
      if (community[neighbours[e]!] === c) inside[c]! += weights[e]!;
    }
  }
  let q = 0;
  for (let c = 0; c < n; c += 1) q += inside[c]! / total - (degree[c]! / total) ** 2;
  return q;
}
