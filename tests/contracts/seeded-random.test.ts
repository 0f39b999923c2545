import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../client/features/graph/seeded-random.js';
import { createRandom } from '../../graph/random.js';

// The page keeps its own copy of the generator (it cannot import seeds/): both must draw alike.
describe('the seeded generator of the page and of the seeds', () => {
  it('draws the same sequence for the same seed', () => {
    for (const seed of [0, 1, 42, 20_261_201, 0xffffffff]) {
      const page = seededRandom(seed);
      const seeds = createRandom(seed);
      const drawn = Array.from({ length: 1_000 }, () => [page(), seeds.next()]);
      expect(drawn.every(([a, b]) => a === b)).toBe(true);
    }
    expect(seededRandom(1)()).not.toBe(seededRandom(2)());
  });
});
