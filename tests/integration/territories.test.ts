import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../client/gql/index.js';
import { createTestApi, firstErrorCode } from '../helpers/graphql.js';
import { removeSyntheticNodes, SyntheticGraph, writeSyntheticGraph } from '../helpers/synthetic-graph.js';

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

const FRANCE = graphql(`
  query TestFrance {
    node(id: "pays:fr") {
      __typename
      id
      name
      ... on Territory {
        level
        population
        parent {
          id
        }
        children(level: REGION) {
          id
        }
      }
    }
    region: node(id: "reg:75") {
      ... on Territory {
        parent {
          id
          level
        }
      }
    }
  }
`);

const NATIONAL_COVERAGE = graphql(`
  query TestNationalCoverage($level: TerritoryLevel!, $within: ID!, $theme: ID) {
    coverageSummary(level: $level, within: $within, theme: $theme) {
      cells
      dispositifs
      covered {
        cells
      }
      applying {
        dispositif {
          id
        }
        deployedIn {
          id
        }
        cells
      }
    }
  }
`);

const api = createTestApi();
const national = new SyntheticGraph()
  .node('theme:test-pays-national', {})
  .node('dis:test-pays-national', { status: 'active' })
  .link('dis:test-pays-national', 'ADDRESSES', 'theme:test-pays-national')
  .link('dis:test-pays-national', 'DEPLOYED_IN', 'pays:fr');
beforeAll(() => writeSyntheticGraph(api.db, national));
afterAll(async () => {
  await removeSyntheticNodes(api.db, national.ids);
  await api.close();
});

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

describe('France (pays:fr), in the région scope too', () => {
  it('tops the grid: the région is PART_OF it, and it weighs all of France', async () => {
    const { data } = await api.execute(FRANCE, {});
    const node = data?.node;
    if (node?.__typename !== 'Territory') throw new Error('expected a territory');
    expect(node).toMatchObject({ id: 'pays:fr', name: 'France', level: 'PAYS', parent: null });
    expect(node.children.map((child) => child.id)).toEqual(['reg:75']);
    expect(node.population).toBeGreaterThan(66_000_000);
    expect(data?.region).toMatchObject({ parent: { id: 'pays:fr', level: 'PAYS' } });
  });

  it('answers coverage within France, and a national dispositif covers every cell', async () => {
    const theme = 'theme:test-pays-national';
    const { data, errors } = await api.execute(NATIONAL_COVERAGE, {
      level: 'COMMUNE',
      within: 'pays:fr',
      theme,
    });
    expect(errors).toBeUndefined();
    const summary = data?.coverageSummary;
    expect(summary?.cells).toBe(4293);
    expect(summary?.covered.cells).toBe(4293);
    expect(summary?.applying).toEqual([
      { dispositif: { id: 'dis:test-pays-national' }, deployedIn: [{ id: 'pays:fr' }], cells: 4293 },
    ]);
    const departements = await api.execute(NATIONAL_COVERAGE, {
      level: 'DEPARTEMENT',
      within: 'reg:75',
      theme,
    });
    expect(departements.data?.coverageSummary).toMatchObject({ cells: 12, covered: { cells: 12 } });
  });
});
