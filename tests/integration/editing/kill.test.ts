import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createDb } from '../../../graph/driver.js';
import { findFreePort } from '../../../graph/local/free-port.js';
import { countChanges } from '../../../graph/queries/changes.js';
import { lockAndReadNode } from '../../../graph/queries/edits.js';
import { findGraphVersion } from '../../../graph/queries/graph-version.js';
import { findNodesByIds } from '../../../graph/queries/nodes.js';
import { createAccount, FIELD_KNOWLEDGE, gql } from './accounts.js';

const config = inject('neo4j');
const db = createDb(config);
let child: ChildProcess | undefined;
afterAll(async () => {
  child?.kill('SIGKILL');
  await db.close();
});

const CREATE = `mutation($input: DispositifInput!, $change: ChangeInput!) {
  createDispositif(input: $input, change: $change) { node { id } } }`;

async function startChildApp(): Promise<string> {
  const port = await findFreePort();
  child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./serve-app.ts', import.meta.url))],
    {
      env: {
        ...process.env,
        NEO4J_URI: config.uri,
        NEO4J_USER: config.user,
        NEO4J_PASSWORD: config.password,
        PORT: String(port),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    child!.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('listening') && resolve());
    child!.once('exit', (code) => reject(new Error(`the app exited (${code})`)));
  });
  return `http://127.0.0.1:${port}`;
}

describe('kill -9 of the server during a mutation', () => {
  it('leaves no partial write', { timeout: 90_000 }, async () => {
    const baseUrl = await startChildApp();
    const editor = await createAccount(db, 'editor', [], baseUrl);
    const before = { changes: await countChanges(db), version: await findGraphVersion(db) };
    const id = `dis:kill-test-${Date.now()}`;

    // Hold the territory's lock: the mutation writes its source, its node and its citation,
    // then waits on it to link the node there — half done when the server dies.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked = () => {};
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = db.writeTransaction(async (tx) => {
      await lockAndReadNode(tx, 'Territory', 'dep:24');
      locked();
      await held;
    });
    await isLocked;
    const pending = gql(
      CREATE,
      {
        input: { id, name: 'Écrit à moitié', type: 'action', status: 'active', territories: ['dep:24'] },
        change: FIELD_KNOWLEDGE,
      },
      editor,
      { baseUrl },
    ).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    child!.kill('SIGKILL');
    expect(await pending).toBeInstanceOf(Error);
    release();
    await holder;

    // Neo4j notices the dead connection and rolls its transaction back.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await findNodesByIds(db, [id])).toEqual([]);
    expect(await countChanges(db)).toBe(before.changes);
    expect(await findGraphVersion(db)).toBe(before.version);

    // The same mutation, with nobody in its way, writes (so the test above could have failed).
    const again = await gql(
      CREATE,
      {
        input: { id, name: 'Écrit en entier', type: 'action', status: 'active', territories: ['dep:24'] },
        change: FIELD_KNOWLEDGE,
      },
      editor,
    );
    expect(again.errors).toBeUndefined();
    expect((await findNodesByIds(db, [id])).map((row) => row.id)).toEqual([id]);
  });
});
