/**
 * What the filters need to know about a node beyond its own properties: the
 * themes, publics and places its relationships point to, even when those
 * nodes are not on the canvas.
 */
export interface NodeFacets {
  themes: string[];
  publics: string[];
  /** Territories it is deployed in, seated in or governs. */
  places: string[];
  /** Dispositifs it carries, joins, funds or prescribes. */
  involvedIn: string[];
  /** Organisations a person works at. */
  worksAt: string[];
}

export type FacetIndex = Record<string, NodeFacets>;

/** Relationship types that facets are read from. */
export const FACET_RELATIONS = [
  'ADDRESSES',
  'TARGETS',
  'DEPLOYED_IN',
  'LOCATED_IN',
  'GOVERNS',
  'CARRIES',
  'PARTNERS_IN',
  'FUNDS',
  'PRESCRIBES',
  'WORKS_AT',
];

/** Kinds whose facets matter to filters and colouring. */
export const FACETED_KINDS = new Set(['DISPOSITIF', 'ORGANISATION', 'PERSON']);
