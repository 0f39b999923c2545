/**
 * What the filters need to know about a node beyond its own properties: the
 * themes, publics and places its relationships point to, even when those
 * nodes are not on the canvas. The API computes them (GraphNode facets).
 */
export interface NodeFacets {
  themes: string[];
  publics: string[];
  /** Territories it is deployed in, seated in or governs. */
  places: string[];
  /** Dispositifs it carries, joins, funds or prescribes. */
  involvedIn: string[];
}

export type FacetIndex = Record<string, NodeFacets>;

/** Kinds whose facets matter to filters and colouring (the API's facets are empty for the others). */
export const FACETED_KINDS = new Set(['DISPOSITIF', 'ORGANISATION']);

export const NO_FACETS: NodeFacets = { themes: [], publics: [], places: [], involvedIn: [] };
