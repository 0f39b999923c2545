/**
 * Issue 13's figures: a generated data·inclusion export of France's size
 * (100,000 structures, 140,000 services, zones at every level; deterministic)
 * imported by `npm run import` into a Neo4j holding the national grid and the
 * curated dataset: the dry run (< 1 min), the import (< 5 min, the importing
 * process's peak RSS < 1.5 GB), then coverage of the région at commune level
 * (< 300 ms). ATLAS_IMPORT_BENCH_FACTOR (0 < f ≤ 1) runs a fraction of that size.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { print } from 'graphql';
import { COVERAGE_QUERY } from '../../client/features/coverage-gaps/queries.js';
import { createDb, type DbConfig } from '../../graph/driver.js';
import { findFreePort } from '../../graph/local/free-port.js';
import { applyMigrations } from '../../graph/migrate.js';
import { listen } from '../../server/main.js';
import { buildTerritorialGrid } from '../../seeds/grid/build-grid.js';
import { loadDataset } from '../../seeds/load.js';
import { generateExport } from '../integration/import/generate-export.js';
import { startBenchNeo4j, timeMedian, type BenchResult, type BenchSuite } from './harness.js';

const FULL = { structures: 100_000, services: 140_000 };
const NEO4J_SIZES = { heapMb: 1024, pageCacheMb: 512 };

function factorFromEnv(): number {
  const factor = Number(process.env.ATLAS_IMPORT_BENCH_FACTOR ?? 1);
  if (!(factor > 0 && factor <= 1)) throw new Error('ATLAS_IMPORT_BENCH_FACTOR must be in (0, 1]');
  return factor;
}

/** Peak resident memory of a process, sampled from /proc every 200 ms until `stop()`. */
function samplePeakRss(pid: number | undefined): { stop: () => number } {
  let peak = 0;
  const timer = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      peak = Math.max(peak, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
    } catch {
      // the process has just ended
    }
  }, 200);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}

/** Runs the command as a user would, with its peak RSS. */
async function runImportCommand(
  config: DbConfig,
  args: string[],
): Promise<{ seconds: number; peakRssMb: number; output: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], {
    env: { ...process.env, NEO4J_URI: config.uri, NEO4J_USER: config.user, NEO4J_PASSWORD: config.password },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const rss = samplePeakRss(child.pid);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const peakRssMb = rss.stop();
  if (code !== 0) throw new Error(`npm run import ${args.join(' ')} exited ${code}:\n${output.slice(-2000)}`);
  return { seconds: (performance.now() - started) / 1000, peakRssMb, output };
}

export const importBench: BenchSuite = async () => {
  const factor = factorFromEnv();
  const size = {
    structures: Math.round(FULL.structures * factor),
    services: Math.round(FULL.services * factor),
  };
  const label = `${size.structures} structures, ${size.services} services`;
  const scale = factor === 1 ? 'France' : `${factor} × France`;
  const dir = mkdtempSync(join(tmpdir(), 'atlas-import-bench-'));
  const neo4j = await startBenchNeo4j('bench-import', NEO4J_SIZES);
  const db = createDb(neo4j.config);
  let server: Server | undefined;
  const results: BenchResult[] = [];
  try {
    await applyMigrations(db);
    await loadDataset(db, () => {}, undefined, 'france');
    const paths = { structures: join(dir, 'structures.json'), services: join(dir, 'services.json') };
    await generateExport(buildTerritorialGrid('france'), paths, size, 2026);
    const files = [paths.structures, paths.services];

    // The Neo4j server's memory over the dry run and the import (its heap and page cache are fixed above).
    const serverRss = samplePeakRss(neo4j.pid);
    const dry = await runImportCommand(neo4j.config, ['--dry-run', ...files]);
    results.push({
      name: `import: dry run (${label}, ${scale})`,
      value: dry.seconds,
      unit: 's',
      target: 60,
      // What its final transaction would hold, against the database's limit
      note: dry.output.split('\n').find((line) => line.startsWith('final step')),
    });
    const run = await runImportCommand(neo4j.config, files).catch((error: Error) => {
      // A failed import is a figure too (the target missed), not a lost run.
      results.push({
        name: `import: import (${label}, ${scale})`,
        value: Infinity,
        unit: 's',
        target: 300,
        note: error.message
          .split('\n')
          .filter((line) => /^\s*\w*Error: |threshold/.test(line))
          .slice(0, 2)
          .join(' ')
          .slice(0, 200),
      });
      return undefined;
    });
    results.push({
      name: 'import: peak RSS of the Neo4j server (dry run and import)',
      value: serverRss.stop(),
      unit: 'MB',
      note: `heap ${NEO4J_SIZES.heapMb} MB, page cache ${NEO4J_SIZES.pageCacheMb} MB`,
    });
    if (!run) return results;
    results.push({ name: `import: import (${label}, ${scale})`, value: run.seconds, unit: 's', target: 300 });
    results.push({
      name: 'import: peak RSS of the importing process',
      value: Math.max(dry.peakRssMb, run.peakRssMb),
      unit: 'MB',
      target: 1536,
    });

    const port = await findFreePort();
    server = await listen(db, port, '127.0.0.1');
    const query = print(COVERAGE_QUERY);
    const coverage = async () => {
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables: { level: 'COMMUNE', within: 'reg:75' } }),
      });
      const body = (await response.json()) as { errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
    };
    const name = 'import: coverage of the région at commune level after the import';
    // The first request builds the coverage index of the new graph: on a busy machine it may
    // pass the request timeout, so it is retried before the timed ones; a failure is a figure.
    let warm = false;
    for (let attempt = 0; attempt < 5 && !warm; attempt++)
      warm = await coverage().then(
        () => true,
        () => false,
      );
    const value = warm ? await timeMedian(coverage, 21, 10).catch(() => Infinity) : Infinity;
    results.push({ name, value, target: 300, ...(Number.isFinite(value) ? {} : { note: 'TIMEOUT' }) });
  } finally {
    server?.closeAllConnections();
    server?.close();
    await db.close();
    await neo4j.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
};
