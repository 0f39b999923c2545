/**
 * `npm run bench`: the figures the issues ask for, measured on this machine
 * against a bench Neo4j of its own with the full dataset. Prints a table and
 * writes bench-results/latest.json.
 *
 * `npm run bench -- scale` runs issue 10's suite at 1×, 10× and national scale
 * (`--scale 1x|10x|france`, comma-separated, picks some), each on a fresh
 * Neo4j loaded through the seed loader, with Atlas and the @neo4j/graphql peer
 * each in a process of its own.
 *
 * Bench-only conveniences for repeated runs of one scale (the national load takes
 * minutes): `--reuse` keeps the scale's Neo4j folder (`.neo4j/instances/bench-<scale>`)
 * and skips the load when it already holds that scale's graph (the load figures are then
 * not taken); `--figures a,b` takes only the scale figures whose name holds one of the
 * words; ATLAS_BENCH_CPU_PROF=DIR writes a CPU profile of the Atlas process into DIR.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createDb, type Db } from '../../graph/driver.js';
import { findFreePort } from '../../graph/local/free-port.js';
import { applyMigrations } from '../../graph/migrate.js';
import type { SeedGraph } from '../../graph/model.js';
import { loadSeedGraph } from '../../graph/queries/import.js';
import { countGraph } from '../../graph/queries/stats.js';
import { listen } from '../../server/main.js';
import { loadDataset } from '../../seeds/load.js';
import { analysisBench, runAnalysisScaleBench } from './analysis.bench.js';
import { apiBench } from './api.bench.js';
import { startChildServer, type ChildServer } from './child-server.js';
import { coverageBench } from './coverage.bench.js';
import { importBench } from './import.bench.js';
import { editingBench } from './editing.bench.js';
import { loadBench } from './load.bench.js';
import { startBenchNeo4j, type BenchResult, type BenchSuite } from './harness.js';
import { pageBench } from './page.bench.js';
import { runScaleBench } from './scale.bench.js';
import { BENCH_SCALES, parseFigures, parseScales, SCALE_SETUPS, type BenchScale } from './scales.js';
import { seedLoadBench } from './seed-load.bench.js';
import { whatIfBench } from './what-if.bench.js';

// Suites with figures of their own at a scale: named with --scale, they run those instead of the scale suite's.
const SCALE_SUITES = { analysis: runAnalysisScaleBench } as const;

const SUITES: Record<string, BenchSuite> = {
  'seed-load': seedLoadBench,
  api: apiBench,
  analysis: analysisBench,
  coverage: coverageBench,
  page: pageBench,
  load: loadBench,
  import: importBench,
  // Last: it edits the seed graph the other suites measure.
  editing: editingBench,
  'what-if': whatIfBench,
};

const argv = process.argv.slice(2);
const scales = parseScales(argv);
const reuse = argv.includes('--reuse');
const figures = parseFigures(argv);
const only = argv.filter(
  (arg, i) => !arg.startsWith('--') && argv[i - 1] !== '--scale' && argv[i - 1] !== '--figures',
);
const classic = Object.keys(SUITES).filter(
  (name) => (only.length === 0 && scales.length === 0) || only.includes(name),
);
const scaleRuns: BenchScale[] =
  scales.length > 0 ? scales : only.includes('scale') ? [...BENCH_SCALES] : only.length === 0 ? ['1x'] : [];
const results: BenchResult[] = [];

async function runClassicSuites(): Promise<void> {
  const neo4j = await startBenchNeo4j('bench');
  const db = createDb(neo4j.config);
  let server: Server | undefined;
  try {
    await applyMigrations(db);
    await loadDataset(db, () => {}, undefined, 'region');
    const port = await findFreePort();
    server = await listen(db, port, '127.0.0.1');
    for (const name of classic) {
      console.log(`… ${name}`);
      results.push(...(await SUITES[name]!({ db, appUrl: `http://127.0.0.1:${port}` })));
    }
  } finally {
    server?.closeAllConnections();
    server?.close();
    await db.close();
    await neo4j.stop();
  }
}

/** Loads a scale's graph into an empty database: the load's time and its final transaction's. */
async function timeLoad(db: Db, graph: SeedGraph, scale: BenchScale): Promise<BenchResult[]> {
  const started = performance.now();
  let staged = started;
  await loadSeedGraph(db, graph, ({ step }) => {
    if (step.endsWith('(staged)')) staged = performance.now();
  });
  const loaded = performance.now();
  return [
    {
      name: `[${scale}] load into an empty database (${graph.nodes.length} nodes, ${graph.relationships.length} rels)`,
      value: (loaded - started) / 1000,
      unit: 's',
      note: `final visible step ${((loaded - staged) / 1000).toFixed(1)} s (one transaction)`,
    },
    {
      name: `[${scale}] load: the final transaction`,
      value: (loaded - staged) / 1000,
      unit: 's',
      target: 60,
      note: 'the only step a 60 s transaction timeout bounds',
    },
  ];
}

/** A kept database holds the scale's graph when it has as many organisations and dispositifs (the generator is seeded). */
async function holdsGraph(db: Db, graph: SeedGraph): Promise<boolean> {
  const { nodes } = await countGraph(db);
  const held = new Map<string, number>(nodes.map((row) => [row.label, row.count]));
  const wanted = (label: string) => graph.nodes.filter((node) => node.label === label).length;
  return (
    held.get('Organisation') === wanted('Organisation') && held.get('Dispositif') === wanted('Dispositif')
  );
}

function cpuProfileArgs(): string[] {
  const dir = process.env.ATLAS_BENCH_CPU_PROF;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}

async function runScale(scale: BenchScale): Promise<void> {
  const setup = SCALE_SETUPS[scale];
  console.log(`… scale ${scale}`);
  // On a loaded machine Neo4j may not start in time: the scale's figures are lost, not the others'.
  const neo4j = await startBenchNeo4j(
    `bench-${scale}`,
    { heapMb: setup.heapMb, pageCacheMb: setup.pageCacheMb, transactionMaxMb: setup.transactionMaxMb },
    reuse,
  ).catch((error: unknown) => {
    results.push({
      name: `[${scale}] start Neo4j`,
      value: Number.POSITIVE_INFINITY,
      target: 0,
      note: (error instanceof Error ? error.message : String(error)).slice(0, 200),
    });
    return undefined;
  });
  if (!neo4j) return;
  // The bench's own reads (counts, the load's checks) on a just-started national database
  // outlast the app's 10 s read limit on a loaded machine.
  const db = createDb({ ...neo4j.config, readTimeoutMs: 120_000 });
  const servers: ChildServer[] = [];
  try {
    await applyMigrations(db);
    const graph = setup.build();
    if (reuse && (await holdsGraph(db, graph))) console.log(`  reusing the loaded ${scale} graph`);
    else results.push(...(await timeLoad(db, graph, scale)));
    const atlas = await startChildServer('atlas', neo4j.config, {}, cpuProfileArgs());
    servers.push(atlas);
    const peer = await startChildServer('peer', neo4j.config);
    servers.push(peer);
    const context = { db, atlas, peer, setup, graph, figures };
    const own = Object.entries(SCALE_SUITES).filter(([name]) => only.includes(name));
    if (own.length === 0 || only.includes('scale')) results.push(...(await runScaleBench(context)));
    for (const [, suite] of own) results.push(...(await suite(context)));
  } catch (error) {
    // One scale failing (a load, a server) must not lose the figures of the others
    const reason = error instanceof Error ? error.message : String(error);
    results.push({
      name: `[${scale}] run`,
      value: Number.POSITIVE_INFINITY,
      target: 0,
      note: reason.slice(0, 200),
    });
  } finally {
    for (const server of servers) await server.stop();
    await db.close();
    await neo4j.stop();
  }
}

if (classic.length > 0) await runClassicSuites();
for (const scale of scaleRuns) await runScale(scale);

const width = Math.max(...results.map((r) => r.name.length));
for (const r of results) {
  const unit = r.unit ?? 'ms';
  const verdict =
    r.target === undefined
      ? ''
      : r.value <= r.target
        ? `  ok (≤ ${r.target} ${unit})`
        : `  OVER ${r.target} ${unit}`;
  const digits = unit === 'ms' || unit === '×' || unit === 's' ? 1 : 0;
  console.log(
    `${r.name.padEnd(width)}  ${r.value.toFixed(unit === '×' ? 2 : digits).padStart(9)} ${unit}${verdict}${r.note ? `  ${r.note}` : ''}`,
  );
}
mkdirSync('bench-results', { recursive: true });
writeFileSync(
  'bench-results/latest.json',
  JSON.stringify({ date: new Date().toISOString(), scales: scaleRuns, results }, null, 2),
);
process.exitCode = results.some((r) => r.target !== undefined && r.value > r.target) ? 1 : 0;
