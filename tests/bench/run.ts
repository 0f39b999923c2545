/**
 * `npm run bench`: the figures the issues ask for, measured on this machine
 * against a bench Neo4j of its own with the full dataset. Prints a table and
 * writes bench-results/latest.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createDb } from '../../graph/driver.js';
import { findFreePort } from '../../graph/local/free-port.js';
import { startLocalNeo4j } from '../../graph/local/instance.js';
import { applyMigrations } from '../../graph/migrate.js';
import { listen } from '../../server/main.js';
import { loadDataset } from '../../seeds/load.js';
import { apiBench } from './api.bench.js';
import { coverageBench } from './coverage.bench.js';
import { loadBench } from './load.bench.js';
import type { BenchResult, BenchSuite } from './harness.js';
import { pageBench } from './page.bench.js';
import { seedLoadBench } from './seed-load.bench.js';

const SUITES: Record<string, BenchSuite> = {
  'seed-load': seedLoadBench,
  api: apiBench,
  coverage: coverageBench,
  page: pageBench,
  load: loadBench,
};

const only = process.argv.slice(2);
const neo4j = await startLocalNeo4j({
  name: 'bench',
  boltPort: await findFreePort(),
  fresh: true,
  log: () => {},
});
const db = createDb(neo4j.config);
let server: Server | undefined;
const results: BenchResult[] = [];
try {
  await applyMigrations(db);
  await loadDataset(db, () => {});
  const port = await findFreePort();
  server = await listen(db, port, '127.0.0.1');
  for (const [name, suite] of Object.entries(SUITES)) {
    if (only.length > 0 && !only.includes(name)) continue;
    console.log(`… ${name}`);
    results.push(...(await suite({ db, appUrl: `http://127.0.0.1:${port}` })));
  }
} finally {
  server?.closeAllConnections();
  server?.close();
  await db.close();
  await neo4j.stop();
}

const width = Math.max(...results.map((r) => r.name.length));
for (const r of results) {
  const unit = r.unit ?? 'ms';
  const verdict =
    r.target === undefined
      ? ''
      : r.value <= r.target
        ? `  ok (< ${r.target} ${unit})`
        : `  OVER ${r.target} ${unit}`;
  console.log(
    `${r.name.padEnd(width)}  ${r.value.toFixed(unit === 'ms' ? 1 : 0).padStart(9)} ${unit}${verdict}${r.note ? `  ${r.note}` : ''}`,
  );
}
mkdirSync('bench-results', { recursive: true });
writeFileSync(
  'bench-results/latest.json',
  JSON.stringify({ date: new Date().toISOString(), results }, null, 2),
);
process.exitCode = results.some((r) => r.target !== undefined && r.value > r.target) ? 1 : 0;
