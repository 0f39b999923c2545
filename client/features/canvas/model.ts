/**
 * From the state to what the canvas draws: visible elements, sizes, colour
 * keys, groups and highlight classes, with the stylesheet and legend built from
 * the same colour entries. Pure, so it is tested without a browser.
 */
import type cytoscape from 'cytoscape';
import { toCanvasElements, type CanvasElement } from '../../cytoscape/elements';
import { hierarchyRoots } from '../../cytoscape/layouts';
import { nodeSizes } from '../../cytoscape/metrics';
import {
  buildLegend,
  buildStylesheet,
  colourEntries,
  kindColourKey,
  LIGHT_EDGES_ABOVE,
  NO_THEME_KEY,
  resolveColourKey,
  type ColourEntry,
  type Legend,
} from '../../cytoscape/stylesheet';
import { foldText } from '../../text';
import { KIND_LABELS, type NodeKind } from '../../vocabulary';
import { topLevelTheme } from '../facets/facets';
import type { FacetIndex } from '../facets/types';
import { computeVisibility, type Visibility } from '../filters/visibility';
import { composeGraph } from '../graph/compose';
import { entryKey } from '../graph/entries';
import type { ComposedGraph, SliceEdge, SliceNode } from '../graph/types';
import { DEPARTEMENT_NAMES, type Vocabulary } from '../vocabulary/types';
import type { AtlasState } from '../../state/types';

export interface CanvasModel {
  graph: ComposedGraph;
  visibility: Visibility;
  visibleNodes: SliceNode[];
  visibleEdges: SliceEdge[];
  elements: CanvasElement[];
  stylesheet: cytoscape.StylesheetJson;
  /** So many nodes on screen that the canvas draws them the cheap way. */
  light: boolean;
  legend: Legend;
  colours: ColourEntry[];
  sizes: Map<string, number>;
  /** Nodes and edges of the path on screen, in order. */
  path: { nodes: string[]; edges: string[] } | null;
  matches: Set<string>;
  hierarchyRoots: string[];
}

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

export function buildCanvasModel(state: AtlasState, vocabulary: Vocabulary): CanvasModel {
  const graph = composeGraph(state.graph);
  const scopeState = state.view.filters.territory ? state.scopes[state.view.filters.territory] : undefined;
  const visibility = computeVisibility(graph, state.view.filters, {
    facets: state.facets,
    themeParents: vocabulary.themeParents,
    scope: scopeState?.type === 'ready' ? scopeState.value : null,
  });
  const visibleNodes = [...graph.nodes.values()].filter((node) => !visibility.hiddenNodes.has(node.id));
  const visibleEdges = [...graph.edges.values()].filter((edge) => !visibility.hiddenEdges.has(edge.id));

  const sizes = nodeSizes(
    { nodes: visibleNodes.map((node) => node.id), edges: visibleEdges },
    state.view.sizeBy,
  );
  // Hidden nodes keep a size so that showing them again does not change the others'.
  for (const node of graph.nodes.values()) if (!sizes.has(node.id)) sizes.set(node.id, 24);

  // Colour by theme: top-level themes of what is visible, named, in name order.
  let colours: ColourEntry[];
  let colourKeyOf: (node: { id: string; kind: NodeKind }) => string;
  if (state.view.colorBy === 'theme') {
    const allTops = [
      ...new Set(vocabulary.themes.map((theme) => topLevelTheme(theme.id, vocabulary.themeParents))),
    ];
    const ranked = allTops.sort((a, b) =>
      (vocabulary.names.get(a) ?? a).localeCompare(vocabulary.names.get(b) ?? b, 'fr'),
    );
    const rawKeys = new Map(
      [...graph.nodes.values()].map((node) => [node.id, themeKeyOf(node, state.facets, vocabulary, ranked)]),
    );
    const present = new Set(
      visibleNodes.map((node) => rawKeys.get(node.id)!).filter((key) => key !== NO_THEME_KEY),
    );
    colours = colourEntries(
      'theme',
      [...present].map((id) => ({ id, name: vocabulary.names.get(id) ?? id })),
    );
    colourKeyOf = (node) => resolveColourKey(rawKeys.get(node.id) ?? NO_THEME_KEY, colours);
  } else {
    colours = colourEntries('kind');
    colourKeyOf = (node) => kindColourKey(node.kind);
  }

  let groupOf: ((node: { id: string; kind: NodeKind }) => { id: string; label: string } | null) | undefined;
  if (state.view.grouping === 'kind') {
    groupOf = (node) => ({ id: `group:${node.kind}`, label: KIND_LABELS[node.kind].many });
  } else if (state.view.grouping === 'territory') {
    groupOf = (node) => {
      const full = graph.nodes.get(node.id);
      const dep = full ? territoryGroupOf(full, graph, state.facets) : null;
      if (!dep) return null;
      const code = dep.slice(4);
      return {
        id: `group:${dep}`,
        label: graph.nodes.get(dep)?.label ?? DEPARTEMENT_NAMES[code] ?? `Département ${code}`,
      };
    };
  }

  const pathEntry = state.graph.entries.find((entry) => entry.type === 'path');
  const pathSlice = pathEntry ? state.graph.slices[entryKey(pathEntry)] : undefined;
  const path =
    pathSlice?.type === 'ready' && pathSlice.value.nodes.length
      ? {
          nodes: pathSlice.value.nodes.map((node) => node.id),
          edges: pathSlice.value.edges.map((edge) => edge.id),
        }
      : null;
  const pathIds = new Set([...(path?.nodes ?? []), ...(path?.edges ?? [])]);

  const needle = foldText(state.highlight);
  const matches = new Set(
    needle.length >= 2
      ? visibleNodes.filter((node) => foldText(node.label).includes(needle)).map((node) => node.id)
      : [],
  );
  const pinned = new Set(state.graph.pinned);

  const elements = toCanvasElements({
    nodes: graph.nodes.values(),
    edges: graph.edges.values(),
    hiddenNodes: visibility.hiddenNodes,
    hiddenEdges: visibility.hiddenEdges,
    colourKeyOf,
    sizes,
    groupOf,
    classesOf: (id) => [
      ...(pinned.has(id) ? ['pinned'] : []),
      ...(matches.has(id) ? ['match'] : []),
      ...(pathIds.has(id) ? ['path'] : []),
    ],
  });

  const light = visibleNodes.length > LIGHT_EDGES_ABOVE;
  const legend = buildLegend({
    colorBy: state.view.colorBy,
    entries: colours,
    sizeBy: state.view.sizeBy,
    nodes: visibleNodes.map((node) => ({ kind: node.kind, colorKey: colourKeyOf(node) })),
    edges: visibleEdges,
  });

  return {
    graph,
    visibility,
    visibleNodes,
    visibleEdges,
    elements,
    stylesheet: buildStylesheet(colours, { light }),
    light,
    legend,
    colours,
    sizes,
    path,
    matches,
    hierarchyRoots: hierarchyRoots(visibleNodes, visibleEdges),
  };
}
