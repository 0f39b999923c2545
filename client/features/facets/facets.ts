import type { Slice } from '../graph/types';
import type { FacetIndex, NodeFacets } from './types';

const empty = (): NodeFacets => ({ themes: [], publics: [], places: [], involvedIn: [], worksAt: [] });

/** Facets of `ids` read from the outgoing relationships in `slice`. */
export function facetsFromSlice(ids: readonly string[], slice: Slice): FacetIndex {
  const index: FacetIndex = Object.fromEntries(ids.map((id) => [id, empty()]));
  for (const edge of slice.edges) {
    const facets = index[edge.source];
    if (!facets) continue;
    switch (edge.type) {
      case 'ADDRESSES':
        facets.themes.push(edge.target);
        break;
      case 'TARGETS':
        facets.publics.push(edge.target);
        break;
      case 'DEPLOYED_IN':
      case 'LOCATED_IN':
      case 'GOVERNS':
        facets.places.push(edge.target);
        break;
      case 'CARRIES':
      case 'PARTNERS_IN':
      case 'FUNDS':
      case 'PRESCRIBES':
        if (edge.target.startsWith('dis:')) facets.involvedIn.push(edge.target);
        break;
      case 'WORKS_AT':
        facets.worksAt.push(edge.target);
        break;
    }
  }
  return index;
}

/** The top-level theme of a theme id, following `parent` links (cycles cut). */
export function topLevelTheme(id: string, parents: ReadonlyMap<string, string | null>): string {
  let current = id;
  const seen = new Set<string>();
  for (;;) {
    const parent = parents.get(current);
    if (!parent || seen.has(parent)) return current;
    seen.add(current);
    current = parent;
  }
}

/** The theme and every theme above it. */
export function themeAncestry(id: string, parents: ReadonlyMap<string, string | null>): string[] {
  const chain = [id];
  let current = id;
  for (;;) {
    const parent = parents.get(current);
    if (!parent || chain.includes(parent)) return chain;
    chain.push(parent);
    current = parent;
  }
}
