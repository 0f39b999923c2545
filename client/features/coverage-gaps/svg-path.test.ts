import { describe, expect, it } from 'vitest';
import { pathBounds, unionBounds } from './svg-path.js';

describe('pathBounds', () => {
  it('follows relative movetos and the linetos implied after them', () => {
    expect(pathBounds('m 10,20 5,0 0,5 -10,0 z')).toEqual({ x: 5, y: 20, width: 10, height: 5 });
  });

  it('reads absolute commands, H and V, and subpaths', () => {
    expect(pathBounds('M 1 1 H 4 V 3 Z M 10 -2 L 11 0 Z')).toEqual({ x: 1, y: -2, width: 10, height: 5 });
  });

  it('reads numbers written without separators', () => {
    expect(pathBounds('m0.5-1.5l2-.5')).toEqual({ x: 0.5, y: -2, width: 2, height: 0.5 });
  });

  it('says null for an empty path', () => {
    expect(pathBounds('')).toBeNull();
  });
});

describe('unionBounds', () => {
  it('joins boxes with a margin', () => {
    expect(
      unionBounds([{ x: 0, y: 0, width: 1, height: 1 }, { x: 2, y: 3, width: 1, height: 1 }, null], 1),
    ).toEqual({ x: -1, y: -1, width: 5, height: 6 });
    expect(unionBounds([null])).toBeNull();
  });
});
