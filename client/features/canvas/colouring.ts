/** How the canvas colours and groups nodes: by kind, top-level theme or community; by kind or département. */
import {
  colourEntries,
  kindColourKey,
  NEUTRAL_COLOR,
  NO_THEME_KEY,
  resolveColourKey,
  THEME_PALETTE,
  type ColorBy,
  type ColourEntry,
} from '../../cytoscape/stylesheet';
import { KIND_LABELS, type NodeKind } from '../../vocabulary';
import type { CanvasMetrics } from '../analysis/canvas-metrics';
import { topLevelTheme } from '../facets/facets';
import type { FacetIndex } from '../facets/types';
import type { ComposedGraph, SliceNode } from '../graph/types';
import type { Grouping } from '../view/types';
import { DEPARTEMENT_NAMES, type Vocabulary } from '../vocabulary/types';

type NodeRef = { id: string; kind: NodeKind };
export type GroupOf = (node: NodeRef) => { id: string; label: string } | null;

function themeKeyOf(
  node: SliceNode,
  facets: FacetIndex,
  vocabulary: Vocabulary,
  ranked: readonly string[],
): string {
  if (node.kind === 'THEME') return topLevelTheme(node.id, vocabulary.themeParents);
  const themes = facets[node.id]?.themes ?? [];
  const tops = new Set(themes.map((id) => topLevelTheme(id, vocabulary.themeParents)));
  return ranked.find((id) => tops.has(id)) ?? NO_THEME_KEY;
}

/**
 * Colour by community: the largest communities of the visible graph get the
 * palette's colours, in size order; smaller ones (and hidden nodes) share the neutral one.
 */
export function communityColours(metrics: CanvasMetrics): {
  colours: ColourEntry[];
  colourKeyOf: (node: NodeRef) => string;
} {
  const { of, sizes } = metrics.communities();
  const colours: ColourEntry[] = sizes.slice(0, THEME_PALETTE.length).map((size, index) => ({
    key: `community:${index + 1}`,
    label: `Communauté ${index + 1} (${size} nœud${size > 1 ? 's' : ''})`,
    color: THEME_PALETTE[index]!,
  }));
  colours.push({
    key: NO_THEME_KEY,
    label: sizes.length > THEME_PALETTE.length ? 'Autres communautés' : 'Hors du graphe affiché',
    color: NEUTRAL_COLOR,
  });
  return {
    colours,
    colourKeyOf: (node) => {
      const community = of.get(node.id);
      return resolveColourKey(community ? `community:${community}` : NO_THEME_KEY, colours);
    },
  };
}

/** The colour entries and each node's colour key. Colour by theme: top-level themes of what is visible, in name order. */
export function colourNodes(
  graph: ComposedGraph,
  visibleNodes: readonly SliceNode[],
  colorBy: ColorBy,
  facets: FacetIndex,
  vocabulary: Vocabulary,
  metrics: CanvasMetrics,
): { colours: ColourEntry[]; colourKeyOf: (node: NodeRef) => string } {
  if (colorBy === 'community') return communityColours(metrics);
  if (colorBy !== 'theme')
    return { colours: colourEntries('kind'), colourKeyOf: (node) => kindColourKey(node.kind) };
  const allTops = [
    ...new Set(vocabulary.themes.map((theme) => topLevelTheme(theme.id, vocabulary.themeParents))),
  ];
  const ranked = allTops.sort((a, b) =>
    (vocabulary.names.get(a) ?? a).localeCompare(vocabulary.names.get(b) ?? b, 'fr'),
  );
  const rawKeys = new Map(
    [...graph.nodes.values()].map((node) => [node.id, themeKeyOf(node, facets, vocabulary, ranked)]),
  );
  const present = new Set(
    visibleNodes.map((node) => rawKeys.get(node.id)!).filter((key) => key !== NO_THEME_KEY),
  );
  const colours = colourEntries(
    'theme',
    [...present].map((id) => ({ id, name: vocabulary.names.get(id) ?? id })),
  );
  return { colours, colourKeyOf: (node) => resolveColourKey(rawKeys.get(node.id) ?? NO_THEME_KEY, colours) };
}

/** The département a territory id belongs to, read from its code when the id says it. */
export function departementOf(id: string, graph: ComposedGraph): string | null {
  if (id.startsWith('dep:')) return id;
  const commune = /^com:(\d{2,3})/.exec(id);
  if (commune) return `dep:${commune[1]!.startsWith('97') ? commune[1] : commune[1]!.slice(0, 2)}`;
  for (const edge of graph.edges.values()) {
    if (edge.type === 'PART_OF' && edge.source === id && edge.target.startsWith('dep:')) return edge.target;
  }
  return null;
}

function territoryGroupOf(node: SliceNode, graph: ComposedGraph, facets: FacetIndex): string | null {
  if (node.kind === 'TERRITORY') return departementOf(node.id, graph);
  for (const place of facets[node.id]?.places ?? []) {
    const dep = departementOf(place, graph);
    if (dep) return dep;
  }
  return null;
}

/** The compound node each node is drawn in, if grouping. */
export function groupNodes(
  graph: ComposedGraph,
  grouping: Grouping,
  facets: FacetIndex,
): GroupOf | undefined {
  if (grouping === 'kind')
    return (node) => ({ id: `group:${node.kind}`, label: KIND_LABELS[node.kind].many });
  if (grouping !== 'territory') return undefined;
  return (node) => {
    const full = graph.nodes.get(node.id);
    const dep = full ? territoryGroupOf(full, graph, facets) : null;
    if (!dep) return null;
    const code = dep.slice(4);
    return {
      id: `group:${dep}`,
      label: graph.nodes.get(dep)?.label ?? DEPARTEMENT_NAMES[code] ?? `Département ${code}`,
    };
  };
}
