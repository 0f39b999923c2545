/**
 * What coverage reads, and when: what a server prepares before it listens is not read
 * again by the first request; across audited edits (the real mutations, each with its
 * :Change) the next graph version reads again only the dispositifs the journal says
 * the edit wrote, and answers as a read of every dispositif does.
 */
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import { createDb, type Db } from '../../graph/driver.js';
import { bumpGraphVersion } from '../../graph/queries/graph-version.js';
import { keepCoveragePrepared, prepareServer } from '../../server/main.js';
import { createAtlasYoga } from '../../server/yoga.js';
import { CSRF_HEADER } from '../../server/csrf.js';
import { createAccount, FIELD_KNOWLEDGE, type Account } from './editing/accounts.js';

/** The database, logging the parameters of every read; per-database caches key on it. */
function logging(db: Db, log: Record<string, unknown>[], root?: Db): Db {
  const self: Db = {
    read: (cypher, params) => {
      log.push(params ?? {});
      return db.read(cypher, params);
    },
    write: (cypher, params) => db.write(cypher, params),
    writeTransaction: (work) => db.writeTransaction(work),
    readRaw: (work, options) => db.readRaw(work, options),
    scoped: (scope) => logging(db.scoped(scope), log, root ?? self),
    get base() {
      return root ?? self;
    },
    verifyConnectivity: () => db.verifyConnectivity(),
    close: () => db.close(),
    get config() {
      return db.config;
    },
  };
  return self;
}

const db = createDb(inject('neo4j'));
const reads: Record<string, unknown>[] = [];
const logged = logging(db, reads);
const yoga = createAtlasYoga(logged);
let editor: Account;
beforeAll(async () => {
  editor = await createAccount(db, 'admin');
});
afterAll(() => db.close());

async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await yoga.fetch('http://atlas.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1', cookie: editor.cookie },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data!;
}

const COVERAGE = /* GraphQL */ `
  query ($within: ID!) {
    coverage(level: COMMUNE, within: $within) {
      territory {
        id
      }
      status
      dispositifs {
        id
        name
      }
    }
  }
`;
type Cells = { territory: { id: string }; status: string; dispositifs: { id: string; name: string }[] }[];

const CREUSE = 'dep:23';

/** Coverage by commune (of the Creuse unless told), and the reads it took. */
async function coverage(within = CREUSE): Promise<{ cells: Cells; reads: Record<string, unknown>[] }> {
  reads.length = 0;
  const data = await gql<{ coverage: Cells }>(COVERAGE, { within });
  return { cells: data.coverage, reads: [...reads] };
}

const cellOf = (cells: Cells, id: string) => cells.find((cell) => cell.territory.id === id)!;
const idsIn = (cells: Cells, id: string) => cellOf(cells, id).dispositifs.map((d) => d.id);
/** A read of the dispositifs deployed at every place of a territory (hundreds of them): a read of all. */
const readsAll = (logged: Record<string, unknown>[]) =>
  logged.some((params) => Array.isArray(params.places) && params.places.length > 100);

async function mutate(query: string, variables: Record<string, unknown>) {
  return gql<Record<string, { node?: { id: string; version: number } | null }>>(query, {
    change: FIELD_KNOWLEDGE,
    ...variables,
  });
}

describe('coverage prepared before the server listens', () => {
  it('answers the first request for the région without reading its dispositifs', async () => {
    await prepareServer(logged, () => {});
    const first = await coverage('reg:75');
    expect(first.cells.length).toBeGreaterThan(4000);
    expect(readsAll(first.reads)).toBe(false);
    // Elsewhere, what it did not prepare is read.
    expect(readsAll((await coverage()).reads)).toBe(true);
  });
});

describe('coverage kept prepared', () => {
  it('is prepared again once the graph version moves, before anyone asks', async () => {
    const prepared: number[] = [];
    const stop = keepCoveragePrepared(logged, {
      intervalMs: 50,
      onPrepared: (version) => prepared.push(version),
    });
    onTestFinished(stop);
    await expect.poll(() => prepared.length, { timeout: 20_000 }).toBeGreaterThan(0);
    // A version no change names (a load's): only a read of everything prepares it.
    const version = await db.writeTransaction((tx) => bumpGraphVersion(tx));
    await expect.poll(() => prepared.at(-1), { timeout: 20_000 }).toBe(version);
    expect(readsAll((await coverage('reg:75')).reads)).toBe(false);
  });
});

describe('coverage after an audited edit', () => {
  it('reads again only the dispositifs the edit wrote, and answers as a read of everything', async () => {
    const [first, second] = ['com:23096', 'com:23176'];
    const start = await coverage();
    expect(cellOf(start.cells, first)).toBeDefined();
    expect(cellOf(start.cells, second)).toBeDefined();

    const created = await mutate(
      `mutation($input: DispositifInput!, $change: ChangeInput!) {
        createDispositif(input: $input, change: $change) { node { id ... on Dispositif { version } } } }`,
      { input: { name: 'Dispositif suivi', type: 'action', status: 'active', territories: [first] } },
    );
    const { id, version } = created.createDispositif!.node!;
    const afterCreate = await coverage();
    expect(idsIn(afterCreate.cells, first)).toContain(id);
    expect(idsIn(afterCreate.cells, second)).not.toContain(id);
    expect(readsAll(afterCreate.reads)).toBe(false);
    expect(afterCreate.reads.some((params) => JSON.stringify(params.ids) === JSON.stringify([id]))).toBe(
      true,
    );

    await mutate(
      `mutation($id: ID!, $version: Int!, $patch: DispositifPatch!, $change: ChangeInput!) {
        updateDispositif(id: $id, version: $version, patch: $patch, change: $change) { change { id } } }`,
      { id, version, patch: { name: 'Dispositif suivi et renommé' } },
    );
    await mutate(
      `mutation($input: RelationshipInput!, $change: ChangeInput!) {
        addRelationship(input: $input, change: $change) { change { id } } }`,
      { input: { type: 'DEPLOYED_IN', from: id, to: second } },
    );
    await mutate(
      `mutation($ref: RelationshipRef!, $change: ChangeInput!) {
        removeRelationship(ref: $ref, change: $change) { change { id } } }`,
      { ref: { type: 'DEPLOYED_IN', from: id, to: first } },
    );
    const moved = await coverage();
    expect(readsAll(moved.reads)).toBe(false);
    expect(idsIn(moved.cells, first)).not.toContain(id);
    expect(cellOf(moved.cells, second).dispositifs).toContainEqual({
      id,
      name: 'Dispositif suivi et renommé',
    });

    // A version no change names (a load's): everything is read again, to the same answer.
    await db.writeTransaction((tx) => bumpGraphVersion(tx));
    const reread = await coverage();
    expect(readsAll(reread.reads)).toBe(true);
    expect(reread.cells).toEqual(moved.cells);

    const now = await gql<{ node: { version: number } }>(
      `query($id: ID!) { node(id: $id) { ... on Dispositif { version } } }`,
      { id },
    );
    await mutate(
      `mutation($id: ID!, $version: Int!, $change: ChangeInput!) {
        deleteNode(id: $id, version: $version, change: $change) { change { id } } }`,
      { id, version: now.node.version },
    );
    const gone = await coverage();
    expect(readsAll(gone.reads)).toBe(false);
    expect(idsIn(gone.cells, second)).not.toContain(id);
    expect(gone.cells).toEqual(start.cells);
  });
});
