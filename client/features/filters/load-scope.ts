import { request } from '../../api/graphql-client';
import { graphql } from '../../gql';
import { toTerritoryScope } from './transitions';
import type { TerritoryScope } from './types';

// The server decides which dispositifs reach the territory (the coverage rule):
// the page does not re-implement containment for them.
export const TERRITORY_SCOPE_QUERY = graphql(`
  query TerritoryScope($id: ID!) {
    territoryScope(id: $id) {
      inside
      containing
    }
    matchingDispositifs(filter: { territory: $id })
  }
`);

export async function loadTerritoryScope(id: string): Promise<TerritoryScope> {
  const { data } = await request(TERRITORY_SCOPE_QUERY, { id });
  return toTerritoryScope(id, { ...data.territoryScope, dispositifs: data.matchingDispositifs });
}
