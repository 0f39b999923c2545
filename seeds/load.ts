import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../graph/driver.js';
import type { SeedGraph } from '../graph/model.js';
import { loadSeedGraph, type ImportCounts, type SeedConflict } from '../graph/queries/import.js';
import { countNodes } from '../graph/queries/stats.js';
import { buildSeedGraph } from './build-seed-graph.js';
import { formatDatasetError, type DatasetError } from './dataset/dataset-error.js';
import { buildTerritorialGrid, gridScopeFromEnv, type GridScope } from './grid/build-grid.js';
import { widenToGrid } from './grid/widen-grid.js';

// Relative to the working directory, so that error messages name `seeds/data/…`.
export const DEFAULT_DATA_DIR = path.relative(
  process.cwd(),
  fileURLToPath(new URL('./data', import.meta.url)),
);

export class DatasetInvalidError extends Error {}

/**
 * The dataset over the grid of `scope`. It is always validated against the
 * région's grid (the curated facts are about the région); the national scope
 * then swaps the grid underneath.
 */
export function buildScopedSeedGraph(
  dataDir: string,
  scope: GridScope,
): { graph: SeedGraph; errors: DatasetError[] } {
  const regionGrid = buildTerritorialGrid('region');
  const built = buildSeedGraph(dataDir, { grid: regionGrid });
  if (scope === 'region' || built.errors.length > 0) return built;
  return { graph: widenToGrid(built.graph, regionGrid, buildTerritorialGrid(scope)), errors: [] };
}

const shown = (value: unknown) => (value === null ? '(absent)' : `« ${JSON.stringify(value)} »`);

/** One line per field: what the dataset says and what a user's edit, which stays, says. */
export function formatSeedConflict(conflict: SeedConflict): string[] {
  if (conflict.kind === 'removed') {
    const links = conflict.links ? ` (nor its ${conflict.links} link(s) of the dataset)` : '';
    return [`  ${conflict.target}: removed by a user, not brought back${links}`];
  }
  return conflict.fields.map(
    (f) => `  ${conflict.target} ${f.field}: dataset ${shown(f.seed)}, kept as edited ${shown(f.edited)}`,
  );
}

/**
 * Validates the whole dataset, then writes it atomically (graph/queries/import.ts:
 * staged, then made visible in one transaction); nothing is written when any
 * entry is invalid. `ATLAS_SCOPE=france` puts it on the national grid. Users'
 * edits are kept; the conflicts with them are logged and returned.
 */
export async function loadDataset(
  db: Db,
  log: (line: string) => void = console.log,
  dataDir = DEFAULT_DATA_DIR,
  scope: GridScope = gridScopeFromEnv(),
): Promise<ImportCounts> {
  const started = Date.now();
  const { graph, errors } = buildScopedSeedGraph(dataDir, scope);
  if (errors.length > 0) {
    throw new DatasetInvalidError(
      [...errors.map(formatDatasetError), `${errors.length} error(s): nothing was loaded.`].join('\n'),
    );
  }
  log(`Loading ${graph.nodes.length} nodes and ${graph.relationships.length} relationships…`);
  let lastShown = 0;
  const counts = await loadSeedGraph(db, graph, ({ step, done, total }) => {
    const percent = Math.floor((done / total) * 100);
    if (percent - lastShown >= 10 || done === total) {
      lastShown = percent;
      log(`  ${String(percent).padStart(3)} %  ${step}`);
    }
  });
  log(`Loaded in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  if (counts.conflicts.length > 0) {
    log(`${counts.conflicts.length} conflict(s) with users' edits, which were kept:`);
    for (const conflict of counts.conflicts) for (const line of formatSeedConflict(conflict)) log(line);
  }
  return counts;
}

/** `npm start` seeds only an empty database, so a user's data is never overwritten. */
export async function loadDatasetIfEmpty(db: Db, log: (line: string) => void = console.log): Promise<void> {
  if ((await countNodes(db)) > 0) {
    log('Database already holds data: seed not loaded (run `npm run seed` to reload it).');
    return;
  }
  const counts = await loadDataset(db, log);
  for (const [label, count] of Object.entries(counts.nodes)) log(`  ${label}: ${count}`);
  for (const [type, count] of Object.entries(counts.relationships)) log(`  ${type}: ${count}`);
}
