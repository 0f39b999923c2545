/**
 * Several app processes over one Neo4j (issue 10): each keeps its own caches
 * (the coverage index, the network metrics), versioned by the :GraphVersion
 * counter in the database, so a change made through one process is seen by
 * the other on its next request, without any message between them.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb } from '../../graph/driver.js';
import { startChildServer, type ChildServer } from '../bench/child-server.js';
import { removeSyntheticNodes, SyntheticGraph, writeSyntheticGraph } from '../helpers/synthetic-graph.js';
import { createAccount, FIELD_KNOWLEDGE, gql, type Account } from './editing/accounts.js';

const THEME = 'theme:test-multi-process';
const COVERAGE = `query($theme: ID) {
  coverageSummary(level: DEPARTEMENT, within: "reg:75", theme: $theme) { dispositifs covered { cells } }
}`;
const CREATE = `mutation($input: DispositifInput!, $change: ChangeInput!) {
  createDispositif(input: $input, change: $change) { node { id ... on Dispositif { version } } }
}`;
const LINK = `mutation($input: RelationshipInput!, $change: ChangeInput!) {
  addRelationship(input: $input, change: $change) { change { id } }
}`;
const UNLINK = `mutation($ref: RelationshipRef!, $change: ChangeInput!) {
  removeRelationship(ref: $ref, change: $change) { change { id } }
}`;
const DELETE = `mutation($id: ID!, $version: Int!, $change: ChangeInput!) {
  deleteNode(id: $id, version: $version, change: $change) { change { id } }
}`;
const NODE = `query($id: ID!) { node(id: $id) { id name } }`;

const db = createDb(inject('neo4j'));
const theme = new SyntheticGraph().node(THEME, {});
let first: ChildServer;
let second: ChildServer;
let admin: Account;

beforeAll(async () => {
  await writeSyntheticGraph(db, theme);
  // What is tested is what each sees, not how fast: a cold index build on this shared machine may pass 10 s.
  const env = { ATLAS_REQUEST_TIMEOUT_MS: '60000' };
  // The second one through the routing scheme, as over a cluster (a lone server routes to itself).
  const config = inject('neo4j');
  const routed = { ...config, uri: config.uri.replace(/^bolt:/, 'neo4j:') };
  expect(routed.uri).toMatch(/^neo4j:\/\//);
  [first, second] = await Promise.all([
    startChildServer('atlas', config, env),
    startChildServer('atlas', routed, env),
  ]);
  admin = await createAccount(db, 'admin', [], first.url);
}, 120_000);

afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
  await removeSyntheticNodes(db, theme.ids);
  await db.close();
});

async function ask<T>(server: ChildServer, query: string, variables: Record<string, unknown>): Promise<T> {
  const answer = await gql<T>(query, { ...variables }, admin, { baseUrl: server.url });
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  return answer.data!;
}

type Coverage = { coverageSummary: { dispositifs: number; covered: { cells: number } } };
const coverageOn = async (server: ChildServer) =>
  (await ask<Coverage>(server, COVERAGE, { theme: THEME })).coverageSummary;

describe('two app processes over one Neo4j, one through neo4j:// routing', () => {
  it('each sees at once what the other wrote, caches included', async () => {
    // Both processes build and keep their coverage index before the change.
    expect(await coverageOn(first)).toEqual({ dispositifs: 0, covered: { cells: 0 } });
    expect(await coverageOn(second)).toEqual({ dispositifs: 0, covered: { cells: 0 } });

    // Through the first process: a dispositif in the Gironde, on the theme.
    const created = await ask<{ createDispositif: { node: { id: string; version: number } } }>(
      first,
      CREATE,
      {
        input: {
          name: 'Dispositif multi-processus',
          type: 'action',
          status: 'active',
          territories: ['dep:33'],
        },
        change: FIELD_KNOWLEDGE,
      },
    );
    const { id } = created.createDispositif.node;
    try {
      await ask(first, LINK, {
        input: { type: 'ADDRESSES', from: id, to: THEME, evidence: 'test multi-processus' },
        change: FIELD_KNOWLEDGE,
      });
      // The second process reads the new node and recomputes its cached coverage.
      expect(await ask(second, NODE, { id })).toEqual({ node: { id, name: 'Dispositif multi-processus' } });
      expect(await coverageOn(second)).toEqual({ dispositifs: 1, covered: { cells: 1 } });

      // And back: unlinked through the second process, the first one's cache follows.
      await ask(second, UNLINK, { ref: { type: 'ADDRESSES', from: id, to: THEME }, change: FIELD_KNOWLEDGE });
      expect(await coverageOn(first)).toEqual({ dispositifs: 0, covered: { cells: 0 } });
    } finally {
      const { node } = await ask<{ node: { version: number } }>(
        first,
        `query($id: ID!) { node(id: $id) { ... on Dispositif { version } } }`,
        { id },
      );
      await ask(first, DELETE, { id, version: node.version, change: FIELD_KNOWLEDGE });
    }
    const gone = await gql(NODE, { id }, admin, { baseUrl: second.url });
    expect(gone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  }, 120_000);
});
