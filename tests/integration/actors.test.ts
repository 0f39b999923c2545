import { afterAll, describe, expect, it } from 'vitest';
import { graphql } from '../../client/gql/index.js';
import { loadCoverageIndex } from '../../graph/queries/coverage.js';
import { toDispositifFilterParams } from '../../graph/queries/dispositif-filter.js';
import { findPartnershipNetwork } from '../../graph/queries/partners.js';
import { createTestApi, firstErrorCode } from '../helpers/graphql.js';

// Facts from the article on WeJOB's "jobeurs seniors" (seeds/data/articles/15-…).
const ORGANISATION = graphql(`
  query TestOrganisation($id: ID!) {
    node(id: $id) {
      ... on Organisation {
        name
        territory {
          id
        }
        carries {
          dispositif {
            id
            funders {
              organisation {
                id
              }
              sources {
                title
                date
              }
            }
          }
          evidence
          sources {
            id
            sourceKind
          }
        }
        partners {
          organisation {
            id
          }
          direct
          weight
          dispositifs {
            id
          }
        }
        people {
          person {
            name
          }
          role
        }
      }
    }
  }
`);

const GRAPH_QUERIES = graphql(`
  query TestGraphQueries($ids: [ID!]!) {
    funders {
      id
    }
    edgesAmong(ids: $ids) {
      id
      type
      sourceNodes {
        title
      }
    }
    territoryScope(id: "dep:33") {
      inside
      containing
    }
    nodes(ids: $ids) {
      id
      themes
      publics
      places
      involvedIn
    }
  }
`);

const DEGREES = graphql(`
  query TestDegrees($ids: [ID!]!) {
    nodes(ids: $ids) {
      id
      degrees {
        type
        direction
        count
      }
    }
  }
`);

const NETWORK = graphql(`
  query TestNetwork($territory: ID, $theme: ID, $activeOn: Date) {
    partnershipNetwork(territory: $territory, theme: $theme, activeOn: $activeOn) {
      truncated
      nodes {
        id
      }
      edges {
        source
        target
        type
        data
      }
    }
  }
`);

const PATH = graphql(`
  query TestPath($from: ID!, $to: ID!) {
    shortestPath(from: $from, to: $to) {
      nodes {
        id
      }
      edges {
        type
      }
    }
  }
`);

const api = createTestApi();
afterAll(() => api.close());

describe('organisations and dispositifs', () => {
  it('exposes what WeJOB carries, who funds it, with sources and evidence', async () => {
    const { data, errors } = await api.execute(ORGANISATION, { id: 'org:wejob' });
    expect(errors).toBeUndefined();
    const org = data?.node;
    if (!org || !('carries' in org)) throw new Error('expected an organisation');
    expect(org.territory?.id).toBe('com:33063');
    const jobeurs = org.carries.find((link) => link.dispositif.id === 'dis:jobeurs-seniors');
    expect(jobeurs?.evidence).toBeTruthy();
    expect(jobeurs?.sources[0]?.sourceKind).toBe('article');
    const funders = jobeurs?.dispositif.funders.map((link) => link.organisation.id);
    expect(funders).toEqual(expect.arrayContaining(['org:direccte-nouvelle-aquitaine', 'org:pole-emploi']));
    expect(jobeurs?.dispositif.funders[0]?.sources[0]?.date).toMatch(/^2019-/);
    expect(org.people.map((link) => link.person.name)).toContain('Ingrid Berghman');
  });

  it('lists partners through shared dispositifs and explicit partnerships', async () => {
    const { data } = await api.execute(ORGANISATION, { id: 'org:wejob' });
    const org = data?.node;
    if (!org || !('partners' in org)) throw new Error('expected an organisation');
    const cite = org.partners.find((p) => p.organisation.id === 'org:les-entreprises-pour-la-cite');
    expect(cite?.direct).toBe(true);
    expect(cite?.dispositifs.map((d) => d.id)).toContain('dis:matinales-impact-rh');
    expect(cite?.weight).toBe((cite?.dispositifs.length ?? 0) + 1);
    const decalez = org.partners.find((p) => p.organisation.id === 'org:decalez');
    expect(decalez).toMatchObject({ direct: false, weight: 1 });
  });
});

describe('graph queries', () => {
  it('answers funders, edges among nodes, territory scope and facets', async () => {
    const ids = ['org:wejob', 'dis:jobeurs-seniors', 'org:pole-emploi'];
    const { data, errors } = await api.execute(GRAPH_QUERIES, { ids });
    expect(errors).toBeUndefined();
    expect(data?.funders.map((f) => f.id)).toContain('org:direccte-nouvelle-aquitaine');
    expect(data?.edgesAmong.map((e) => e.id).sort()).toEqual(
      ['org:pole-emploi|FUNDS|dis:jobeurs-seniors', 'org:wejob|CARRIES|dis:jobeurs-seniors'].sort(),
    );
    expect(data?.edgesAmong[0]?.sourceNodes[0]?.title).toBeTruthy();
    expect(data?.territoryScope.containing).toEqual(['reg:75', 'pays:fr']);
    expect(data?.territoryScope.inside).toContain('com:33243');
    const dispositif = data?.nodes.find((node) => node.id === 'dis:jobeurs-seniors');
    expect(dispositif?.themes.length).toBeGreaterThan(0);
    expect(dispositif?.publics).toContain('public:seniors');
    const wejob = data?.nodes.find((node) => node.id === 'org:wejob');
    expect(wejob?.places).toEqual(['com:33063']);
    expect(wejob?.involvedIn).toContain('dis:jobeurs-seniors');
  });

  it("counts each node's relationships by type and direction, listing only those it has", async () => {
    const { data, errors } = await api.execute(DEGREES, { ids: ['org:wejob', 'dis:jobeurs-seniors'] });
    expect(errors).toBeUndefined();
    const count = (id: string, type: string, direction: string) =>
      data?.nodes
        .find((node) => node.id === id)
        ?.degrees.find((degree) => degree.type === type && degree.direction === direction)?.count;
    expect(count('org:wejob', 'CARRIES', 'OUT')).toBeGreaterThanOrEqual(3);
    expect(count('org:wejob', 'WORKS_AT', 'IN')).toBeGreaterThanOrEqual(1);
    expect(count('org:wejob', 'LOCATED_IN', 'OUT')).toBe(1);
    expect(count('org:wejob', 'CARRIES', 'IN')).toBeUndefined();
    expect(count('dis:jobeurs-seniors', 'CARRIES', 'IN')).toBeGreaterThanOrEqual(1);
    const wejob = data?.nodes.find((node) => node.id === 'org:wejob');
    expect(wejob?.degrees.every((degree) => degree.count > 0)).toBe(true);
    expect(wejob?.degrees.some((degree) => degree.type === 'TARGETS')).toBe(false);
  });

  it('projects partnerships with weights and the shared dispositifs', async () => {
    const { data } = await api.execute(NETWORK, {});
    const edge = data?.partnershipNetwork.edges.find(
      (e) => [e.source, e.target].sort().join() === ['org:decalez', 'org:wejob'].join(),
    );
    expect(edge?.type).toBe('PARTNERS');
    expect(edge?.data).toMatchObject({ weight: 1, dispositifs: ['dis:jobeurs-seniors'] });
  });

  it('narrows the network to a territory and refuses unknown filters', async () => {
    const all = (await api.execute(NETWORK, {})).data?.partnershipNetwork.nodes.length ?? 0;
    const gironde =
      (await api.execute(NETWORK, { territory: 'dep:33' })).data?.partnershipNetwork.nodes.length ?? 0;
    expect(gironde).toBeGreaterThan(0);
    expect(gironde).toBeLessThan(all);
    const unknown = await api.execute(NETWORK, { theme: 'theme:nope' });
    expect(firstErrorCode(unknown)).toBe('BAD_USER_INPUT');
    expect(unknown.errors?.[0]?.extensions?.argument).toBe('theme');
    expect(firstErrorCode(await api.execute(NETWORK, { activeOn: '2019-02-30' }))).toBe('BAD_USER_INPUT');
  });

  it('bounds the network to its heaviest pairs, and says so', async () => {
    const index = await loadCoverageIndex(api.db);
    const whole = await findPartnershipNetwork(api.db, index, toDispositifFilterParams({}, index));
    expect(whole.truncated).toBe(false);
    expect((await api.execute(NETWORK, {})).data?.partnershipNetwork.truncated).toBe(false);
    const weights = whole.edges.map((edge) => Number(edge.props.weight));
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    const top = await findPartnershipNetwork(api.db, index, toDispositifFilterParams({}, index), 3);
    expect(top.truncated).toBe(true);
    expect(top.edges).toEqual(whole.edges.slice(0, 3));
    const ends = new Set(top.edges.flatMap((edge) => [edge.source, edge.target]));
    expect(top.nodes.map((node) => node.id).sort()).toEqual([...ends].sort());
  });

  it('finds a shortest path, skipping provenance links', async () => {
    const { data } = await api.execute(PATH, { from: 'org:wejob', to: 'dep:33' });
    const ids = data?.shortestPath.nodes.map((n) => n.id);
    expect(ids?.[0]).toBe('org:wejob');
    expect(ids?.at(-1)).toBe('dep:33');
    expect(data?.shortestPath.edges.every((e) => e.type !== 'MENTIONED_IN')).toBe(true);
    expect(firstErrorCode(await api.execute(PATH, { from: 'org:wejob', to: 'org:nope' }))).toBe('NOT_FOUND');
  });
});

const RELATION_PAGE = graphql(`
  query TestRelationPage($id: ID!, $types: [String!], $first: Int, $after: String) {
    node(id: $id) {
      relations(types: $types, first: $first, after: $after) {
        type
        direction
        cursor
        node {
          id
        }
      }
      relationCounts {
        type
        direction
        count
      }
    }
  }
`);

describe('relations, a page at a time', () => {
  const pagesApi = createTestApi();
  afterAll(() => pagesApi.close());
  const keyOf = (r: { type: string; direction: string; node: { id: string } }) =>
    `${r.type}|${r.direction}|${r.node.id}`;

  it('pages through every relation of a hub, in pieces adding up to its counts by type', async () => {
    const id = 'dep:33';
    const all = await pagesApi.execute(RELATION_PAGE, { id });
    expect(all.errors).toBeUndefined();
    const everything = all.data!.node!.relations.map(keyOf).sort();
    const counts = all.data!.node!.relationCounts;
    expect(counts.reduce((sum, c) => sum + c.count, 0)).toBe(everything.length);
    expect(everything.length).toBeGreaterThan(200);

    const paged: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 100; page += 1) {
      const result = await pagesApi.execute(RELATION_PAGE, { id, first: 50, after });
      expect(result.errors).toBeUndefined();
      const relations: { type: string; direction: string; cursor: string; node: { id: string } }[] =
        result.data!.node!.relations;
      expect(relations.length).toBeLessThanOrEqual(50);
      paged.push(...relations.map(keyOf));
      if (relations.length < 50) break;
      after = relations.at(-1)!.cursor;
    }
    expect(new Set(paged).size).toBe(paged.length);
    expect(paged.sort()).toEqual(everything);
  });

  it('pages only the types asked for', async () => {
    const result = await pagesApi.execute(RELATION_PAGE, { id: 'dep:33', types: ['PART_OF'], first: 5 });
    const relations = result.data!.node!.relations;
    expect(relations).toHaveLength(5);
    expect(new Set(relations.map((r) => r.type))).toEqual(new Set(['PART_OF']));
  });

  it('refuses a cursor it did not give, and a page too large', async () => {
    expect(
      firstErrorCode(await pagesApi.execute(RELATION_PAGE, { id: 'reg:75', first: 5, after: 'nope' })),
    ).toBe('BAD_USER_INPUT');
    expect(firstErrorCode(await pagesApi.execute(RELATION_PAGE, { id: 'reg:75', first: 5000 }))).toBe(
      'BAD_USER_INPUT',
    );
  });
});
