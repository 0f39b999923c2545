import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb, type Db, type DbConfig } from '../../../graph/driver.js';
import { findFreePort } from '../../../graph/local/free-port.js';
import { countStagingNodes, removeStaging } from '../../../graph/queries/import.js';
import { countGraph } from '../../../graph/queries/stats.js';
import { buildTerritorialGrid } from '../../../seeds/grid/build-grid.js';
import '../../helpers/test-env.js';
import { generateExport } from './generate-export.js';

/**
 * A load interrupted before its reveal is cleaned up when the app starts, and
 * a load another process is running at that moment is not: each load holds a
 * lease that its process renews, and only a dead one (its process gone, or
 * its lease lapsed) is cleaned up. Against the run's test Neo4j, whose graph
 * these hidden loads never change.
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const config: DbConfig = inject('neo4j');
const env = {
  ...process.env,
  NEO4J_URI: config.uri,
  NEO4J_USER: config.user,
  NEO4J_PASSWORD: config.password,
};
let db: Db;
let tmp: string;
let files: string[];

beforeAll(async () => {
  db = createDb(config);
  tmp = mkdtempSync(join(tmpdir(), 'atlas-interrupted-'));
  const paths = { structures: join(tmp, 'structures.json'), services: join(tmp, 'services.json') };
  // Three staged batches of nodes: organisations, dispositifs, then the source the child stops before.
  await generateExport(
    buildTerritorialGrid('region'),
    paths,
    { structures: 3_000, services: 1_000 },
    11,
    'lease',
  );
  files = [paths.structures, paths.services];
});

afterAll(async () => {
  await db.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** An import in a process of its own, stopped half-way through its staged batches. */
async function startStoppedImport(resumable = false): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./kill-child.ts', import.meta.url)), ...files],
    {
      cwd: ROOT,
      env: { ...env, ...(resumable ? { ATLAS_RESUME_ON_STDIN: '1' } : {}) },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('staged') && resolve());
    child.once('exit', (code) => reject(new Error(`the import exited (${code}) before staging`)));
  });
  child.removeAllListeners('exit');
  return child;
}

const exitOf = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

/** `npm start`'s script over the test Neo4j, until it is ready; returns what it printed. */
async function startAndStopApp(): Promise<string> {
  const app = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: ROOT,
    env: { ...env, PORT: String(await findFreePort()), NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready in')) resolve();
    };
    app.stdout!.on('data', read);
    app.stderr!.on('data', read);
    app.once('exit', (code) => reject(new Error(`the app exited (${code}):\n${output}`)));
  });
  app.removeAllListeners('exit');
  const exited = exitOf(app);
  app.kill('SIGTERM');
  await exited;
  return output;
}

describe('a load interrupted before its reveal', () => {
  it('is left alone at start while its process runs, and removed at the next start once it is killed', async () => {
    const visible = await countGraph(db);
    expect(await countStagingNodes(db)).toBe(0);
    const child = await startStoppedImport();
    try {
      const staged = await countStagingNodes(db);
      expect(staged).toBeGreaterThanOrEqual(4_000);

      // Another process is running it: neither a start nor any clean-up touches it.
      const first = await startAndStopApp();
      expect(first).not.toMatch(/Cleaned up/);
      expect(await removeStaging(db)).toEqual({ deletedNodes: 0, deletedLoads: 0, finishedLoads: 0 });
      expect(await countStagingNodes(db)).toBe(staged);

      child.kill('SIGKILL');
      await exitOf(child);
      // Killed: still hidden, and the next start removes all of it.
      expect(await countGraph(db)).toEqual(visible);
      const second = await startAndStopApp();
      expect(second).toContain(`Cleaned up after 1 interrupted load(s): ${staged} hidden node(s) removed.`);
      expect(await countStagingNodes(db)).toBe(0);
      expect(await countGraph(db)).toEqual(visible);
    } finally {
      child.kill('SIGKILL');
    }
  }, 300_000);

  it('fails without showing anything when a clean-up took it for dead (its lease lapsed) and it goes on', async () => {
    const visible = await countGraph(db);
    const child = await startStoppedImport(true);
    try {
      let errors = '';
      child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
      // A lease held this long without renewal counts as lapsed: any lease, here.
      const removed = await removeStaging(db, { leaseSeconds: 0 });
      expect(removed.deletedLoads).toBe(1);
      expect(removed.deletedNodes).toBeGreaterThanOrEqual(4_000);
      const exited = exitOf(child);
      child.stdin!.write('go\n');
      expect(await exited).not.toBe(0);
      expect(errors).toMatch(/taken for dead|reference missing nodes|vanished/);
      expect(await countStagingNodes(db)).toBe(0);
      expect(await countGraph(db)).toEqual(visible);
    } finally {
      child.kill('SIGKILL');
    }
  }, 300_000);
});
