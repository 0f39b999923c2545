/**
 * The canvas stylesheet as typed data: one colour and one shape per node kind,
 * one colour and line per relationship type. The legend is computed from the
 * same entries (legend.ts), so what it says is what the canvas draws.
 */
import type cytoscape from 'cytoscape';
import { KIND_LABELS, NODE_KINDS, type EdgeType, type NodeKind } from '../vocabulary';
import type { NodeShapeName } from './shapes';

export interface KindStyle {
  color: string;
  shape: NodeShapeName;
}

/** Okabe–Ito colours (readable with colour-blindness), and a distinct shape per kind. */
export const NODE_KIND_STYLES: Record<NodeKind, KindStyle> = {
  ORGANISATION: { color: '#0072B2', shape: 'ellipse' },
  DISPOSITIF: { color: '#E69F00', shape: 'round-rectangle' },
  TERRITORY: { color: '#009E73', shape: 'hexagon' },
  PERSON: { color: '#CC79A7', shape: 'triangle' },
  THEME: { color: '#56B4E9', shape: 'diamond' },
  PUBLIC: { color: '#D55E00', shape: 'star' },
  SOURCE: { color: '#8C8C8C', shape: 'rectangle' },
};

export interface EdgeStyle {
  color: string;
  line: 'solid' | 'dashed' | 'dotted';
  /** Drawn with an arrow: the relationship reads one way. */
  directed: boolean;
}

export const EDGE_STYLES: Record<EdgeType, EdgeStyle> = {
  CARRIES: { color: '#1B4F72', line: 'solid', directed: true },
  PARTNERS_IN: { color: '#5D8AA8', line: 'dashed', directed: true },
  FUNDS: { color: '#1E8449', line: 'solid', directed: true },
  PRESCRIBES: { color: '#AF7AC5', line: 'dashed', directed: true },
  PARTNERS_WITH: { color: '#2E86C1', line: 'solid', directed: false },
  MEMBER_OF: { color: '#7D3C98', line: 'dotted', directed: true },
  WORKS_AT: { color: '#C0392B', line: 'dotted', directed: true },
  LOCATED_IN: { color: '#117A65', line: 'dotted', directed: true },
  GOVERNS: { color: '#0E6655', line: 'dashed', directed: true },
  DEPLOYED_IN: { color: '#48C9B0', line: 'solid', directed: true },
  INSTANCE_OF: { color: '#B9770E', line: 'dashed', directed: true },
  SUCCEEDS: { color: '#935116', line: 'dotted', directed: true },
  TARGETS: { color: '#DC7633', line: 'solid', directed: true },
  ADDRESSES: { color: '#5DADE2', line: 'solid', directed: true },
  PART_OF: { color: '#A9A9A9', line: 'dotted', directed: true },
  MENTIONED_IN: { color: '#CFCFCF', line: 'dotted', directed: true },
  PARTNERS: { color: '#2E86C1', line: 'solid', directed: false },
};

/** Colours given to top-level themes in "colour by theme" mode, in the order themes appear. */
export const THEME_PALETTE = [
  '#1F77B4',
  '#FF7F0E',
  '#2CA02C',
  '#D62728',
  '#9467BD',
  '#8C564B',
  '#E377C2',
  '#17BECF',
  '#BCBD22',
  '#7F7F7F',
  '#393B79',
  '#637939',
] as const;
export const NEUTRAL_COLOR = '#D0D3D4';
export const NO_THEME_KEY = 'none';

export type ColorBy = 'kind' | 'theme' | 'community';
export const COLOR_BY: readonly ColorBy[] = ['kind', 'theme', 'community'];
export type SizeBy = 'uniform' | 'degree' | 'weightedDegree' | 'betweenness' | 'pageRank';
export const SIZE_BY: readonly SizeBy[] = ['uniform', 'degree', 'weightedDegree', 'betweenness', 'pageRank'];

/** One colour the canvas uses, keyed by the `colorKey` data every node carries. */
export interface ColourEntry {
  key: string;
  label: string;
  color: string;
}

export const kindColourKey = (kind: NodeKind) => `kind:${kind}`;

/**
 * The colours in use. By kind: one per kind. By theme: one per top-level theme
 * present (palette order, themes sorted by name), the rest sharing one colour.
 */
export function colourEntries(
  colorBy: 'kind' | 'theme',
  themes: readonly { id: string; name: string }[] = [],
): ColourEntry[] {
  if (colorBy === 'kind') {
    return NODE_KINDS.map((kind) => ({
      key: kindColourKey(kind),
      label: KIND_LABELS[kind].many,
      color: NODE_KIND_STYLES[kind].color,
    }));
  }
  const sorted = [...themes].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  const shown = sorted.slice(0, THEME_PALETTE.length);
  const entries: ColourEntry[] = shown.map((theme, index) => ({
    key: theme.id,
    label: theme.name,
    color: THEME_PALETTE[index]!,
  }));
  const overflow = sorted.length > shown.length;
  entries.push({
    key: NO_THEME_KEY,
    label: overflow ? 'Autres thèmes ou sans thème' : 'Sans thème',
    color: NEUTRAL_COLOR,
  });
  return entries;
}

/** The colour key of a top-level theme that did not get a palette colour falls back to the neutral entry. */
export function resolveColourKey(key: string, entries: readonly ColourEntry[]): string {
  return entries.some((entry) => entry.key === key) ? key : NO_THEME_KEY;
}

const selectorValue = (value: string) => JSON.stringify(value);

/** Above this many nodes on screen, edges are drawn the cheap way (see `buildStylesheet`). */
export const LIGHT_EDGES_ABOVE = 1000;

/**
 * The cytoscape stylesheet for the given colour entries. On a large view
 * (`light`), edges are thin straight "haystack" lines, solid and without
 * arrows: bezier edges' control points are what makes laying out thousands of
 * edges slow, their strokes what makes each frame slow, and line styles and
 * arrows cannot be told apart at that scale anyway (colours still tell types apart).
 */
export function buildStylesheet(
  entries: readonly ColourEntry[],
  options: { light?: boolean } = {},
): cytoscape.StylesheetJson {
  const sheet: cytoscape.StylesheetJson = [
    {
      selector: 'node',
      style: {
        'font-size': 11,
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 3,
        'text-max-width': '1000px',
        'text-wrap': 'wrap',
        width: 'data(size)',
        height: 'data(size)',
        'background-color': NEUTRAL_COLOR,
        'border-width': 1,
        'border-color': '#FFFFFF',
        color: '#1C2833',
        'text-outline-color': '#FFFFFF',
        'text-outline-width': 2,
        'z-index': 1,
      },
    },
    // Names wrapped and cut by labels.ts, sized to the zoom and kept apart by the canvas (labelRules, cullLabels).
    { selector: 'node[display]', style: { label: 'data(display)' } },
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'curve-style': 'bezier',
        'line-color': '#BBBBBB',
        'target-arrow-shape': 'none',
        'arrow-scale': 0.8,
        opacity: 0.85,
        'font-size': 8,
        color: '#566573',
        'text-rotation': 'autorotate',
        'text-background-color': '#FFFFFF',
        'text-background-opacity': 0.8,
      },
    },
  ];
  for (const kind of NODE_KINDS) {
    sheet.push({
      selector: `node[kind = ${selectorValue(kind)}]`,
      style: { shape: NODE_KIND_STYLES[kind].shape },
    });
  }
  for (const entry of entries) {
    sheet.push({
      selector: `node[colorKey = ${selectorValue(entry.key)}]`,
      style: { 'background-color': entry.color },
    });
  }
  for (const [type, style] of Object.entries(EDGE_STYLES)) {
    sheet.push({
      selector: `edge[type = ${selectorValue(type)}]`,
      style: {
        'line-color': style.color,
        'line-style': style.line,
        'target-arrow-color': style.color,
        'target-arrow-shape': style.directed ? 'triangle' : 'none',
      },
    });
  }
  if (options.light) {
    sheet.push({
      selector: 'edge',
      style: {
        'curve-style': 'haystack',
        'haystack-radius': 0,
        // Solid hairlines at full opacity: the cheapest strokes for a canvas to draw, thousands per frame.
        'line-style': 'solid',
        // Haystack edges draw no arrows, but the renderer still works them out for each edge.
        'target-arrow-shape': 'none',
        width: 0.75,
        opacity: 1,
      },
    });
  }
  sheet.push(
    { selector: '.hidden', style: { display: 'none' } },
    {
      selector: ':parent',
      style: {
        shape: 'round-rectangle',
        'background-color': '#F4F6F7',
        'background-opacity': 0.6,
        'border-color': '#AAB7B8',
        'border-width': 1,
        'text-valign': 'top',
        'font-size': 13,
        'font-weight': 'bold',
        padding: '14px',
        // Children's labels come and go with the zoom: the box follows the nodes only, so that it stays put.
        'compound-sizing-wrt-labels': 'exclude',
      },
    },
    {
      // A fold: many territories as one node, opened by a double click.
      selector: 'node[folded]',
      style: {
        'border-width': 2,
        'border-style': 'dashed',
        'border-color': '#0B5345',
        'background-opacity': 0.55,
        'font-weight': 'bold',
      },
    },
    {
      selector: 'node.pinned',
      style: { 'border-width': 3, 'border-style': 'double', 'border-color': '#17202A' },
    },
    {
      selector: 'node.match',
      style: { 'border-width': 4, 'border-color': '#F4D03F', 'font-weight': 'bold' },
    },
    { selector: 'edge.selected-context, edge:selected', style: { label: 'data(label)', width: 3 } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#C0392B', 'z-index': 10 } },
    { selector: 'node.path', style: { 'border-width': 5, 'border-color': '#E74C3C', 'z-index': 9 } },
    {
      selector: 'edge.path',
      style: {
        'line-color': '#E74C3C',
        'target-arrow-color': '#E74C3C',
        width: 5,
        label: 'data(label)',
        'z-index': 9,
      },
    },
    { selector: '.faded', style: { opacity: 0.15 } },
  );
  return sheet;
}
