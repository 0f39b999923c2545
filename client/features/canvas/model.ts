/**
 * From the state to what the canvas draws: visible elements, sizes, colour
 * keys, groups and highlight classes, with the stylesheet and legend built from
 * the same colour entries. Pure, so it is tested without a browser.
 *
 * Built in stages, each remembered until its own inputs change: a highlight
 * keystroke redoes the classes and elements only, never the visibility nor the
 * sizes (betweenness is quadratic or worse).
 */
import type cytoscape from 'cytoscape';
import { toCanvasElements, type CanvasElement } from '../../cytoscape/elements';
import { hierarchyRoots } from '../../cytoscape/layouts';
import { nodeSizes } from '../../cytoscape/metrics';
import { buildLegend, type Legend } from '../../cytoscape/legend';
import { buildStylesheet, LIGHT_EDGES_ABOVE, type ColourEntry } from '../../cytoscape/stylesheet';
import type { AtlasState, MatchingState, ScopeState } from '../../state/types';
import { foldText } from '../../text';
import type { FacetIndex } from '../facets/types';
import { dispositifCriteriaKey } from '../filters/matching';
import { computeVisibility, type Visibility } from '../filters/visibility';
import type { Filters } from '../filters/types';
import { composeGraph } from '../graph/compose';
import { entryKey } from '../graph/entries';
import type { ComposedGraph, GraphState, SliceEdge, SliceNode } from '../graph/types';
import type { Vocabulary } from '../vocabulary/types';
import { createCanvasMetrics, type CanvasMetrics } from '../analysis/canvas-metrics';
import { colourNodes, groupNodes } from './colouring';
import { memoLast } from './memo';

export { departementOf } from './colouring';

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
  /** Metrics of the visible graph, each computed when first read. */
  metrics: CanvasMetrics;
  /** Nodes and edges of the path on screen, in order. */
  path: { nodes: string[]; edges: string[] } | null;
  matches: Set<string>;
  hierarchyRoots: string[];
}

/** What a highlight reads: the visible nodes with their labels folded once. */
interface Visible {
  graph: ComposedGraph;
  visibility: Visibility;
  visibleNodes: SliceNode[];
  visibleEdges: SliceEdge[];
  foldedLabels: Map<string, string>;
  hierarchyRoots: string[];
  metrics: CanvasMetrics;
}

/** The functions the stages call, replaceable so that a test can count the expensive ones. */
export interface ModelDependencies {
  nodeSizes: typeof nodeSizes;
}

/** The path on screen, in order, when its slice has arrived. */
function pathOf(graph: GraphState): CanvasModel['path'] {
  const pathEntry = graph.entries.find((entry) => entry.type === 'path');
  const pathSlice = pathEntry ? graph.slices[entryKey(pathEntry)] : undefined;
  return pathSlice?.type === 'ready' && pathSlice.value.nodes.length
    ? {
        nodes: pathSlice.value.nodes.map((node) => node.id),
        edges: pathSlice.value.edges.map((edge) => edge.id),
      }
    : null;
}

/** A model builder with its own memory of each stage: one per canvas. */
export function createCanvasModelBuilder(dependencies: ModelDependencies = { nodeSizes }) {
  const visibleStage = memoLast(
    (
      graphState: GraphState,
      filters: Filters,
      facets: FacetIndex,
      scope: ScopeState | undefined,
      matching: MatchingState['verdicts'] | null,
    ): Visible => {
      const graph = composeGraph(graphState);
      const visibility = computeVisibility(graph, filters, {
        facets,
        scope: scope?.type === 'ready' ? scope.value : null,
        matching,
      });
      const visibleNodes = [...graph.nodes.values()].filter((node) => !visibility.hiddenNodes.has(node.id));
      const visibleEdges = [...graph.edges.values()].filter((edge) => !visibility.hiddenEdges.has(edge.id));
      return {
        graph,
        visibility,
        visibleNodes,
        visibleEdges,
        foldedLabels: new Map(visibleNodes.map((node) => [node.id, foldText(node.label)])),
        hierarchyRoots: hierarchyRoots(visibleNodes, visibleEdges),
        metrics: createCanvasMetrics({ nodes: visibleNodes.map((node) => node.id), edges: visibleEdges }),
      };
    },
  );

  const sizeStage = memoLast((visible: Visible, sizeBy: AtlasState['view']['sizeBy']) => {
    const sizes = dependencies.nodeSizes(
      { nodes: visible.visibleNodes.map((node) => node.id), edges: visible.visibleEdges },
      sizeBy,
      sizeBy === 'uniform' ? undefined : visible.metrics.values(sizeBy),
    );
    // Hidden nodes keep a size so that showing them again does not change the others'.
    for (const node of visible.graph.nodes.values()) if (!sizes.has(node.id)) sizes.set(node.id, 24);
    return sizes;
  });

  const colourStage = memoLast(
    (visible: Visible, colorBy: AtlasState['view']['colorBy'], facets: FacetIndex, vocabulary: Vocabulary) =>
      colourNodes(visible.graph, visible.visibleNodes, colorBy, facets, vocabulary, visible.metrics),
  );

  const groupStage = memoLast(
    (visible: Visible, grouping: AtlasState['view']['grouping'], facets: FacetIndex) =>
      groupNodes(visible.graph, grouping, facets),
  );

  const styleStage = memoLast(
    (
      visible: Visible,
      colouring: ReturnType<typeof colourNodes>,
      colorBy: AtlasState['view']['colorBy'],
      sizeBy: AtlasState['view']['sizeBy'],
    ) => {
      const light = visible.visibleNodes.length > LIGHT_EDGES_ABOVE;
      return {
        light,
        stylesheet: buildStylesheet(colouring.colours, { light }),
        legend: buildLegend({
          colorBy,
          entries: colouring.colours,
          sizeBy,
          nodes: visible.visibleNodes.map((node) => ({
            kind: node.kind,
            colorKey: colouring.colourKeyOf(node),
          })),
          edges: visible.visibleEdges,
        }),
      };
    },
  );

  return function buildModel(state: AtlasState, vocabulary: Vocabulary): CanvasModel {
    const { filters } = state.view;
    const scope = filters.territory ? state.scopes[filters.territory] : undefined;
    // Verdicts count only for the criteria they were given for.
    const criteria = dispositifCriteriaKey(filters);
    const matching = criteria && state.matching?.key === criteria ? state.matching.verdicts : null;
    const visible = visibleStage(state.graph, filters, state.facets, scope, matching);
    const sizes = sizeStage(visible, state.view.sizeBy);
    const colouring = colourStage(visible, state.view.colorBy, state.facets, vocabulary);
    const groupOf = groupStage(visible, state.view.grouping, state.facets);
    const style = styleStage(visible, colouring, state.view.colorBy, state.view.sizeBy);

    const path = pathOf(state.graph);
    const pathIds = new Set([...(path?.nodes ?? []), ...(path?.edges ?? [])]);
    const needle = foldText(state.highlight);
    const matches = new Set<string>();
    if (needle.length >= 2) {
      for (const [id, label] of visible.foldedLabels) if (label.includes(needle)) matches.add(id);
    }
    const pinned = new Set(state.graph.pinned);

    const elements = toCanvasElements({
      nodes: visible.graph.nodes.values(),
      edges: visible.graph.edges.values(),
      hiddenNodes: visible.visibility.hiddenNodes,
      hiddenEdges: visible.visibility.hiddenEdges,
      colourKeyOf: colouring.colourKeyOf,
      sizes,
      groupOf,
      classesOf: (id) => [
        ...(pinned.has(id) ? ['pinned'] : []),
        ...(matches.has(id) ? ['match'] : []),
        ...(pathIds.has(id) ? ['path'] : []),
      ],
    });

    return {
      graph: visible.graph,
      visibility: visible.visibility,
      visibleNodes: visible.visibleNodes,
      visibleEdges: visible.visibleEdges,
      elements,
      stylesheet: style.stylesheet,
      light: style.light,
      legend: style.legend,
      colours: colouring.colours,
      sizes,
      metrics: visible.metrics,
      path,
      matches,
      hierarchyRoots: visible.hierarchyRoots,
    };
  };
}

/** The model of one state, built from scratch. */
export const buildCanvasModel = (state: AtlasState, vocabulary: Vocabulary): CanvasModel =>
  createCanvasModelBuilder()(state, vocabulary);
