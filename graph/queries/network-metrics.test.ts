import { describe, expect, it } from 'vitest';
import { heaviestPairs } from './network-metrics.js';

describe('heaviestPairs', () => {
  it('keeps every pair under the bound', () => {
    expect(heaviestPairs([1, 3, 2], 3)).toEqual([0, 1, 2]);
  });

  it('keeps the heaviest, the first ones among equals at the cut', () => {
    const weights = [1, 5, 2, 2, 7, 2, 1];
    expect(heaviestPairs(weights, 4)).toEqual([1, 2, 3, 4]);
    expect(heaviestPairs(weights, 2)).toEqual([1, 4]);
    expect(heaviestPairs(weights, 1)).toEqual([4]);
    expect(heaviestPairs(weights, 6)).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
