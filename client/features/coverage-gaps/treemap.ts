/**
 * Squarified treemap (Bruls, Huizing & van Wijk, 2000): tiles whose areas are
 * proportional to their values, kept as close to squares as the order allows.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TreemapItem {
  id: string;
  value: number;
}

export interface TreemapTile extends Rect {
  id: string;
}

/** Worst aspect ratio of a row of areas laid along a side. */
function worstRatio(sum: number, min: number, max: number, side: number): number {
  const side2 = side * side;
  const sum2 = sum * sum;
  return Math.max((side2 * max) / sum2, sum2 / (side2 * min));
}

/**
 * Lays items out in a rectangle, largest first. Items with no or negative value
 * get no area; the tiles of the others fill the rectangle exactly.
 */
export function squarify(items: readonly TreemapItem[], rect: Rect): TreemapTile[] {
  const sized = items.filter((item) => item.value > 0).sort((a, b) => b.value - a.value);
  const total = sized.reduce((sum, item) => sum + item.value, 0);
  const empty = items
    .filter((item) => !(item.value > 0))
    .map((item) => ({ id: item.id, x: rect.x, y: rect.y, width: 0, height: 0 }));
  if (total <= 0 || rect.width <= 0 || rect.height <= 0) {
    return [...sized.map((item) => ({ id: item.id, x: rect.x, y: rect.y, width: 0, height: 0 })), ...empty];
  }
  const scale = (rect.width * rect.height) / total;
  const areas = sized.map((item) => item.value * scale);
  const tiles: TreemapTile[] = [];
  let free: Rect = { ...rect };
  let start = 0;
  while (start < areas.length) {
    const side = Math.min(free.width, free.height);
    let end = start + 1;
    let sum = areas[start]!;
    let min = sum;
    let max = sum;
    while (end < areas.length) {
      const next = areas[end]!;
      const widened = worstRatio(sum + next, Math.min(min, next), Math.max(max, next), side);
      if (widened > worstRatio(sum, min, max, side)) break;
      sum += next;
      min = Math.min(min, next);
      max = Math.max(max, next);
      end += 1;
    }
    const last = end === areas.length;
    if (free.width >= free.height) {
      // A column along the left side.
      const width = last ? free.width : sum / free.height;
      let y = free.y;
      for (let i = start; i < end; i += 1) {
        const height = i === end - 1 ? free.y + free.height - y : areas[i]! / width;
        tiles.push({ id: sized[i]!.id, x: free.x, y, width, height });
        y += height;
      }
      free = { x: free.x + width, y: free.y, width: free.width - width, height: free.height };
    } else {
      // A row along the top side.
      const height = last ? free.height : sum / free.width;
      let x = free.x;
      for (let i = start; i < end; i += 1) {
        const width = i === end - 1 ? free.x + free.width - x : areas[i]! / height;
        tiles.push({ id: sized[i]!.id, x, y: free.y, width, height });
        x += width;
      }
      free = { x: free.x, y: free.y + height, width: free.width, height: free.height - height };
    }
    start = end;
  }
  return [...tiles, ...empty];
}

export interface TreemapGroup {
  id: string;
  items: TreemapItem[];
}

export interface GroupTile extends Rect {
  id: string;
  tiles: TreemapTile[];
}

/**
 * Groups laid out by their total, then each group's items inside it, below a
 * header band of `header` units and inset by `padding`.
 */
export function groupedTreemap(
  groups: readonly TreemapGroup[],
  rect: Rect,
  { padding = 2, header = 0 }: { padding?: number; header?: number } = {},
): GroupTile[] {
  const totals = groups.map((group) => ({
    id: group.id,
    value: group.items.reduce((sum, item) => sum + Math.max(item.value, 0), 0),
  }));
  const byId = new Map(groups.map((group) => [group.id, group]));
  return squarify(totals, rect).map((tile) => {
    const inner: Rect = {
      x: tile.x + padding,
      y: tile.y + padding + header,
      width: Math.max(0, tile.width - 2 * padding),
      height: Math.max(0, tile.height - 2 * padding - header),
    };
    return { ...tile, tiles: squarify(byId.get(tile.id)?.items ?? [], inner) };
  });
}
