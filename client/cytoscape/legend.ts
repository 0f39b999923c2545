/** The legend, computed from the stylesheet's own entries: what it says is what the canvas draws. */
import { KIND_LABELS, NODE_KINDS, RELATION_LABELS, type EdgeType, type NodeKind } from '../vocabulary';
import type { NodeShapeName } from './shapes';
import {
  EDGE_STYLES,
  kindColourKey,
  NEUTRAL_COLOR,
  NODE_KIND_STYLES,
  type ColorBy,
  type ColourEntry,
  type EdgeStyle,
  type SizeBy,
} from './stylesheet';

/** What node sizes mean, as the legend says it. */
export const SIZE_LABELS: Record<SizeBy, string> = {
  uniform: 'Taille uniforme',
  degree: 'Taille : nombre de liens (degré)',
  weightedDegree: 'Taille : degré pondéré (dispositifs partagés)',
  betweenness: "Taille : centralité d'intermédiarité",
  pageRank: 'Taille : PageRank',
};

export interface LegendNodeEntry {
  key: string;
  label: string;
  color: string;
  shape: NodeShapeName;
  count: number;
}

export interface LegendEdgeEntry {
  type: EdgeType;
  label: string;
  color: string;
  line: EdgeStyle['line'];
  directed: boolean;
  count: number;
}

export interface Legend {
  /** Shapes (always by kind); coloured by kind too in "colour by kind" mode. */
  shapes: LegendNodeEntry[];
  /** Colours, when they do not follow the kind. */
  colours: ColourEntry[];
  edges: LegendEdgeEntry[];
  size: SizeBy;
  /** What the colours stand for, when not the kind. */
  colorBy?: ColorBy;
}

/**
 * The legend for what the canvas holds: kinds and edge types that are drawn,
 * with the colours of `entries` (the same that built the stylesheet).
 */
export function buildLegend(params: {
  colorBy: ColorBy;
  entries: readonly ColourEntry[];
  sizeBy: SizeBy;
  nodes: readonly { kind: NodeKind; colorKey: string }[];
  edges: readonly { type: string }[];
}): Legend {
  const kindCounts = new Map<NodeKind, number>();
  const colourKeys = new Set<string>();
  for (const node of params.nodes) {
    kindCounts.set(node.kind, (kindCounts.get(node.kind) ?? 0) + 1);
    colourKeys.add(node.colorKey);
  }
  const edgeCounts = new Map<string, number>();
  for (const edge of params.edges) edgeCounts.set(edge.type, (edgeCounts.get(edge.type) ?? 0) + 1);

  const byKey = new Map(params.entries.map((entry) => [entry.key, entry]));
  const shapes = NODE_KINDS.filter((kind) => kindCounts.has(kind)).map((kind) => {
    const colour = params.colorBy === 'kind' ? byKey.get(kindColourKey(kind)) : undefined;
    return {
      key: kind,
      label: KIND_LABELS[kind].many,
      color: colour?.color ?? NEUTRAL_COLOR,
      shape: NODE_KIND_STYLES[kind].shape,
      count: kindCounts.get(kind) ?? 0,
    };
  });
  const colours =
    params.colorBy === 'kind' ? [] : params.entries.filter((entry) => colourKeys.has(entry.key));
  const edges = (Object.keys(EDGE_STYLES) as EdgeType[])
    .filter((type) => edgeCounts.has(type))
    .map((type) => ({
      type,
      label: RELATION_LABELS[type].name,
      ...EDGE_STYLES[type],
      count: edgeCounts.get(type) ?? 0,
    }));
  return { shapes, colours, edges, size: params.sizeBy, colorBy: params.colorBy };
}
