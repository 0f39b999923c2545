/**
 * Queries per mutation, counted by a wrapper around the real database (every
 * query still runs): a typical mutation is one transaction of two queries, the
 * first locking and loading, the second writing with its :Change. A session's
 * later mutations read no session apart: their first query finds it live again.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../graph/driver.js';
import { countChanges } from '../../../graph/queries/changes.js';
import { deleteSession } from '../../../graph/queries/sessions.js';
import { updateUserAccess } from '../../../graph/queries/users.js';
import { hashToken } from '../../../server/auth/secrets.js';
import { CSRF_HEADER } from '../../../server/csrf.js';
import { createAtlasYoga } from '../../../server/yoga.js';
import { createAccount, FIELD_KNOWLEDGE, type Account } from './accounts.js';
import { setUpAdminBuilder } from './fixtures.js';

interface Count {
  outside: number;
  transactions: number[];
}

/** The database, counting queries outside transactions and inside each write transaction. */
function counting(db: Db, count: Count): Db {
  return {
    ...db,
    read: (cypher, params) => {
      count.outside += 1;
      return db.read(cypher, params);
    },
    write: (cypher, params) => {
      count.outside += 1;
      return db.write(cypher, params);
    },
    writeTransaction: (work) => {
      const index = count.transactions.push(0) - 1;
      return db.writeTransaction((tx) =>
        work({
          run: (cypher, params) => {
            count.transactions[index] = (count.transactions[index] ?? 0) + 1;
            return tx.run(cypher, params);
          },
        }),
      );
    },
    scoped: (scope) => counting(db.scoped(scope), count),
    get base() {
      return db.base;
    },
    get config() {
      return db.config;
    },
  };
}

const held = setUpAdminBuilder();
const { db } = held;
const count: Count = { outside: 0, transactions: [] };
const yoga = createAtlasYoga(counting(db, count));

async function send(query: string, variables: Record<string, unknown>, account = held.admin) {
  count.outside = 0;
  count.transactions = [];
  const response = await yoga.fetch('http://atlas.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1', cookie: account.cookie },
    body: JSON.stringify({ query, variables: { change: FIELD_KNOWLEDGE, ...variables } }),
  });
  const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
  return { body, ...count, transactions: [...count.transactions] };
}

async function mutate(query: string, variables: Record<string, unknown>, account = held.admin) {
  const { body, ...counted } = await send(query, variables, account);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return counted;
}

const UPDATE_ORGANISATION = `mutation($id: ID!, $version: Int!, $patch: OrganisationPatch!, $change: ChangeInput!) {
  updateOrganisation(id: $id, version: $version, patch: $patch, change: $change) { change { id } } }`;

describe('queries per mutation', () => {
  it('updates a node in one transaction of two queries (besides reading the session)', async () => {
    const org = await held.build.organisation('com:33243');
    const counted = await mutate(
      `mutation($id: ID!, $version: Int!, $patch: OrganisationPatch!, $change: ChangeInput!) {
        updateOrganisation(id: $id, version: $version, patch: $patch, change: $change) { change { id } } }`,
      { id: org.id, version: org.version, patch: { name: 'Nom corrigé en deux requêtes' } },
    );
    expect(counted.transactions).toEqual([2]);
    expect(counted.outside).toBeLessThanOrEqual(1);
  });

  it('creates a node with its territory, and adds a link, in two queries each', async () => {
    const created = await mutate(
      `mutation($input: DispositifInput!, $change: ChangeInput!) {
        createDispositif(input: $input, change: $change) { node { id } } }`,
      {
        input: {
          name: `Deux requêtes ${Date.now()}`,
          type: 'action',
          status: 'active',
          territories: ['dep:33'],
        },
      },
    );
    expect(created.transactions).toEqual([2]);
    const org = await held.build.organisation('com:33243');
    const dis = await held.build.dispositif(['dep:33']);
    const linked = await mutate(
      `mutation($input: RelationshipInput!, $change: ChangeInput!) {
        addRelationship(input: $input, change: $change) { change { id } } }`,
      { input: { type: 'CARRIES', from: org.id, to: dis.id, evidence: 'vu sur place' } },
    );
    expect(linked.transactions).toEqual([2]);
  });

  it("checks an editor's départements in the same two queries, and still refuses outside them", async () => {
    const gironde = await createAccount(db, 'editor', ['dep:33']);
    const inside = await held.build.organisation('com:33243');
    const counted = await mutate(
      UPDATE_ORGANISATION,
      { id: inside.id, version: inside.version, patch: { name: 'Dans son département' } },
      gironde,
    );
    expect(counted.transactions).toEqual([2]);
    // Pau (Pyrénées-Atlantiques) is outside the Gironde.
    const outside = await held.build.organisation('com:64445');
    const refused = await send(
      UPDATE_ORGANISATION,
      { id: outside.id, version: outside.version, patch: { name: 'Hors de son département' } },
      gironde,
    );
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.transactions).toEqual([1]);
  });
});

describe("a session's later mutations", () => {
  const rename = (org: { id: string; version: number }, name: string) =>
    send(UPDATE_ORGANISATION, { id: org.id, version: org.version, patch: { name } }, editor);
  let editor: Account;
  beforeEach(async () => {
    editor = await createAccount(db, 'editor');
    // Its first request reads the session; the process then recalls it.
    expect(
      (await rename(await held.build.organisation('com:33243'), 'Première')).body.errors,
    ).toBeUndefined();
  });
  const secret = () => hashToken(decodeURIComponent(editor.cookie.split('=')[1]!));

  it('read no session: the transaction checks it in its first query', async () => {
    const org = await held.build.organisation('com:33243');
    const counted = await rename(org, 'Sans lecture de session');
    expect(counted.body.errors).toBeUndefined();
    expect(counted.outside).toBe(0);
    expect(counted.transactions).toEqual([2]);
  });

  it('are refused at once once the session is gone, as another process would end it, writing nothing', async () => {
    const org = await held.build.organisation('com:33243');
    await deleteSession(db, secret());
    const changes = await countChanges(db);
    const refused = await rename(org, 'Après la déconnexion');
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(refused.transactions).toEqual([1]);
    expect(await countChanges(db)).toBe(changes);
    // Forgotten: the next request reads the session, and finds none.
    const again = await rename(org, 'Encore');
    expect(again.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(again.outside).toBe(1);
  });

  it('are refused at once once the account is disabled or made a reader', async () => {
    const org = await held.build.organisation('com:33243');
    await updateUserAccess(db, { email: editor.email, disabled: true });
    expect((await rename(org, 'Compte désactivé')).body.errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    await updateUserAccess(db, { email: editor.email, disabled: false });
    expect((await rename(org, 'Compte rétabli')).body.errors).toBeUndefined();
    const current = { id: org.id, version: org.version + 1 };
    await updateUserAccess(db, { email: editor.email, role: 'reader' });
    const changes = await countChanges(db);
    const demoted = await rename(current, 'Devenu lecteur');
    expect(demoted.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(demoted.transactions).toEqual([1]);
    expect((await rename(current, 'Toujours lecteur')).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await countChanges(db)).toBe(changes);
  });
});
