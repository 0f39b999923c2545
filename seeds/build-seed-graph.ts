import type { SeedGraph } from '../graph/model.js';
import { sortDatasetErrors, type DatasetError } from './dataset/dataset-error.js';
import { readDataset } from './dataset/read-dataset.js';
import { toSeedGraph } from './dataset/to-seed-graph.js';
import { validateDataset } from './dataset/validate.js';
import { buildTerritorialGrid, indexTerritorialGrid } from './grid/build-grid.js';

export interface BuildSeedGraphOptions {
  /** A grid built beforehand (tests build it once for many datasets). */
  grid?: SeedGraph;
}

/**
 * Builds the full graph to load: the territorial grid plus the curated dataset
 * of `dataDir`. Load it only when `errors` is empty; otherwise `graph` holds
 * what could be read, leaving out the entries in error.
 */
export function buildSeedGraph(
  dataDir: string,
  options: BuildSeedGraphOptions = {},
): { graph: SeedGraph; errors: DatasetError[] } {
  const grid = options.grid ?? buildTerritorialGrid();
  const gridIndex = indexTerritorialGrid(grid);
  const { dataset, errors: readErrors } = readDataset(dataDir);
  const errors = sortDatasetErrors([...readErrors, ...validateDataset(dataset, gridIndex)]);
  const data = toSeedGraph(dataset, gridIndex);
  return {
    graph: {
      nodes: [...grid.nodes, ...data.nodes],
      relationships: [...grid.relationships, ...data.relationships],
    },
    errors,
  };
}
