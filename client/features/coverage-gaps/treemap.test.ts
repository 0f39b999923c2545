import { describe, expect, it } from 'vitest';
import { groupedTreemap, type GroupTile, type Rect, type TreemapGroup } from './treemap.js';

const area = (r: Rect) => r.width * r.height;
const overlap = (a: Rect, b: Rect) =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
const inside = (tile: Rect, rect: Rect) =>
  tile.x >= rect.x - 1e-9 &&
  tile.y >= rect.y - 1e-9 &&
  tile.x + tile.width <= rect.x + rect.width + 1e-9 &&
  tile.y + tile.height <= rect.y + rect.height + 1e-9;

function expectNoOverlap(tiles: readonly Rect[]) {
  for (let i = 0; i < tiles.length; i += 1)
    for (let j = i + 1; j < tiles.length; j += 1) expect(overlap(tiles[i]!, tiles[j]!)).toBeLessThan(1e-6);
}

/** The box a group's cells are laid in: below the header, inset by the padding. */
const content = (group: GroupTile, padding: number, header: number): Rect => ({
  x: group.x + padding,
  y: group.y + padding + header,
  width: group.width - 2 * padding,
  height: group.height - 2 * padding - header,
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
    expect(area(groups[1]!)).toBeCloseTo(4000, 6);
    for (const group of groups) {
      const inner = content(group, 1, 5);
      for (const tile of group.tiles) expect(inside(tile, inner)).toBe(true);
      expect(group.tiles.reduce((sum, tile) => sum + area(tile), 0)).toBeCloseTo(area(inner), 6);
    }
    const [a, b] = groups[0]!.tiles;
    expect(area(a!)).toBeCloseTo(area(b!), 6);
  });

  it('sizes départements and their territories by population, inside the container, without overlaps', () => {
    const rect = { x: 10, y: 20, width: 1000, height: 640 };
    const padding = 2;
    const header = 16;
    // Twelve départements of uneven sizes, with uneven territories.
    const input: TreemapGroup[] = Array.from({ length: 12 }, (_, d) => ({
      id: `dep:${d}`,
      items: Array.from({ length: 3 + ((d * 7) % 11) }, (_, t) => ({
        id: `dep:${d}/t${t}`,
        value: 1000 + (((d + 1) * (t + 3) * 7919) % 50000),
      })),
    }));
    const groups = groupedTreemap(input, rect, { padding, header });
    expect(groups.map((g) => g.id).sort()).toEqual(input.map((g) => g.id).sort());

    const population = (group: TreemapGroup) => group.items.reduce((sum, item) => sum + item.value, 0);
    const total = input.reduce((sum, group) => sum + population(group), 0);
    for (const group of groups) {
      expect(inside(group, rect)).toBe(true);
      const source = input.find((g) => g.id === group.id)!;
      // Group areas are the container's share of its population.
      expect(area(group) / area(rect)).toBeCloseTo(population(source) / total, 6);

      const inner = content(group, padding, header);
      expect(group.tiles.map((t) => t.id).sort()).toEqual(source.items.map((i) => i.id).sort());
      for (const tile of group.tiles) {
        expect(inside(tile, inner)).toBe(true);
        const item = source.items.find((i) => i.id === tile.id)!;
        // Cell areas are the group content's share of the cell's population.
        expect(area(tile) / area(inner)).toBeCloseTo(item.value / population(source), 6);
      }
      expectNoOverlap(group.tiles);
    }
    expectNoOverlap(groups);
  });

  it('keeps tiles near square for many equal items', () => {
    const rect = { x: 10, y: 20, width: 400, height: 300 };
    const [group] = groupedTreemap(
      [{ id: 'g', items: Array.from({ length: 120 }, (_, i) => ({ id: String(i), value: 1 })) }],
      rect,
      { padding: 0 },
    );
    expect(group!.tiles).toHaveLength(120);
    expectNoOverlap(group!.tiles);
    for (const tile of group!.tiles) {
      expect(inside(tile, rect)).toBe(true);
      expect(area(tile)).toBeCloseTo(area(rect) / 120, 6);
      expect(Math.max(tile.width / tile.height, tile.height / tile.width)).toBeLessThan(3);
    }
  });

  it('gives no area to empty items and nothing for no groups', () => {
    const rect = { x: 0, y: 0, width: 5, height: 3 };
    const [group] = groupedTreemap(
      [
        {
          id: 'g',
          items: [
            { id: 'a', value: 7 },
            { id: 'zero', value: 0 },
          ],
        },
      ],
      rect,
      { padding: 0 },
    );
    expect(group).toMatchObject({ id: 'g', x: 0, y: 0, width: 5, height: 3 });
    expect(group!.tiles.find((t) => t.id === 'a')).toMatchObject({ x: 0, y: 0, width: 5, height: 3 });
    expect(area(group!.tiles.find((t) => t.id === 'zero')!)).toBe(0);
    expect(groupedTreemap([], rect)).toEqual([]);
  });
});
