import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.js';
import { topPairs, type WeightedPair } from './top-pairs.js';

/** Every pair counted in a map, ranked the same way: what `topPairs` must agree with. */
function allPairsRanked(width: number, groups: Int32Array[], links: [number, number][]): WeightedPair[] {
  const byKey = new Map<number, WeightedPair>();
  const pairOf = (a: number, b: number) => {
    const key = a * width + b;
    let pair = byKey.get(key);
    if (!pair) byKey.set(key, (pair = { a, b, weight: 0, groups: [], linked: false }));
    return pair;
  };
  groups.forEach((group, g) => {
    for (let i = 0; i < group.length; i += 1) {
      for (let j = i + 1; j < group.length; j += 1) {
        const pair = pairOf(group[i]!, group[j]!);
        pair.weight += 1;
        pair.groups.push(g);
      }
    }
  });
  for (const [a, b] of links) {
    const pair = pairOf(a, b);
    pair.weight += 1;
    pair.linked = true;
  }
  return [...byKey.values()].sort((x, y) => y.weight - x.weight || x.a - y.a || x.b - y.b);
}

function randomProjection(seed: number, width: number, groupCount: number) {
  const random = createRandom(seed);
  // A few hub members in many groups, as funders are.
  const groups = Array.from({ length: groupCount }, () => {
    const members = new Set<number>();
    const size = 1 + random.int(random.chance(0.1) ? width : 6);
    while (members.size < Math.min(size, width)) {
      members.add(random.chance(0.3) ? random.int(3) : random.int(width));
    }
    return Int32Array.from([...members].sort((a, b) => a - b));
  });
  const links = new Map<number, [number, number]>();
  for (let i = 0; i < width; i += 1) {
    const a = random.int(width);
    const b = random.int(width);
    if (a !== b) links.set(Math.min(a, b) * width + Math.max(a, b), [Math.min(a, b), Math.max(a, b)]);
  }
  return { groups, links: [...links.values()] };
}

describe('topPairs', () => {
  it('keeps the heaviest pairs, ties in (a, b) order, with their groups and links', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const width = 40;
      const { groups, links } = randomProjection(seed, width, 60);
      const expected = allPairsRanked(width, groups, links);
      for (const limit of [0, 1, 7, 50, 200, expected.length, expected.length + 10]) {
        const { pairs, total } = topPairs(width, groups, links, limit);
        expect(total).toBe(expected.length);
        expect(pairs).toEqual(expected.slice(0, limit));
      }
    }
  });

  it('counts a link alone as a pair, and members in no group as none', () => {
    const { pairs, total } = topPairs(5, [Int32Array.of(0, 1, 2)], [[3, 4]], 10);
    expect(total).toBe(4);
    expect(pairs.map(({ a, b, weight, linked }) => [a, b, weight, linked])).toEqual([
      [0, 1, 1, false],
      [0, 2, 1, false],
      [1, 2, 1, false],
      [3, 4, 1, true],
    ]);
  });
});
