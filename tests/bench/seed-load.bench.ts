import { createDb } from '../../graph/driver.js';
import { applyMigrations } from '../../graph/migrate.js';
import { loadSeedGraph } from '../../graph/queries/import.js';
import { loadDataset } from '../../seeds/load.js';
import { buildScaledSeedGraph } from '../../seeds/generate/scaled-seed-graph.js';
import { startBenchNeo4j, type BenchResult, type BenchSuite } from './harness.js';
import { GENERATOR_SEED } from './scales.js';

/** Issue 10: the national grid (with the dataset on it) into an empty database of its own. */
async function timeNationalLoad(): Promise<number> {
  const neo4j = await startBenchNeo4j('bench-load-france');
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

/**
 * Issue 10: the generated national graph (`npm run generate -- --scale france`, the scale
 * bench's) into an empty database with Neo4j's default 192 MB per transaction.
 */
async function timeGeneratedNationalLoad(): Promise<BenchResult> {
  const graph = buildScaledSeedGraph({ scale: 'france' }, GENERATOR_SEED).graph;
  const name = `seed: generated national graph (${graph.nodes.length} nodes, ${graph.relationships.length} rels), 192 MB per transaction`;
  const neo4j = await startBenchNeo4j('bench-load-generated', { heapMb: 1024, pageCacheMb: 512 });
  const db = createDb(neo4j.config);
  try {
    await applyMigrations(db);
    const started = performance.now();
    let staged = started;
    await loadSeedGraph(db, graph, ({ step }) => {
      if (step.endsWith('(staged)')) staged = performance.now();
    });
    const loaded = performance.now();
    const note = `final visible step ${((loaded - staged) / 1000).toFixed(1)} s (one transaction)`;
    return { name, value: (loaded - started) / 1000, unit: 's', note };
  } catch (error) {
    // Over the transaction limit (or any failure) is the figure missed, not a lost run.
    const note = (error instanceof Error ? error.message : String(error)).slice(0, 200);
    return { name, value: Number.POSITIVE_INFINITY, unit: 's', target: 0, note };
  } finally {
    await db.close();
    await neo4j.stop();
  }
}

/** Issue 3: the full load (grid included) into an empty database, under 30 s. */
export const seedLoadBench: BenchSuite = async () => {
  const neo4j = await startBenchNeo4j('bench-load');
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
    const generatedLoad = await timeGeneratedNationalLoad();
    return [
      { name: 'seed: full load into an empty database', value: firstLoad, target: 30_000 },
      { name: 'seed: second load (no changes)', value: secondLoad },
      {
        name: 'seed: national grid + dataset (ATLAS_SCOPE=france) into an empty database',
        value: nationalLoad,
        note: '36,537 nodes, 110,168 relationships, staged then revealed in one transaction',
      },
      generatedLoad,
    ];
  } finally {
    await db.close();
    await neo4j.stop();
  }
};
