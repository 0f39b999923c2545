/**
 * Readable node labels, as Bloom and Gephi Lite draw them: names wrapped on two
 * short lines (the full name on hover), drawn at a readable size whatever the
 * zoom, and never over one another — when two would meet, the lesser one is left
 * out (selection, hover, highlight, pins, then degree decide), and comes back as
 * the user zooms in and nodes move apart on screen.
 */
import type cytoscape from 'cytoscape';

/** Classes the canvas gives elements itself, which the model's element diff leaves alone. */
export const CANVAS_OWNED_CLASSES: readonly string[] = ['label-hidden'];

/** Characters per line of a name on the canvas, and lines at most. */
export const LABEL_LINE_LENGTH = 22;
export const LABEL_MAX_LINES = 2;

/**
 * A name wrapped at word boundaries on at most `lines` lines of `width`
 * characters, cut with « … » when it does not fit (a word longer than a line
 * is cut too).
 */
export function wrapLabel(name: string, width = LABEL_LINE_LENGTH, lines = LABEL_MAX_LINES): string {
  const words = name
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => (word.length > width ? `${word.slice(0, width - 1)}…` : word));
  const out: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (candidate.length <= width) {
      current = candidate;
      continue;
    }
    out.push(current);
    current = word;
    if (out.length === lines) {
      // Words are left: the last line says so.
      const last = out[lines - 1]!;
      out[lines - 1] = last.endsWith('…')
        ? last
        : last.length < width
          ? `${last}…`
          : `${last.slice(0, width - 1)}…`;
      return out.join('\n');
    }
  }
  if (current) out.push(current);
  return out.join('\n');
}

/** Label size on screen (px) at zoom 1 and below; zoomed in, it grows more slowly than the drawing. */
export const LABEL_SCREEN_SIZE = 11;

/**
 * The factor from screen pixels to model units for labels at a zoom level,
 * quantised (quarter steps of a power of two) so that a small zoom changes no
 * style: labels keep `LABEL_SCREEN_SIZE` px zoomed out, and grow as the square
 * root of the zoom above 1.
 */
export function labelScale(zoom: number): number {
  const level = 2 ** (Math.round(Math.log2(Math.max(zoom, 1e-3)) * 4) / 4);
  return (level > 1 ? Math.sqrt(level) : 1) / level;
}

/** Label properties of nodes and of compound groups at `scale` (see `labelScale`). */
export function labelSizes(scale: number): {
  node: Record<'font-size' | 'text-margin-y' | 'text-outline-width', number>;
  parent: Record<'font-size' | 'text-margin-y' | 'text-outline-width', number>;
} {
  const px = (value: number) => Math.round(value * scale * 100) / 100;
  return {
    node: { 'font-size': px(LABEL_SCREEN_SIZE), 'text-margin-y': px(3), 'text-outline-width': px(2) },
    parent: { 'font-size': px(13), 'text-margin-y': px(-2), 'text-outline-width': 0 },
  };
}

/** Style rules that draw labels at `scale` (see `labelScale`). */
export function labelRules(scale: number): cytoscape.StylesheetJson {
  const { node, parent } = labelSizes(scale);
  return [
    { selector: 'node', style: { ...node, 'line-height': 1.15 } },
    { selector: ':parent', style: parent },
    // Nodes without a name drawn go below the named ones, so that names are not covered.
    { selector: 'node.label-hidden', style: { label: '', 'z-index': 0 } },
  ];
}

/**
 * Gives the nodes whose labels are not drawn at `scale` that size, as a style
 * of their own: restyling nodes alone, where a new stylesheet would restyle
 * every element (thousands of edges on a large view, which labels do not
 * concern) and throw away every cached texture.
 */
export function sizeLabels(cy: cytoscape.Core, scale: number): void {
  const { node, parent } = labelSizes(scale);
  const stale = cy
    .nodes()
    .filter((ele) => ele.numericStyle('font-size') !== (ele.isParent() ? parent : node)['font-size']);
  if (stale.empty()) return;
  cy.batch(() => {
    stale.not(':parent').style(node);
    stale.filter(':parent').style(parent);
  });
}

/** What decides which of two meeting labels is drawn, in this order. */
export interface LabelRank {
  id: string;
  /** Compound groups: their names are drawn first. */
  group: boolean;
  selected: boolean;
  hovered: boolean;
  /** On the highlighted path, matching the highlight, pinned. */
  emphasised: boolean;
  degree: number;
}

/** Higher first: group, selected, hovered, emphasised, degree; then id, for a stable choice. */
export function compareLabelRanks(a: LabelRank, b: LabelRank): number {
  for (const key of ['group', 'selected', 'hovered', 'emphasised'] as const) {
    if (a[key] !== b[key]) return a[key] ? -1 : 1;
  }
  if (a.degree !== b.degree) return b.degree - a.degree;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

const meet = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/**
 * The labels kept, greedily in the order given: one is kept when its box meets
 * none kept before it. A grid of cells the size of a typical label keeps it
 * near linear.
 */
export function pickLabels(candidates: readonly { id: string; box: Box }[]): Set<string> {
  const kept = new Set<string>();
  if (!candidates.length) return kept;
  const widths = candidates.map((candidate) => candidate.box.x2 - candidate.box.x1).sort((a, b) => a - b);
  const cell = Math.max(1, widths[Math.floor(widths.length / 2)] ?? 1);
  const grid = new Map<string, Box[]>();
  for (const { id, box } of candidates) {
    if (!(box.x2 > box.x1 && box.y2 > box.y1)) continue;
    const cx1 = Math.floor(box.x1 / cell);
    const cx2 = Math.floor(box.x2 / cell);
    const cy1 = Math.floor(box.y1 / cell);
    const cy2 = Math.floor(box.y2 / cell);
    let free = true;
    for (let x = cx1; x <= cx2 && free; x += 1) {
      for (let y = cy1; y <= cy2 && free; y += 1) {
        for (const other of grid.get(`${x},${y}`) ?? []) {
          if (meet(box, other)) {
            free = false;
            break;
          }
        }
      }
    }
    if (!free) continue;
    kept.add(id);
    for (let x = cx1; x <= cx2; x += 1) {
      for (let y = cy1; y <= cy2; y += 1) {
        const key = `${x},${y}`;
        const cellBoxes = grid.get(key);
        if (cellBoxes) cellBoxes.push(box);
        else grid.set(key, [box]);
      }
    }
  }
  return kept;
}

/** A node's label box alone (model coordinates), as cytoscape draws it. */
export const LABEL_BOX: cytoscape.BoundingBoxOptions = {
  includeNodes: false,
  includeEdges: false,
  includeLabels: true,
  includeMainLabels: true,
  includeSourceLabels: false,
  includeTargetLabels: false,
  includeOverlays: false,
};

/** Width of a character of the canvas's sans-serif font, as a share of its size: a generous estimate. */
const CHAR_WIDTH = 0.66;

/**
 * A label's box from its text alone, no larger than what cytoscape draws:
 * lines × characters at a generous width, below the node as the stylesheet
 * puts it. For large views, where measuring every label would take too long.
 */
function estimatedBox(node: cytoscape.NodeSingular, text: string, size: number): Box {
  const lines = text.split('\n');
  const width = Math.max(...lines.map((line) => line.length)) * size * CHAR_WIDTH + size * 0.4;
  const height = lines.length * size * 1.15 + size * 0.4;
  const { x, y } = node.position();
  const top = y + node.height() / 2 + size * 0.27;
  return { x1: x - width / 2, x2: x + width / 2, y1: top, y2: top + height };
}

/**
 * Hides the labels that would meet a better-ranked one (class `label-hidden`),
 * shows the others. Labels are measured by cytoscape (each shown first so that
 * it measures it), or, for large views, estimated from their text at `size`.
 */
export function cullLabels(
  cy: cytoscape.Core,
  focus: { selected: string | null; hovered: string | null },
  estimate?: { size: number },
): { shown: number; hidden: number } {
  const nodes = cy.nodes().not('.hidden');
  if (!estimate) cy.nodes('.label-hidden').removeClass('label-hidden');
  const ranks: (LabelRank & { node: cytoscape.NodeSingular; text: string })[] = [];
  nodes.forEach((node) => {
    const text = node.data('display') as string | undefined;
    if (!text) return;
    const group = node.isParent();
    ranks.push({
      node,
      text,
      id: node.id(),
      group,
      selected: node.id() === focus.selected,
      hovered: node.id() === focus.hovered,
      emphasised: node.hasClass('path') || node.hasClass('match') || node.hasClass('pinned'),
      degree: group ? 0 : estimate ? node.degree(false) : node.connectedEdges().not('.hidden').length,
    });
  });
  ranks.sort(compareLabelRanks);
  const kept = pickLabels(
    ranks.map((rank) => ({
      id: rank.id,
      box:
        estimate && !rank.group
          ? estimatedBox(rank.node, rank.text, estimate.size)
          : (rank.node.boundingBox(LABEL_BOX) as Box),
    })),
  );
  // Only the nodes whose label changes are restyled.
  const hide = nodes.filter(
    (node) => Boolean(node.data('display')) && !kept.has(node.id()) && !node.hasClass('label-hidden'),
  );
  const show = nodes.filter((node) => node.hasClass('label-hidden') && kept.has(node.id()));
  hide.addClass('label-hidden');
  show.removeClass('label-hidden');
  return { shown: kept.size, hidden: ranks.length - kept.size };
}
