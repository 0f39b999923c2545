/**
 * Seed commands: `check [dataDir]` validates the curated files and prints what
 * would be loaded (exit 1 on errors); `load [dataDir]` validates, then writes
 * them atomically into NEO4J_URI's database or the local one.
 * `ATLAS_SCOPE=france` puts the dataset on the national grid.
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NODE_LABELS, RELATIONSHIP_TYPES, type SeedGraph } from '../graph/model.js';
import { formatDatasetError } from './dataset/dataset-error.js';
import { gridScopeFromEnv } from './grid/build-grid.js';
import { createDb } from '../graph/driver.js';
import { openDatabaseTarget } from '../graph/local/settings.js';
import { applyMigrations } from '../graph/migrate.js';
import { buildScopedSeedGraph, DatasetInvalidError, loadDataset } from './load.js';

const DEFAULT_DATA_DIR = relative(process.cwd(), fileURLToPath(new URL('./data', import.meta.url))) || '.';

const USAGE = `usage: tsx seeds/cli.ts <command> [dataDir]
  check [dataDir]   validate the curated files (default ${DEFAULT_DATA_DIR}) and print counts
  load [dataDir]    validate, then load them (NEO4J_URI, or the local Neo4j)`;

function countBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  return counts;
}

function printCounts(graph: SeedGraph): void {
  const labels = countBy(graph.nodes, (node) => node.label);
  const types = countBy(graph.relationships, (rel) => rel.type);
  const pad = Math.max(...[...NODE_LABELS, ...RELATIONSHIP_TYPES].map((name) => name.length));
  console.log(`nodes: ${graph.nodes.length}`);
  for (const label of NODE_LABELS) console.log(`  ${label.padEnd(pad)} ${labels.get(label) ?? 0}`);
  console.log(`relationships: ${graph.relationships.length}`);
  for (const type of RELATIONSHIP_TYPES) console.log(`  ${type.padEnd(pad)} ${types.get(type) ?? 0}`);
}

function runCheck(dataDir: string): number {
  const { graph, errors } = buildScopedSeedGraph(dataDir, gridScopeFromEnv());
  if (errors.length > 0) {
    for (const error of errors) console.error(formatDatasetError(error));
    console.error(`${errors.length} error${errors.length === 1 ? '' : 's'} in ${dataDir}`);
    return 1;
  }
  printCounts(graph);
  return 0;
}

async function runLoad(dataDir: string): Promise<number> {
  const { config, local } = await openDatabaseTarget();
  const db = createDb(config);
  try {
    await applyMigrations(db);
    const counts = await loadDataset(db, console.log, dataDir);
    for (const [name, count] of [...Object.entries(counts.nodes), ...Object.entries(counts.relationships)]) {
      console.log(`  ${name.padEnd(14)} ${count}`);
    }
    return 0;
  } catch (error) {
    console.error(error instanceof DatasetInvalidError ? error.message : error);
    return 1;
  } finally {
    await db.close();
    await local?.stop();
  }
}

async function runCommand(command: string | undefined, args: string[]): Promise<number> {
  switch (command) {
    case 'check':
      return runCheck(args[0] ?? DEFAULT_DATA_DIR);
    case 'load':
      return runLoad(args[0] ?? DEFAULT_DATA_DIR);
    default:
      console.error(USAGE);
      return 2;
  }
}

const [command, ...args] = process.argv.slice(2);
process.exitCode = await runCommand(command, args);
