import { createDb } from '../../graph/driver.js';
import { findFreePort } from '../../graph/local/free-port.js';
import { startLocalNeo4j } from '../../graph/local/instance.js';
import { applyMigrations } from '../../graph/migrate.js';
import { loadDataset } from '../../seeds/load.js';
import type { BenchSuite } from './harness.js';

/** Issue 10: the national grid (with the dataset on it) into an empty database of its own. */
async function timeNationalLoad(): Promise<number> {
  const neo4j = await startLocalNeo4j({
    name: 'bench-load-france',
    boltPort: await findFreePort(),
    fresh: true,
    log: () => {},
  });
  const db = createDb(neo4j.config);
  try {
    await applyMigrations(db);
    const started = performance.now();
    await loadDataset(db, () => {}, undefined, 'france');
    return performance.now() - started;
  } finally {
    await db.close();
    await neo4j.stop();
  }
}

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
    await loadDataset(db, () => {}, undefined, 'region');
    const firstLoad = performance.now() - started;
    const again = performance.now();
    await loadDataset(db, () => {}, undefined, 'region');
    const secondLoad = performance.now() - again;
    const nationalLoad = await timeNationalLoad();
    return [
      { name: 'seed: full load into an empty database', value: firstLoad, target: 30_000 },
      { name: 'seed: second load (no changes)', value: secondLoad },
      {
        name: 'seed: national grid + dataset (ATLAS_SCOPE=france) into an empty database',
        value: nationalLoad,
        note: '36,537 nodes, 110,168 relationships, staged then revealed in one transaction',
      },
    ];
  } finally {
    await db.close();
    await neo4j.stop();
  }
};
