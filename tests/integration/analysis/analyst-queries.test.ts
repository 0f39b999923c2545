import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  CYPHER_SCHEMA_QUERY,
  DELETE_ANALYST_QUERY,
  MY_QUERIES_QUERY,
  SAVE_ANALYST_QUERY,
} from '../../../client/features/analysis/queries.js';
import type {
  AnalysisCypherSchemaQuery,
  AnalysisMyQueriesQuery,
  AnalysisSaveQueryMutation,
} from '../../../client/gql/graphql.js';
import { createDb } from '../../../graph/driver.js';
import { countChanges, findChangeById } from '../../../graph/queries/changes.js';
import { findConsoleSchema } from '../../../graph/queries/cypher-console.js';
import { bumpGraphVersion } from '../../../graph/queries/graph-version.js';
import { codeOf, createAccount, FIELD_KNOWLEDGE, gql, type Account } from '../editing/accounts.js';

const db = createDb(inject('neo4j'));
afterAll(() => db.close());

let alice: Account;
let bruno: Account;
beforeAll(async () => {
  alice = await createAccount(db, 'editor');
  bruno = await createAccount(db, 'editor');
});

const save = (input: Record<string, unknown>, account: Account | null) =>
  gql<AnalysisSaveQueryMutation>(print(SAVE_ANALYST_QUERY), { input, change: FIELD_KNOWLEDGE }, account);
const mine = async (account: Account | null) =>
  (await gql<AnalysisMyQueriesQuery>(print(MY_QUERIES_QUERY), {}, account)).data!.myQueries;

describe("the editor's schema", () => {
  it('lists the domain labels and types with the property keys their elements carry', async () => {
    const answer = await gql<AnalysisCypherSchemaQuery>(print(CYPHER_SCHEMA_QUERY));
    const { labels, relationshipTypes } = answer.data!.cypherSchema;
    expect(labels.map((label) => label.name)).toContain('Organisation');
    expect(labels.find((label) => label.name === 'Dispositif')!.properties).toEqual(
      expect.arrayContaining(['id', 'name', 'status']),
    );
    expect(relationshipTypes.find((type) => type.name === 'CARRIES')!.properties).toContain('sources');
    // Accounts and the journal are not the analyst's graph: not offered.
    expect(labels.map((label) => label.name)).not.toContain('User');
  });

  it('is read once per graph version', async () => {
    const first = await findConsoleSchema(db);
    expect(await findConsoleSchema(db)).toBe(first);
    await db.writeTransaction((tx) => bumpGraphVersion(tx));
    const after = await findConsoleSchema(db);
    expect(after).not.toBe(first);
    expect(after).toEqual(first);
  });
});

describe("an analyst's own queries", () => {
  it('are saved, listed, replaced and deleted by their author, one :Change each', async () => {
    const before = await countChanges(db);
    const created = await save(
      {
        title: 'Porteurs de WeJOB',
        cypher: 'MATCH (o {id: $id})-[:CARRIES]->(d) RETURN d',
        params: '{"id":"org:wejob"}',
      },
      alice,
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.saveAnalystQuery.query!.id;
    expect(await countChanges(db)).toBe(before + 1);
    const change = await findChangeById(db, created.data!.saveAnalystQuery.change.id);
    expect(change).toMatchObject({ operation: 'saveAnalystQuery', kind: 'CREATE', authorEmail: alice.email });
    expect(change!.sourceId).toMatch(/^src:/);

    expect(await mine(alice)).toEqual([
      expect.objectContaining({
        id,
        title: 'Porteurs de WeJOB',
        params: '{"id":"org:wejob"}',
        description: '',
      }),
    ]);
    expect((await mine(bruno)).map((query) => query.id)).not.toContain(id);
    expect(await mine(null)).toEqual([]);

    const replaced = await save(
      { id, title: 'Porteurs', description: 'v2', cypher: 'RETURN 2 AS two' },
      alice,
    );
    expect(replaced.errors).toBeUndefined();
    expect((await mine(alice)).find((query) => query.id === id)).toMatchObject({
      title: 'Porteurs',
      description: 'v2',
      cypher: 'RETURN 2 AS two',
      params: '{}',
    });

    // Someone else's query: neither replaced nor deleted, and nothing written.
    const count = await countChanges(db);
    expect(codeOf(await save({ id, title: 'À moi', cypher: 'RETURN 3' }, bruno))).toBe('FORBIDDEN');
    const theft = await gql(print(DELETE_ANALYST_QUERY), { id, change: FIELD_KNOWLEDGE }, bruno);
    expect(codeOf(theft)).toBe('FORBIDDEN');
    expect(await countChanges(db)).toBe(count);

    const deleted = await gql(print(DELETE_ANALYST_QUERY), { id, change: FIELD_KNOWLEDGE }, alice);
    expect(deleted.errors).toBeUndefined();
    expect((await mine(alice)).map((query) => query.id)).not.toContain(id);
    expect(await countChanges(db)).toBe(count + 1);
  });

  it('refuse what is not a query: empty title, params that are not a JSON object, unknown id', async () => {
    expect(codeOf(await save({ title: ' ', cypher: 'RETURN 1' }, alice))).toBe('BAD_USER_INPUT');
    expect(codeOf(await save({ title: 'x', cypher: 'RETURN 1', params: '[1]' }, alice))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(await save({ title: 'x', cypher: 'RETURN 1', params: '{oops' }, alice))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(await save({ id: 'sq:none', title: 'x', cypher: 'RETURN 1' }, alice))).toBe('NOT_FOUND');
  });
});
