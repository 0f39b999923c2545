/**
 * The network the metrics are computed on: the `maxPairs` heaviest pairs of a
 * co-membership projection (graph/analysis/top-pairs.ts), its ends renumbered
 * 0…n-1 in member order, pairs in (a, b) order. Numbers only, so that it can be
 * built on a worker thread (graph/analysis/metrics-worker.ts).
 */
import { topPairs } from './top-pairs.js';

export interface NumberedPairNetwork {
  /** The member number of each node, ascending. */
  ends: Int32Array;
  sources: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
  /** How many pairs the projection has; more than `sources.length` when cut. */
  total: number;
}

/** `links` holds explicit pairs flat: a0, b0, a1, b1… (a < b, each once). */
export function heaviestPairNetwork(
  width: number,
  groups: readonly Int32Array[],
  links: Int32Array,
  maxPairs: number,
): NumberedPairNetwork {
  const linkPairs: (readonly [number, number])[] = [];
  for (let i = 0; i + 1 < links.length; i += 2) linkPairs.push([links[i]!, links[i + 1]!]);
  const { pairs, total } = topPairs(width, groups, linkPairs, maxPairs, { listGroups: false });
  pairs.sort((x, y) => x.a - y.a || x.b - y.b);
  // Members renumbered over the pairs kept: one left without any is not in the network.
  const number = new Int32Array(width).fill(-1);
  for (const pair of pairs) number[pair.a] = number[pair.b] = 0;
  let n = 0;
  for (let m = 0; m < width; m += 1) if (number[m] === 0) number[m] = n++;
  const ends = new Int32Array(n);
  for (let m = 0; m < width; m += 1) if (number[m]! >= 0) ends[number[m]!] = m;
  return {
    ends,
    sources: Int32Array.from(pairs, (pair) => number[pair.a]!),
    targets: Int32Array.from(pairs, (pair) => number[pair.b]!),
    weights: Float64Array.from(pairs, (pair) => pair.weight),
    total,
  };
}

/** Pair occurrences a projection counts (each group of s members makes s(s-1)/2): its cost. */
export function pairOccurrences(groups: readonly Int32Array[]): number {
  let occurrences = 0;
  for (const group of groups) occurrences += (group.length * (group.length - 1)) / 2;
  return occurrences;
}
