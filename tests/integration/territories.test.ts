import { afterAll, describe, expect, it } from 'vitest';
import { graphql } from '../../client/gql/index.js';
import { createTestApi, firstErrorCode } from '../helpers/graphql.js';

const TERRITORY = graphql(`
  query TestTerritory($id: ID!) {
    node(id: $id) {
      __typename
      id
      kind
      name
      sources {
        id
      }
      ... on Territory {
        code
        level
        population
        parent {
          id
          level
        }
        parents {
          id
        }
        children(level: DEPARTEMENT) {
          id
        }
      }
    }
  }
`);

const STATS = graphql(`
  query TestStats {
    stats {
      totalNodes
      nodes {
        kind
        count
      }
      relationships {
        type
        count
      }
    }
  }
`);

const api = createTestApi();
afterAll(() => api.close());

describe('territorial grid', () => {
  it('places Libourne in its EPCI and département, with its population and source', async () => {
    const { data } = await api.execute(TERRITORY, { id: 'com:33243' });
    const node = data?.node;
    expect(node?.kind).toBe('TERRITORY');
    if (node?.__typename !== 'Territory') throw new Error('expected a territory');
    expect(node.name).toBe('Libourne');
    expect(node.code).toBe('33243');
    expect(node.population).toBeGreaterThan(20_000);
    expect(node.parent?.level).toBe('EPCI');
    expect(node.parents.map((p) => p.id)).toContain('dep:33');
    expect(node.sources.map((s) => s.id)).toContain('src:decoupage-administratif');
  });

  it('lists the twelve départements of the région', async () => {
    const { data } = await api.execute(TERRITORY, { id: 'reg:75' });
    if (data?.node?.__typename !== 'Territory') throw new Error('expected a territory');
    expect(data.node.children).toHaveLength(12);
  });

  it('answers NOT_FOUND for an unknown id', async () => {
    const result = await api.execute(TERRITORY, { id: 'com:00000' });
    expect(firstErrorCode(result)).toBe('NOT_FOUND');
  });

  it('counts nodes per kind, matching the grid at least', async () => {
    const { data } = await api.execute(STATS, {});
    const territories = data?.stats.nodes.find((row) => row.kind === 'TERRITORY')?.count ?? 0;
    // 1 région + 12 départements + 154 EPCI + 4,293 communes, plus bassins and outside places.
    expect(territories).toBeGreaterThanOrEqual(1 + 12 + 154 + 4293);
    const partOf = data?.stats.relationships.find((row) => row.type === 'PART_OF')?.count ?? 0;
    expect(partOf).toBeGreaterThan(8_000);
  });
});
