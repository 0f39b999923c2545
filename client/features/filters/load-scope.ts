import { request } from '../../api/graphql-client';
import { graphql } from '../../gql';
import { toTerritoryScope } from './transitions';
import type { TerritoryScope } from './types';

export const TERRITORY_SCOPE_QUERY = graphql(`
  query TerritoryScope($id: ID!) {
    territoryScope(id: $id) {
      inside
      containing
    }
  }
`);

export async function loadTerritoryScope(id: string): Promise<TerritoryScope> {
  const { data } = await request(TERRITORY_SCOPE_QUERY, { id });
  return toTerritoryScope(id, data.territoryScope);
}
