/**
 * Issue 10's figures at one scale: the core queries of DOMAIN.md §6 as GraphQL
 * medians over the raw-driver medians of the same Cypher (graph/queries), the
 * three nested reads against @neo4j/graphql 7.6 on the same database (A/B
 * alternated), coverage, the app's memory after mixed requests, and
 * throughput (autocannon) for search and the nested reads, Atlas and peer.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { print } from 'graphql';
import { COVERAGE_QUERY } from '../../client/features/coverage-gaps/queries.js';
import { detailsPage, NODE_DETAILS_QUERY } from '../../client/features/details/queries.js';
import type { Db } from '../../graph/driver.js';
import { RELATIONSHIP_TYPES, type RelationshipType, type SeedGraph } from '../../graph/model.js';
import { expandNeighbourhoodOf } from '../../graph/queries/neighbourhood.js';
import { findNodesByIds } from '../../graph/queries/nodes.js';
import { loadCoverageIndex } from '../../graph/queries/coverage.js';
import { toDispositifFilterParams } from '../../graph/queries/dispositif-filter.js';
import { findPartnershipNetwork } from '../../graph/queries/partners.js';
import { crossableLabels, findShortestPath } from '../../graph/queries/path.js';
import { countRelationsBatch } from '../../graph/queries/degrees.js';
import { findRelationPagesBatch, findRelationsBatch } from '../../graph/queries/relations.js';
import { searchNodes } from '../../graph/queries/search.js';
import { countGraph } from '../../graph/queries/stats.js';
import { FRANCE_ID } from '../../seeds/grid/build-grid.js';
import type { ChildServer } from './child-server.js';
import { queryGraphQL, type GraphQLAnswer } from './graphql-client.js';
import { timeAlternated, timeInTurns, timeMedian, type BenchResult } from './harness.js';
import type { ScaleSetup } from './scales.js';
import { measureThroughput } from './throughput.js';
import { WHAT_IF_FIGURES } from './what-if.bench.js';

export interface ScaleBenchContext {
  db: Db;
  atlas: ChildServer;
  peer: ChildServer;
  setup: ScaleSetup;
  /** The graph that was loaded, to pick the hubs from. */
  graph: SeedGraph;
  /** Only the figures whose name holds one of these words (`--figures`); null for all. */
  figures?: readonly string[] | null;
}

/** Bytes of the answer as a browser receives it (gzip accepted, as every browser does over http). */
function wireBytes(url: string, query: string, variables: Record<string, unknown>): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      `${url}/graphql`,
      { method: 'POST', headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip, deflate' } },
      (response) => {
        let bytes = 0;
        response.on('data', (chunk: Buffer) => (bytes += chunk.length));
        response.on('end', () => resolve(bytes));
      },
    );
    request.on('error', reject);
    request.end(JSON.stringify({ query, variables }));
  });
}

// The page's details panel, its own document and page size.
const DETAILS = print(NODE_DETAILS_QUERY);
const DETAILS_PAGE = detailsPage(RELATIONSHIP_TYPES);
const details = (id: string) => ({ id, ...DETAILS_PAGE });
const SEARCH = /* GraphQL */ `
  query ($text: String!) {
    search(text: $text) {
      score
      node {
        id
        kind
        name
      }
    }
  }
`;
const NEIGHBOURHOOD = /* GraphQL */ `
  query ($id: ID!) {
    neighbourhood(ids: [$id]) {
      nodes {
        id
        kind
        label
        data
      }
      edges {
        id
        source
        target
        type
        sources
      }
      truncated
    }
  }
`;
const NETWORK = /* GraphQL */ `
  query ($territory: ID) {
    partnershipNetwork(territory: $territory) {
      nodes {
        id
        kind
        label
        data
      }
      edges {
        id
        source
        target
        type
        data
      }
    }
  }
`;
const PATH = /* GraphQL */ `
  query ($from: ID!, $to: ID!) {
    shortestPath(from: $from, to: $to) {
      nodes {
        id
        kind
        label
        data
      }
      edges {
        id
        source
        target
        type
        sources
      }
    }
  }
`;
const STATS = /* GraphQL */ `
  {
    stats {
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
`;
const COVERAGE = print(COVERAGE_QUERY);

/** The three nested reads of issue 10, as Atlas and as the peer ask them. */
const NESTED = {
  'org → carries → territories + funders': {
    atlas: /* GraphQL */ `
      query ($id: ID!) {
        node(id: $id) {
          ... on Organisation {
            id
            name
            carries {
              dispositif {
                id
                name
                territories {
                  territory {
                    id
                    name
                  }
                }
                funders {
                  organisation {
                    id
                    name
                  }
                }
              }
            }
          }
        }
      }
    `,
    peer: /* GraphQL */ `
      query ($id: ID!) {
        organisations(where: { id: { eq: $id } }) {
          id
          name
          carries {
            id
            name
            territories {
              id
              name
            }
            funders {
              id
              name
            }
          }
        }
      }
    `,
  },
  'thème → dispositifs → carriers + territories': {
    atlas: /* GraphQL */ `
      query ($id: ID!) {
        node(id: $id) {
          ... on Theme {
            id
            name
            dispositifs {
              dispositif {
                id
                name
                carriers {
                  organisation {
                    id
                    name
                  }
                }
                territories {
                  territory {
                    id
                    name
                  }
                }
              }
            }
          }
        }
      }
    `,
    peer: /* GraphQL */ `
      query ($id: ID!) {
        themes(where: { id: { eq: $id } }) {
          id
          name
          dispositifs {
            id
            name
            carriers {
              id
              name
            }
            territories {
              id
              name
            }
          }
        }
      }
    `,
  },
  'départements → deployed dispositifs': {
    atlas: /* GraphQL */ `
      query ($id: ID!) {
        node(id: $id) {
          ... on Territory {
            children(level: DEPARTEMENT) {
              id
              name
              dispositifs {
                dispositif {
                  id
                  name
                }
              }
            }
          }
        }
      }
    `,
    peer: /* GraphQL */ `
      query ($id: ID!) {
        territories(where: { id: { eq: $id } }) {
          children(where: { level: { eq: "DEPARTEMENT" } }) {
            id
            name
            dispositifs {
              id
              name
            }
          }
        }
      }
    `,
  },
} as const;

/** Ids in an answer, so that Atlas and the peer can be checked to return the same things. */
function countIds(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + countIds(item), 0);
  if (value !== null && typeof value === 'object')
    return Object.entries(value).reduce((sum, [key, item]) => sum + (key === 'id' ? 1 : countIds(item)), 0);
  return 0;
}

/** The organisation carrying the most dispositifs (ties: smallest id): the hub of the first nested read. */
function topCarrier(graph: SeedGraph): string {
  const counts = new Map<string, number>();
  for (const rel of graph.relationships)
    if (rel.type === 'CARRIES') counts.set(rel.from, (counts.get(rel.from) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
}

/** The details panel's reads by the driver: the node, then its citations, first page and counts at once. */
async function detailsByDriver(db: Db, id: string): Promise<void> {
  await findNodesByIds(db, [id]);
  const [{ grouped }] = await Promise.all([
    findRelationsBatch(db, [{ id, type: 'MENTIONED_IN', direction: 'OUT' }]),
    findRelationPagesBatch(db, [
      { id, types: DETAILS_PAGE.types as RelationshipType[], first: DETAILS_PAGE.first, after: null },
    ]),
    countRelationsBatch(db, [id]),
  ]);
  const sources = new Set(grouped.flat().map((rel) => rel.other.id));
  await findNodesByIds(db, [...sources]);
}

/**
 * A first call that may run into the request deadline while the app fills its
 * per-process caches (the coverage index and the deployed dispositifs take
 * seconds to read at national scale on a loaded machine): tried a few times,
 * untimed, before a figure is taken.
 */
async function warm(url: string, query: string, variables: Record<string, unknown> = {}) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await queryGraphQL(url, query, variables);
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

/**
 * ATLAS_BENCH_ANSWERS=DIR keeps Atlas's answers to the nested reads and the details
 * panel as JSON files in DIR, so that two versions of the code can be compared on one graph.
 */
function keepAnswer(name: string, answer: GraphQLAnswer) {
  const dir = process.env.ATLAS_BENCH_ANSWERS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, `${name.replace(/[^\p{L}\p{N}]+/gu, '-')}.json`),
    JSON.stringify(answer.data, null, 1),
  );
}

/** A figure that could not be taken: counted as a miss, with the reason. */
function failed(name: string, error: unknown, target: number): BenchResult {
  const reason = error instanceof Error ? error.message : String(error);
  return { name, value: Number.POSITIVE_INFINITY, target, note: `failed: ${reason.slice(0, 160)}` };
}

export async function runScaleBench({
  db,
  atlas,
  peer,
  setup,
  graph,
  figures = null,
}: ScaleBenchContext): Promise<BenchResult[]> {
  const tag = `[${setup.scale}]`;
  const results: BenchResult[] = [];
  const slack = setup.slack;
  const wanted = (name: string) => !figures || figures.some((word) => name.includes(word));

  // Memory of the app after 100 mixed requests, taken first: the app as started, then
  // those requests, as the issue asks (the end of the suite is reported below, without a target).
  if (wanted('RSS')) {
    const mixed = [
      () => queryGraphQL(atlas.url, SEARCH, { text: 'mission' }),
      () => queryGraphQL(atlas.url, DETAILS, details('org:pole-emploi')),
      () => queryGraphQL(atlas.url, NEIGHBOURHOOD, { id: 'org:wejob' }),
      () =>
        queryGraphQL(atlas.url, NESTED['thème → dispositifs → carriers + territories'].atlas, {
          id: 'theme:mobilite',
        }),
      () => queryGraphQL(atlas.url, COVERAGE, { level: 'DEPARTEMENT', within: setup.region }),
    ];
    for (let i = 0; i < 100; i += 1) await mixed[i % mixed.length]!().catch(() => undefined);
    results.push({
      name: `${tag} app RSS after 100 mixed requests`,
      value: atlas.rssMb(),
      unit: 'MB',
      target: setup.scale === 'france' ? 600 : undefined,
      note: `peer ${peer.rssMb().toFixed(0)} MB`,
    });
  }

  // GraphQL over the raw-driver median of the same Cypher, alternated in one run
  const core: {
    name: string;
    query: string;
    variables: Record<string, unknown>;
    driver: () => Promise<unknown>;
    target?: number;
  }[] = [
    {
      name: 'search "miss"',
      query: SEARCH,
      variables: { text: 'miss' },
      driver: () => searchNodes(db, { text: 'miss', first: 20 }),
      target: 25 * slack,
    },
    {
      name: 'details panel of Pôle emploi',
      query: DETAILS,
      variables: details('org:pole-emploi'),
      driver: () => detailsByDriver(db, 'org:pole-emploi'),
      target: 15 * slack,
    },
    {
      name: 'neighbourhood of Pôle emploi',
      query: NEIGHBOURHOOD,
      variables: { id: 'org:pole-emploi' },
      driver: () => expandNeighbourhoodOf(db, { ids: ['org:pole-emploi'], depth: 1, limit: 300 }),
      target: 20 * slack,
    },
    {
      name: 'partnershipNetwork (all)',
      query: NETWORK,
      variables: {},
      driver: async () => {
        const index = await loadCoverageIndex(db);
        return findPartnershipNetwork(db, index, toDispositifFilterParams({}, index));
      },
    },
    {
      name: 'partnershipNetwork(territory: dep:33)',
      query: NETWORK,
      variables: { territory: 'dep:33' },
      driver: async () => {
        const index = await loadCoverageIndex(db);
        return findPartnershipNetwork(db, index, toDispositifFilterParams({ territory: 'dep:33' }, index));
      },
      target: setup.scale === 'france' ? 100 : undefined,
    },
    {
      name: 'shortestPath WeJOB → Gironde',
      query: PATH,
      variables: { from: 'org:wejob', to: 'dep:33' },
      driver: () =>
        findShortestPath(db, {
          from: 'org:wejob',
          to: 'dep:33',
          maxLength: 6,
          ...crossableLabels(null, null),
        }),
    },
    { name: 'stats', query: STATS, variables: {}, driver: () => countGraph(db) },
  ];
  for (const item of core) {
    if (!wanted(item.name)) continue;
    try {
      keepAnswer(item.name, await warm(atlas.url, item.query, item.variables));
      // With the floor under the ratio, in the same turns: an answer without a query over
      // HTTP. A read whose driver time is d cannot go under (floor + d) / d.
      const { api, driver, floor } = await timeInTurns(
        {
          api: () => queryGraphQL(atlas.url, item.query, item.variables),
          driver: item.driver,
          floor: () => queryGraphQL(atlas.url, '{ __typename }'),
        },
        15,
        3,
      );
      results.push({
        name: `${tag} ${item.name}`,
        value: api,
        target: item.target,
        note: `driver ${driver.toFixed(1)} ms`,
      });
      results.push({
        name: `${tag} ${item.name}: GraphQL / driver`,
        value: api / driver,
        unit: '×',
        target: 1.2,
        note: `floor ${((floor + driver) / driver).toFixed(2)} × ({ __typename } ${floor.toFixed(1)} ms)`,
      });
    } catch (error) {
      results.push(failed(`${tag} ${item.name}`, error, item.target ?? 0));
    }
  }

  // The three nested reads, Atlas against the peer
  const nestedIds = {
    'org → carries → territories + funders': topCarrier(graph),
    'thème → dispositifs → carriers + territories': 'theme:mobilite',
    'départements → deployed dispositifs': setup.region,
  } as const;
  for (const [name, documents] of Object.entries(NESTED) as [
    keyof typeof NESTED,
    (typeof NESTED)[keyof typeof NESTED],
  ][]) {
    const variables = { id: nestedIds[name] };
    if (!wanted(`nested ${name}`)) continue;
    try {
      const [atlasAnswer, peerAnswer] = await Promise.all([
        queryGraphQL(atlas.url, documents.atlas, variables),
        queryGraphQL(peer.url, documents.peer, variables),
      ]);
      keepAnswer(`nested ${name}`, atlasAnswer);
      const { a, b } = await timeAlternated(
        () => queryGraphQL(atlas.url, documents.atlas, variables),
        () => queryGraphQL(peer.url, documents.peer, variables),
      );
      const ids = `${countIds(atlasAnswer.data)} ids (peer ${countIds(peerAnswer.data)}), ${(atlasAnswer.bytes / 1024).toFixed(0)} KB`;
      results.push({
        name: `${tag} nested ${name} (${variables.id})`,
        value: a,
        note: `peer ${b.toFixed(1)} ms; ${ids}`,
      });
      results.push({ name: `${tag} nested ${name}: Atlas / peer`, value: a / b, unit: '×', target: 0.7 });
    } catch (error) {
      results.push(failed(`${tag} nested ${name}: Atlas / peer`, error, 0.7));
    }
  }

  // Coverage, as the page asks it
  const coverage = async (level: string, within: string, target?: number, runs = 11) => {
    if (!wanted(`coverage ${level} of ${within}`)) return undefined;
    try {
      const answer = await warm(atlas.url, COVERAGE, { level, within });
      const value = await timeMedian(() => queryGraphQL(atlas.url, COVERAGE, { level, within }), runs, 2);
      results.push({
        name: `${tag} coverage ${level} of ${within}`,
        value,
        target,
        note: `${(answer.bytes / 1024).toFixed(0)} KB`,
      });
      return answer.bytes;
    } catch (error) {
      results.push(failed(`${tag} coverage ${level} of ${within}`, error, target ?? 0));
      return undefined;
    }
  };
  await coverage('COMMUNE', setup.region, setup.scale === '1x' ? 150 : 300);
  await coverage('DEPARTEMENT', setup.region);
  if (setup.scale === 'france' && wanted(`coverage COMMUNE of ${FRANCE_ID}`)) {
    const bytes = await coverage('COMMUNE', FRANCE_ID, 1_500, 5);
    const wire = await wireBytes(atlas.url, COVERAGE, { level: 'COMMUNE', within: FRANCE_ID }).catch(
      () => undefined,
    );
    results.push({
      name: `${tag} coverage treemap form for France`,
      value: wire === undefined ? Number.POSITIVE_INFINITY : wire / 1024,
      unit: 'KB',
      target: 1024,
      note: `the page's coverage document, COMMUNE within France, as sent (gzip); ${((bytes ?? 0) / 1024).toFixed(0)} KB as JSON`,
    });
  }

  // What depends on whom (issue 14): the seed targets at 1×, at most ×3 of them at national scale
  const whatIfFactor = setup.scale === '1x' ? 1 : setup.scale === 'france' ? 3 : undefined;
  for (const figure of WHAT_IF_FIGURES) {
    if (!wanted(figure.name)) continue;
    const target = whatIfFactor === undefined ? undefined : figure.target * whatIfFactor;
    try {
      const query = print(figure.document);
      await warm(atlas.url, query, figure.variables);
      const value = await timeMedian(() => queryGraphQL(atlas.url, query, figure.variables), 11, 3);
      results.push({ name: `${tag} ${figure.name}`, value, target });
    } catch (error) {
      results.push(failed(`${tag} ${figure.name}`, error, target ?? 0));
    }
  }

  if (wanted('RSS'))
    results.push({
      name: `${tag} app RSS at the end of the scale suite`,
      value: atlas.rssMb(),
      unit: 'MB',
      note: `every figure above in one process: what its heap kept of their peaks; peer ${peer.rssMb().toFixed(0)} MB`,
    });

  if (!wanted('throughput')) return results;
  // Throughput, Atlas and peer side by side (the peer has no full-text search)
  const search = await measureThroughput(atlas.url, SEARCH, { text: 'miss' });
  results.push({
    name: `${tag} throughput search "miss"`,
    value: search.requestsPerSecond,
    unit: 'req/s',
    note: `${search.errors} errors; the peer has no full-text search`,
  });
  for (const [name, documents] of Object.entries(NESTED) as [
    keyof typeof NESTED,
    (typeof NESTED)[keyof typeof NESTED],
  ][]) {
    const variables = { id: nestedIds[name] };
    const ours = await measureThroughput(atlas.url, documents.atlas, variables);
    const theirs = await measureThroughput(peer.url, documents.peer, variables);
    results.push({
      name: `${tag} throughput nested ${name}`,
      value: ours.requestsPerSecond,
      unit: 'req/s',
      note: `peer ${theirs.requestsPerSecond.toFixed(0)} req/s; errors ${ours.errors}/${theirs.errors}`,
    });
  }
  return results;
}
