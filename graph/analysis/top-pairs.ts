/**
 * The heaviest pairs of a co-membership projection, without a map of every
 * pair: a département's partnership network at national scale holds ~10^6
 * pairs (France's ~7·10^6), of which the answer keeps a few thousand.
 *
 * Members are numbered 0…width-1. Each group (a dispositif) lists its members;
 * a pair's weight is the number of groups holding both, plus one for an
 * explicit link. Pairs are ranked by weight, then by (a, b) with a < b.
 *
 * Two sweeps over the members, each counting one member's pairs in a dense
 * counter (no hashing): the first histograms the weights to find the cut-off
 * weight, the second keeps the pairs above it and, in (a, b) order, those at it.
 */
import { compressedAdjacency } from './adjacency.js';

export interface WeightedPair {
  a: number;
  b: number;
  weight: number;
  /** Indices of the groups holding both, ascending. */
  groups: number[];
  /** Whether an explicit link joins them. */
  linked: boolean;
}

export interface TopPairs {
  pairs: WeightedPair[];
  /** How many pairs have a weight at all. */
  total: number;
}

/** The first index of `list` (sorted) holding a value above `value`. */
function firstAbove(list: Int32Array, value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid]! <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The `limit` heaviest pairs. `groups` hold distinct member numbers sorted
 * ascending; `links` are explicit pairs (a < b, each once). Without `listGroups`
 * the pairs' `groups` stay empty (metrics weigh pairs, they do not list them).
 */
export function topPairs(
  width: number,
  groups: readonly Int32Array[],
  links: readonly (readonly [number, number])[],
  limit: number,
  { listGroups = true }: { listGroups?: boolean } = {},
): TopPairs {
  const groupsOf = compressedAdjacency(width, (add) =>
    groups.forEach((group, g) => group.forEach((m) => add(m, g))),
  );
  const linksOf = compressedAdjacency(width, (add) => links.forEach(([a, b]) => add(a, b)));
  const weight = new Int32Array(width);
  const touched = new Int32Array(width);

  // Weights of the pairs (a, b > a) into `weight`, the b's into `touched`; returns how many.
  const countPairsOf = (a: number): number => {
    let count = 0;
    for (let i = groupsOf.starts[a]!; i < groupsOf.starts[a + 1]!; i += 1) {
      const group = groups[groupsOf.neighbours[i]!]!;
      for (let j = firstAbove(group, a); j < group.length; j += 1) {
        const b = group[j]!;
        if (weight[b] === 0) touched[count++] = b;
        weight[b]! += 1;
      }
    }
    for (let i = linksOf.starts[a]!; i < linksOf.starts[a + 1]!; i += 1) {
      const b = linksOf.neighbours[i]!;
      if (weight[b] === 0) touched[count++] = b;
      weight[b]! += 1;
    }
    return count;
  };

  const histogram = new Float64Array(groups.length + 2);
  let total = 0;
  for (let a = 0; a < width; a += 1) {
    const count = countPairsOf(a);
    for (let t = 0; t < count; t += 1) {
      histogram[weight[touched[t]!]!]! += 1;
      weight[touched[t]!] = 0;
    }
    total += count;
  }

  // The cut-off: every pair above it is kept, and the first `atCutOff` pairs at it.
  let cutOff = 1;
  let atCutOff = Infinity;
  let above = 0;
  for (let w = histogram.length - 1; w >= 1; w -= 1) {
    if (above + histogram[w]! >= limit) {
      cutOff = w;
      atCutOff = limit - above;
      break;
    }
    above += histogram[w]!;
  }

  const pairs: WeightedPair[] = [];
  const keptAt = new Int32Array(width).fill(-1);
  const linkedTo = new Uint8Array(width);
  for (let a = 0; a < width && pairs.length < limit; a += 1) {
    const count = countPairsOf(a);
    if (count === 0) continue;
    const ties: number[] = [];
    const first = pairs.length;
    for (let t = 0; t < count; t += 1) {
      const b = touched[t]!;
      if (weight[b]! > cutOff) pairs.push({ a, b, weight: weight[b]!, groups: [], linked: false });
      else if (weight[b] === cutOff && atCutOff > 0) ties.push(b);
    }
    ties.sort((x, y) => x - y);
    for (const b of ties.slice(0, atCutOff)) pairs.push({ a, b, weight: cutOff, groups: [], linked: false });
    atCutOff -= Math.min(ties.length, atCutOff);
    for (let t = 0; t < count; t += 1) weight[touched[t]!] = 0;
    if (pairs.length === first) continue;
    for (let p = first; p < pairs.length; p += 1) keptAt[pairs[p]!.b] = p;
    // The kept pairs' groups, in group order.
    for (let i = groupsOf.starts[a]!; listGroups && i < groupsOf.starts[a + 1]!; i += 1) {
      const g = groupsOf.neighbours[i]!;
      const group = groups[g]!;
      for (let j = firstAbove(group, a); j < group.length; j += 1) {
        const p = keptAt[group[j]!]!;
        if (p >= 0) pairs[p]!.groups.push(g);
      }
    }
    for (let i = linksOf.starts[a]!; i < linksOf.starts[a + 1]!; i += 1) linkedTo[linksOf.neighbours[i]!] = 1;
    for (let p = first; p < pairs.length; p += 1) {
      const pair = pairs[p]!;
      pair.linked = linkedTo[pair.b] === 1;
      keptAt[pair.b] = -1;
    }
    for (let i = linksOf.starts[a]!; i < linksOf.starts[a + 1]!; i += 1) linkedTo[linksOf.neighbours[i]!] = 0;
  }
  pairs.sort((x, y) => y.weight - x.weight || x.a - y.a || x.b - y.b);
  return { pairs, total };
}
