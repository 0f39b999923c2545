/**
 * A seeded pseudo-random source (mulberry32): the same seed gives the same
 * sequence on every machine, which `Math.random` cannot.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  /** Whether an event of probability `p` happens. */
  chance(p: number): boolean;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(items.length)]!;
    },
    chance: (p) => next() < p,
  };
}

/** Draws indexes in proportion to `weights` (binary search over the cumulative sums). */
export function createWeightedSampler(random: Random, weights: readonly number[]): () => number {
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((weight, index) => {
    total += weight;
    cumulative[index] = total;
  });
  if (total <= 0) throw new Error('weights sum to zero');
  return () => {
    const target = random.next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (cumulative[middle]! > target) high = middle;
      else low = middle + 1;
    }
    return low;
  };
}

/**
 * Zipf weights over ranks 1…n (weight ∝ 1 / rank^exponent): the heavy tail of
 * real networks, where a few hubs hold most of the links.
 */
export function zipfWeights(n: number, exponent: number): number[] {
  return Array.from({ length: n }, (_, rank) => 1 / (rank + 1) ** exponent);
}
