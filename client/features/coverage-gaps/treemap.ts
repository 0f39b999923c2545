import { hierarchy, treemap, treemapSquarify, type HierarchyNode } from 'd3-hierarchy';

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

export interface TreemapGroup {
  id: string;
  items: TreemapItem[];
}

export interface GroupTile extends Rect {
  id: string;
  tiles: TreemapTile[];
}

interface Datum {
  id: string;
  value?: number;
  children?: Datum[];
}

/**
 * Squarified treemap (d3-hierarchy) of groups sized by their totals, each
 * group's items laid inside it, below a header band of `header` units and inset
 * by `padding`. Items with no or negative value get no area.
 */
export function groupedTreemap(
  groups: readonly TreemapGroup[],
  rect: Rect,
  { padding = 2, header = 0 }: { padding?: number; header?: number } = {},
): GroupTile[] {
  const root = hierarchy<Datum>({
    id: '',
    children: groups.map((group) => ({
      id: group.id,
      children: group.items.map((item) => ({ id: item.id, value: Math.max(item.value, 0) })),
    })),
  })
    .sum((datum) => datum.value ?? 0)
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  // Groups fill the whole rectangle; only their own content is inset.
  const inset = (extra: number) => (node: HierarchyNode<Datum>) => (node.depth === 0 ? 0 : padding + extra);
  const laid = treemap<Datum>()
    .tile(treemapSquarify)
    .size([Math.max(rect.width, 0), Math.max(rect.height, 0)])
    .paddingInner(0)
    .paddingTop(inset(header))
    .paddingRight(inset(0))
    .paddingBottom(inset(0))
    .paddingLeft(inset(0))(root);
  const toRect = (node: { x0: number; y0: number; x1: number; y1: number }): Rect => ({
    x: rect.x + node.x0,
    y: rect.y + node.y0,
    width: node.x1 - node.x0,
    height: node.y1 - node.y0,
  });
  return (laid.children ?? []).map((group) => ({
    id: group.data.id,
    ...toRect(group),
    tiles: (group.children ?? []).map((leaf) => ({ id: leaf.data.id, ...toRect(leaf) })),
  }));
}
