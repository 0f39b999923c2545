import type { FacetIndex } from '../facets/types';
import type { ComposedGraph, SliceNode } from '../graph/types';
import type { Filters, TerritoryScope } from './types';

export interface Visibility {
  hiddenNodes: Set<string>;
  hiddenEdges: Set<string>;
}

export interface VisibilityContext {
  facets: FacetIndex;
  /** The territory filter resolved; null while it loads (nothing is hidden by it then). */
  scope: TerritoryScope | null;
  /**
   * The server's verdicts on dispositifs for the theme, public, status and date
   * criteria (`matchingDispositifs`, its one rule); a dispositif not judged yet stays visible.
   */
  matching: Readonly<Record<string, boolean>> | null;
}

function passesDispositifFilters(node: SliceNode, context: VisibilityContext): boolean {
  if (!context.matching || !Object.hasOwn(context.matching, node.id)) return true;
  return context.matching[node.id] === true;
}

/**
 * Territory filter for territories, dispositifs and organisations: the territory
 * and what lies inside it, the dispositifs the server says reach it, and the
 * organisations seated inside it or involved in those. True for kinds that are
 * not placed (themes, publics, sources).
 */
function passesTerritory(
  node: SliceNode,
  scope: TerritoryScope,
  context: VisibilityContext,
  passingDispositifs: Set<string>,
) {
  const facets = context.facets[node.id];
  switch (node.kind) {
    case 'TERRITORY':
      return scope.inside.has(node.id);
    case 'DISPOSITIF':
      return scope.dispositifs.has(node.id);
    case 'ORGANISATION':
      if (!facets) return true;
      return (
        facets.places.some((place) => scope.inside.has(place)) ||
        facets.involvedIn.some((id) => passingDispositifs.has(id))
      );
    default:
      return true;
  }
}

/**
 * Which nodes and edges the filters hide. Kinds and relationship types apply to
 * everything; themes, publics, status and date to dispositifs; the territory to
 * territories, dispositifs, organisations and the people working there. An
 * edge is hidden with either of its ends.
 */
export function computeVisibility(
  graph: ComposedGraph,
  filters: Filters,
  context: VisibilityContext,
): Visibility {
  const hiddenNodes = new Set<string>();
  const hiddenKinds = new Set(filters.hiddenKinds);
  for (const node of graph.nodes.values()) {
    if (hiddenKinds.has(node.kind)) hiddenNodes.add(node.id);
    else if (node.kind === 'DISPOSITIF' && !passesDispositifFilters(node, context)) hiddenNodes.add(node.id);
  }

  const scope = filters.territory ? context.scope : null;
  if (scope) {
    const passingDispositifs = new Set<string>();
    for (const node of graph.nodes.values()) {
      if (node.kind === 'DISPOSITIF' && passesTerritory(node, scope, context, passingDispositifs)) {
        passingDispositifs.add(node.id);
      }
    }
    const passingOrganisations = new Set<string>();
    for (const node of graph.nodes.values()) {
      if (node.kind === 'PERSON') continue;
      if (passesTerritory(node, scope, context, passingDispositifs)) {
        if (node.kind === 'ORGANISATION') passingOrganisations.add(node.id);
      } else hiddenNodes.add(node.id);
    }
    // People go with the organisations they work at, as the canvas shows them.
    const placedPeople = new Set<string>();
    for (const edge of graph.edges.values()) {
      if (edge.type === 'WORKS_AT' && passingOrganisations.has(edge.target)) placedPeople.add(edge.source);
    }
    for (const node of graph.nodes.values()) {
      if (node.kind === 'PERSON' && !placedPeople.has(node.id)) hiddenNodes.add(node.id);
    }
  }

  const hiddenEdges = new Set<string>();
  const hiddenRelations = new Set(filters.hiddenRelations);
  for (const edge of graph.edges.values()) {
    if (hiddenRelations.has(edge.type) || hiddenNodes.has(edge.source) || hiddenNodes.has(edge.target)) {
      hiddenEdges.add(edge.id);
    }
  }
  return { hiddenNodes, hiddenEdges };
}
