import { print, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import * as documents from '../../../client/gql/graphql.js';
import type { SeedGraph, SeedRelationship } from '../../../graph/model.js';
import { countStagingNodes, loadSeedGraph, removeStaging } from '../../../graph/queries/import.js';
import { awaitSearchIndex } from '../../../graph/queries/search.js';
import { createTestApi, type TestApi } from '../../helpers/graphql.js';
import { removeSyntheticNodes } from '../../helpers/synthetic-graph.js';

const api = createTestApi();
afterAll(() => api.close());

const COMMUNE = 'com:33243';
const ORG = 'org:beta-pi';
const FUNDER = 'org:region-nouvelle-aquitaine';
const THEME = 'theme:choisir-un-metier';
const PUBLIC = 'public:tous-publics';
const LINKED = 5;

/**
 * New organisations carrying new dispositifs, cited by a new source; the first few
 * seated in Libourne, partners of an existing organisation, their dispositifs deployed
 * there, carried by it and funded by an existing funder. Few links per existing node:
 * past 50 relationships Neo4j regroups a node's relationships by type, which changes
 * the order of equal answers (paths of the same length) without any new data showing.
 */
function pendingGraph(count: number): SeedGraph {
  const pad = (i: number) => String(i).padStart(5, '0');
  const orgs = Array.from({ length: count }, (_, i) => `org:test-pending-${pad(i)}`);
  const dis = Array.from({ length: count }, (_, i) => `dis:test-pending-${pad(i)}`);
  const src = 'src:test-pending';
  const link = (type: SeedRelationship['type'], from: string, to: string): SeedRelationship => ({
    type,
    from,
    to,
    sources: [src],
    props: {},
  });
  return {
    nodes: [
      ...orgs.map((id) => ({
        label: 'Organisation' as const,
        id,
        props: { name: `Sonde ${id}`, type: 'association', aliases: [] },
      })),
      ...dis.map((id) => ({
        label: 'Dispositif' as const,
        id,
        props: { name: `Sonde ${id}`, status: 'active' },
      })),
      { label: 'Source', id: src, props: { name: 'Sonde', title: 'Sonde', kind: 'user-import' } },
    ],
    relationships: [
      ...orgs.flatMap((id, i) => [
        link('CARRIES', id, dis[i]!),
        link('MENTIONED_IN', id, src),
        ...(i < LINKED ? [link('LOCATED_IN', id, COMMUNE), link('PARTNERS_WITH', ORG, id)] : []),
      ]),
      ...dis.flatMap((id, i) => [
        link('ADDRESSES', id, THEME),
        link('TARGETS', id, PUBLIC),
        ...(i < LINKED
          ? [link('DEPLOYED_IN', id, COMMUNE), link('FUNDS', FUNDER, id), link('CARRIES', ORG, id)]
          : []),
      ]),
    ],
  };
}

// The Cypher console and saved queries run the user's own Cypher, which sees pending
// nodes (README); the import's progress and the journal are not graph reads.
const NOT_GRAPH_READS = /Cypher|Console|RunSaved|SavedQuer|MyQueries|ImportProgress/;

/** Values by variable name, around what the load links to (and one id it creates). */
const VARIABLES: Record<string, unknown>[] = [
  {
    id: COMMUNE,
    ids: [COMMUNE, ORG, FUNDER, 'org:test-pending-00001', 'dis:test-pending-00001'],
    text: 'Sonde',
    from: COMMUNE,
    to: ORG,
    level: 'COMMUNE',
    within: 'dep:33',
    organisation: ORG,
    commune: COMMUNE,
    territory: COMMUNE,
    filter: {},
    left: {},
    right: { funders: [FUNDER] },
    key: 'none',
  },
  { id: ORG, from: ORG, to: FUNDER, within: 'reg:75', organisation: FUNDER, filter: { funders: [FUNDER] } },
  { id: 'org:test-pending-00001', ids: ['dis:test-pending-00001'], text: 'test pending' },
];

/** Every query the page (and the tests) send, with the variables above for each set. */
function pageReads(): { name: string; query: string; variables: Record<string, unknown> }[] {
  const reads: { name: string; query: string; variables: Record<string, unknown> }[] = [];
  for (const [name, document] of Object.entries(documents)) {
    if (!name.endsWith('Document') || NOT_GRAPH_READS.test(name)) continue;
    const operation = (document as DocumentNode).definitions.find(
      (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
    );
    if (operation?.operation !== 'query') continue;
    VARIABLES.forEach((set, i) => {
      const variables: Record<string, unknown> = {};
      for (const definition of operation.variableDefinitions ?? []) {
        const variable = definition.variable.name.value;
        const value = set[variable] ?? VARIABLES[0]![variable];
        if (value !== undefined) variables[variable] = value;
      }
      reads.push({ name: `${name} #${i}`, query: print(document as DocumentNode), variables });
    });
  }
  return reads;
}

async function answers(client: TestApi, reads: ReturnType<typeof pageReads>): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  for (const read of reads) {
    const answer = await client.execute(read.query, read.variables);
    // Fields resolve concurrently: when an error nulls the whole answer, whichever field
    // failed first is reported; their codes say the same.
    const errors =
      answer.data === null ? [...new Set(answer.errors?.map((e) => e.extensions?.code))] : answer.errors;
    result.set(read.name, JSON.stringify({ ...answer, errors }));
  }
  return result;
}

describe('a load readers cannot see until its reveal', () => {
  it('answers every read of the page byte for byte as before the load while it waits for its reveal, and with the new data after', async () => {
    const reads = pageReads();
    expect(reads.length).toBeGreaterThan(100);
    const graph = pendingGraph(300);
    onTestFinished(async () => {
      await removeStaging(api.db);
      await removeSyntheticNodes(
        api.db,
        graph.nodes.map((node) => node.id),
      );
    });
    const before = await answers(api, reads);
    let during: Map<string, string> | undefined;
    let pending = 0;
    await loadSeedGraph(api.db, graph, {
      beforeReveal: async () => {
        pending = await countStagingNodes(api.db);
        await awaitSearchIndex(api.db);
        // A client of its own: no cache of the server's warmed before the load answers for the graph.
        const fresh = createTestApi();
        try {
          during = await answers(fresh, reads);
        } finally {
          await fresh.close();
        }
      },
    });
    expect(pending).toBe(graph.nodes.length);
    const differing = reads.filter((read) => during?.get(read.name) !== before.get(read.name));
    expect(differing.map((read) => [read.name, before.get(read.name), during?.get(read.name)])).toEqual([]);

    await awaitSearchIndex(api.db);
    const fresh = createTestApi();
    const after = await answers(fresh, reads).finally(() => fresh.close());
    const changed = reads.filter((read) => after.get(read.name) !== before.get(read.name)).map((r) => r.name);
    for (const name of [
      'SearchDocument #0',
      'NodeDetailsDocument #0',
      'NodeDetailsDocument #2',
      'NeighbourhoodDocument #0',
      'NodeDegreesDocument #0',
      'StatsDocument #0',
      'CoverageDocument #0',
      'PartnershipNetworkDocument #0',
      'FundedPartnershipNetworkDocument #1',
      'OfferForDocument #0',
      'RecordedActorsDocument #0',
      'SourceTalliesDocument #0',
    ]) {
      expect(changed, name).toContain(name);
    }
    expect(await countStagingNodes(api.db)).toBe(0);
  }, 600_000);

  it('keeps a load visible when interrupted while its marks are stripped, and the next load finishes stripping', async () => {
    // More than one batch of marks to strip (10,000 a batch)
    const graph = pendingGraph(6_000);
    onTestFinished(() =>
      removeSyntheticNodes(
        api.db,
        graph.nodes.map((node) => node.id),
      ),
    );
    const probe = { id: 'org:test-pending-05999' };
    const NODE = /* GraphQL */ `
      query ($id: ID!) {
        node(id: $id) {
          id
        }
      }
    `;
    const attempt = loadSeedGraph(api.db, graph, {
      afterStripBatch: (batch) => {
        if (batch === 0) throw new Error('killed while stripping');
      },
    });
    await expect(attempt).rejects.toThrow(/killed/);
    const left = await countStagingNodes(api.db);
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(graph.nodes.length);
    expect((await api.execute(NODE, probe)).data).toMatchObject({ node: probe });
    await removeStaging(api.db);
    expect(await countStagingNodes(api.db)).toBe(0);
    expect((await api.execute(NODE, probe)).data).toMatchObject({ node: probe });
  }, 300_000);
});
