import { request } from '../../api/graphql-client';
import { graphql } from '../../gql';
import { MAX_IDS_PER_REQUEST } from '../graph/load-entry';
import { chunk } from '../graph/slices';
import { NO_FACETS, type FacetIndex } from './types';

export const NODE_FACETS_QUERY = graphql(`
  query NodeFacets($ids: [ID!]!) {
    nodes(ids: $ids) {
      id
      themes
      publics
      places
      involvedIn
    }
  }
`);

/** Facets of the given nodes, in as many requests as the API's id cap needs (one, nearly always). */
export async function loadFacets(ids: readonly string[]): Promise<FacetIndex> {
  const parts = await Promise.all(
    chunk(ids, MAX_IDS_PER_REQUEST).map((part) => request(NODE_FACETS_QUERY, { ids: part })),
  );
  // A node the API no longer knows gets empty facets, so that it is not asked for again.
  const index: FacetIndex = Object.fromEntries(ids.map((id) => [id, NO_FACETS]));
  for (const { data } of parts) {
    for (const node of data.nodes) {
      index[node.id] = {
        themes: [...node.themes],
        publics: [...node.publics],
        places: [...node.places],
        involvedIn: [...node.involvedIn],
      };
    }
  }
  return index;
}
