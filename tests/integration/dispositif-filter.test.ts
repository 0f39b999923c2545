/**
 * The one dispositif filter (graph/queries/dispositif-filter.ts) as coverage,
 * the partnership network and `matchingDispositifs` apply it, on a synthetic
 * graph written over the real grid (ids `…:test-df-…`): each rule must give the
 * same answer in every place.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../client/gql/index.js';
import type { DispositifFilter } from '../../client/gql/graphql.js';
import { loadCoverageIndex } from '../../graph/queries/coverage.js';
import { createTestApi, firstErrorCode } from '../helpers/graphql.js';
import { removeSyntheticNodes, SyntheticGraph, writeSyntheticGraph } from '../helpers/synthetic-graph.js';

const MATCHING = graphql(`
  query TestMatchingDispositifs($filter: DispositifFilter!, $among: [ID!]) {
    matchingDispositifs(filter: $filter, among: $among)
  }
`);

const NETWORK = graphql(`
  query TestFilteredNetwork($theme: ID, $public: ID, $territory: ID, $filter: DispositifFilter) {
    partnershipNetwork(theme: $theme, public: $public, territory: $territory, filter: $filter) {
      edges {
        source
        target
        data
      }
    }
  }
`);

const COVERED = graphql(`
  query TestFilteredCoverage($within: ID!, $theme: ID, $public: ID, $filter: CoverageFilter) {
    coverage(level: DEPARTEMENT, within: $within, theme: $theme, public: $public, filter: $filter) {
      territory {
        id
      }
      status
    }
  }
`);

const CREUSE_EPCI = graphql(`
  query TestCreuseEpci {
    node(id: "dep:23") {
      ... on Territory {
        children(level: EPCI) {
          id
          children(level: COMMUNE) {
            id
          }
        }
      }
    }
  }
`);

const T = {
  top: 'theme:test-df-top',
  sub: 'theme:test-df-sub',
  subSub: 'theme:test-df-sub-sub',
  who: 'theme:test-df-who',
  place: 'theme:test-df-place',
};
const PUBLIC = 'public:test-df-jeunes';
const BASSIN = 'bassin:test-df';
const ORG = { a: 'org:test-df-a', b: 'org:test-df-b', c: 'org:test-df-c' };

const api = createTestApi();
const fixture = new SyntheticGraph();
/** An EPCI of the Creuse, and one of its communes the synthetic bassin holds. */
let epci: string;

async function data<R, V>(document: Parameters<typeof api.execute<R, V>>[0], variables: V): Promise<R> {
  const result = await api.execute(document, variables);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}
const matching = async (filter: DispositifFilter, among?: string[]) =>
  (await data(MATCHING, { filter, among })).matchingDispositifs;
const pairs = async (variables: Parameters<typeof api.execute<unknown, object>>[1] & object) =>
  (await data(NETWORK, variables)).partnershipNetwork.edges
    .filter((edge) => edge.source.includes(':test-df-') && edge.target.includes(':test-df-'))
    .map((edge) => ({
      pair: [edge.source, edge.target].sort().join(' '),
      dispositifs: (edge.data as { dispositifs: string[] }).dispositifs,
    }));

beforeAll(async () => {
  const { node } = await data(CREUSE_EPCI, {});
  const first = node && 'children' in node ? node.children.find((e) => e.children.length >= 2) : undefined;
  if (!first) throw new Error('expected an EPCI of the Creuse');
  epci = first.id;

  fixture
    .node(T.top, {})
    .node(T.sub, { parent: T.top })
    .node(T.subSub, { parent: T.sub })
    .node(T.who, {})
    .node(T.place, {})
    .node(PUBLIC, {})
    .node(ORG.a, { type: 'ASSO' })
    .node(ORG.b, { type: 'ML' })
    .node(ORG.c, { type: 'CFA' })
    // A bassin holding one commune of the EPCI: neither PART_OF the other.
    .node(BASSIN, { level: 'BASSIN', population: 0, outsideRegion: false, code: null })
    .link(BASSIN, 'PART_OF', 'dep:23')
    .link(first.children[0]!.id, 'PART_OF', BASSIN);
  const dispositif = (id: string, theme: string, places: string[]) =>
    fixture.node(id, { status: 'active' }).link(id, 'ADDRESSES', theme).link(id, 'DEPLOYED_IN', places);
  dispositif('dis:test-df-deep', T.subSub, ['dep:16']);
  dispositif('dis:test-df-everyone', T.who, ['dep:17']);
  dispositif('dis:test-df-jeunes', T.who, ['dep:19']);
  dispositif('dis:test-df-bassin', T.place, [BASSIN]);
  fixture
    .link('dis:test-df-everyone', 'TARGETS', 'public:tous-publics')
    .link('dis:test-df-jeunes', 'TARGETS', PUBLIC)
    .link(ORG.a, 'CARRIES', ['dis:test-df-deep', 'dis:test-df-everyone', 'dis:test-df-bassin'])
    .link(ORG.b, 'PARTNERS_IN', ['dis:test-df-deep', 'dis:test-df-bassin'])
    .link(ORG.c, 'FUNDS', 'dis:test-df-everyone');
  await writeSyntheticGraph(api.db, fixture);
});

afterAll(async () => {
  await removeSyntheticNodes(api.db, fixture.ids);
  await api.close();
});

describe('one dispositif filter everywhere', () => {
  it('includes sub-themes at any depth: in matchingDispositifs, the network and coverage', async () => {
    expect(await matching({ themes: [T.top] })).toEqual(['dis:test-df-deep']);
    expect(await matching({ themes: [T.sub] })).toEqual(['dis:test-df-deep']);
    expect(await pairs({ theme: T.top })).toEqual([
      { pair: `${ORG.a} ${ORG.b}`, dispositifs: ['dis:test-df-deep'] },
    ]);
    const cells = (await data(COVERED, { within: 'reg:75', theme: T.top })).coverage;
    expect(cells.filter((c) => c.status !== 'NONE').map((c) => c.territory.id)).toEqual(['dep:16']);
  });

  it('counts « tous publics » for any public: in matchingDispositifs, the network and coverage', async () => {
    expect(await matching({ themes: [T.who], publics: [PUBLIC] })).toEqual([
      'dis:test-df-everyone',
      'dis:test-df-jeunes',
    ]);
    expect(await matching({ themes: [T.who], publics: ['public:tous-publics'] })).toEqual([
      'dis:test-df-everyone',
    ]);
    expect(await pairs({ public: PUBLIC })).toEqual([
      { pair: `${ORG.a} ${ORG.c}`, dispositifs: ['dis:test-df-everyone'] },
    ]);
    const cells = (await data(COVERED, { within: 'reg:75', filter: { theme: T.who, public: PUBLIC } }))
      .coverage;
    expect(cells.filter((c) => c.status !== 'NONE').map((c) => c.territory.id)).toEqual(['dep:17', 'dep:19']);
  });

  it('places a dispositif by coverage’s containment: inside, holding, or sharing a commune', async () => {
    expect(await matching({ themes: [T.subSub], territory: 'dep:16' })).toEqual(['dis:test-df-deep']);
    expect(await matching({ themes: [T.subSub], territory: 'com:16015' })).toEqual(['dis:test-df-deep']);
    expect(await matching({ themes: [T.subSub], territory: 'dep:17' })).toEqual([]);
    // The bassin is not PART_OF the EPCI nor the reverse: they share a commune.
    expect(await matching({ themes: [T.place], territory: epci })).toEqual(['dis:test-df-bassin']);
    expect(await pairs({ territory: epci })).toEqual([
      { pair: `${ORG.a} ${ORG.b}`, dispositifs: ['dis:test-df-bassin'] },
    ]);
  });

  it('filters by status and carrier type, and among given ids only', async () => {
    const ours = ['dis:test-df-deep', 'dis:test-df-everyone', 'dis:test-df-jeunes', 'dis:test-df-bassin'];
    expect(await matching({ carrierTypes: ['ASSO'] }, ours)).toEqual([
      'dis:test-df-bassin',
      'dis:test-df-deep',
      'dis:test-df-everyone',
    ]);
    expect(await matching({ statuses: ['ended'] }, ours)).toEqual([]);
    expect(await matching({}, ['dis:test-df-jeunes', 'org:test-df-a'])).toEqual(['dis:test-df-jeunes']);
  });

  it('refuses unknown ids, naming the argument', async () => {
    const refused = async (filter: DispositifFilter) => {
      const result = await api.execute(MATCHING, { filter });
      return [firstErrorCode(result), result.errors?.[0]?.extensions?.argument];
    };
    expect(await refused({ themes: ['theme:test-df-nope'] })).toEqual(['BAD_USER_INPUT', 'filter.themes']);
    expect(await refused({ publics: [T.who] })).toEqual(['BAD_USER_INPUT', 'filter.publics']);
    expect(await refused({ territory: 'dep:00' })).toEqual(['BAD_USER_INPUT', 'filter.territory']);
    const both = await api.execute(NETWORK, { theme: T.top, filter: { themes: [T.top] } });
    expect(firstErrorCode(both)).toBe('BAD_USER_INPUT');
  });
});

describe('the coverage index', () => {
  it('is kept while the graph version stands, and reloaded when a write bumps it', async () => {
    const before = await loadCoverageIndex(api.db);
    expect(await loadCoverageIndex(api.db)).toBe(before);
    // Same number of nodes and edges: only the version says the grid changed.
    const renamed = new SyntheticGraph().node(BASSIN, {
      name: 'Bassin renommé',
      level: 'BASSIN',
      population: 0,
      outsideRegion: false,
      code: null,
    });
    await writeSyntheticGraph(api.db, renamed);
    const after = await loadCoverageIndex(api.db);
    expect(after.version).toBe(before.version + 1);
    expect(before.grid.territories.get(BASSIN)?.name).toBe(BASSIN);
    expect(after.grid.territories.get(BASSIN)?.name).toBe('Bassin renommé');
  });
});
