import { describe, expect, it } from 'vitest';
import { groupedTreemap, squarify, type Rect, type TreemapTile } from './treemap.js';

const area = (r: Rect) => r.width * r.height;
const overlap = (a: Rect, b: Rect) =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
const inside = (tile: Rect, rect: Rect) =>
  tile.x >= rect.x - 1e-9 &&
  tile.y >= rect.y - 1e-9 &&
  tile.x + tile.width <= rect.x + rect.width + 1e-9 &&
  tile.y + tile.height <= rect.y + rect.height + 1e-9;

function expectPartition(tiles: TreemapTile[], rect: Rect) {
  for (const tile of tiles) expect(inside(tile, rect)).toBe(true);
  for (let i = 0; i < tiles.length; i += 1)
    for (let j = i + 1; j < tiles.length; j += 1) expect(overlap(tiles[i]!, tiles[j]!)).toBeLessThan(1e-6);
  expect(tiles.reduce((sum, tile) => sum + area(tile), 0)).toBeCloseTo(area(rect), 6);
}

describe('squarify', () => {
  it('reproduces the example of the paper: areas proportional, rectangle filled', () => {
    const rect = { x: 0, y: 0, width: 6, height: 4 };
    const values = [6, 6, 4, 3, 2, 2, 1];
    const tiles = squarify(
      values.map((value, index) => ({ id: `t${index}`, value })),
      rect,
    );
    expectPartition(tiles, rect);
    values.forEach((value, index) =>
      expect(area(tiles.find((t) => t.id === `t${index}`)!)).toBeCloseTo(value, 6),
    );
    // The first two share the left column of the 6×4 rectangle, as in the paper.
    expect(tiles[0]).toMatchObject({ x: 0, y: 0, width: 3, height: 2 });
    expect(tiles[1]).toMatchObject({ x: 0, y: 2, width: 3, height: 2 });
  });

  it('keeps tiles near square for many equal items', () => {
    const rect = { x: 10, y: 20, width: 400, height: 300 };
    const tiles = squarify(
      Array.from({ length: 120 }, (_, i) => ({ id: String(i), value: 1 })),
      rect,
    );
    expectPartition(tiles, rect);
    for (const tile of tiles)
      expect(Math.max(tile.width / tile.height, tile.height / tile.width)).toBeLessThan(3);
  });

  it('fills a rectangle with one item and gives no area to empty items', () => {
    const rect = { x: 0, y: 0, width: 5, height: 3 };
    const tiles = squarify(
      [
        { id: 'a', value: 7 },
        { id: 'zero', value: 0 },
      ],
      rect,
    );
    expect(tiles).toEqual([
      { id: 'a', x: 0, y: 0, width: 5, height: 3 },
      { id: 'zero', x: 0, y: 0, width: 0, height: 0 },
    ]);
    expect(squarify([], rect)).toEqual([]);
  });
});

describe('groupedTreemap', () => {
  it('lays groups by total and their items inside, below a header', () => {
    const rect = { x: 0, y: 0, width: 100, height: 100 };
    const groups = groupedTreemap(
      [
        {
          id: 'g1',
          items: [
            { id: 'a', value: 30 },
            { id: 'b', value: 30 },
          ],
        },
        { id: 'g2', items: [{ id: 'c', value: 40 }] },
      ],
      rect,
      { padding: 1, header: 5 },
    );
    expect(groups.map((g) => g.id)).toEqual(['g1', 'g2']);
    expect(area(groups[0]!)).toBeCloseTo(6000, 6);
    for (const group of groups) {
      const inner = { x: group.x + 1, y: group.y + 6, width: group.width - 2, height: group.height - 7 };
      expectPartition(group.tiles, inner);
    }
  });
});
