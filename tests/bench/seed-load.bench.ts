import { createDb } from '../../graph/driver.js';
import { findFreePort } from '../../graph/local/free-port.js';
import { startLocalNeo4j } from '../../graph/local/instance.js';
import { applyMigrations } from '../../graph/migrate.js';
import { loadDataset } from '../../seeds/load.js';
import type { BenchSuite } from './harness.js';

/** Issue 3: the full load (grid included) into an empty database, under 30 s. */
export const seedLoadBench: BenchSuite = async () => {
  const neo4j = await startLocalNeo4j({
    name: 'bench-load',
    boltPort: await findFreePort(),
    fresh: true,
    log: () => {},
  });
  const db = createDb(neo4j.config);
  try {
    await applyMigrations(db);
    const started = performance.now();
    await loadDataset(db, () => {});
    const firstLoad = performance.now() - started;
    const again = performance.now();
    await loadDataset(db, () => {});
    const secondLoad = performance.now() - again;
    return [
      { name: 'seed: full load into an empty database', value: firstLoad, target: 30_000 },
      { name: 'seed: second load (no changes)', value: secondLoad },
    ];
  } finally {
    await db.close();
    await neo4j.stop();
  }
};
