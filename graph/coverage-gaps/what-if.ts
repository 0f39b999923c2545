/**
 * What depends on whom, on the coverage engine: which cells would lose every
 * dispositif if an organisation went away (dependencies, single points of
 * failure). A cell loses its coverage when every dispositif touching it (the
 * classification's `dispositifCounts`) is among those that stop counting.
 */
import type { DispositifStatus, TerritoryLevel } from '../model.js';
import type { CoverageIndex } from '../queries/coverage.js';
import { findCoverageDispositifs, type CoverageDispositifRow } from '../queries/coverage.js';
import { findDispositifsByTheme, findSoleDependencies } from '../queries/dependencies.js';
import { toDispositifFilterParams } from '../queries/dispositif-filter.js';
import type { NodeRow } from '../queries/rows.js';
import type { Db } from '../driver.js';
import { indexCoverage, type DeployedDispositif } from './classify.js';
import { themeWithDescendants } from './filter.js';
import { cellsWithin, type CoverageGrid, type GridTerritory } from './grid.js';
import type { CoverageFilter } from './report.js';

/**
 * What-if questions ask about what runs: with no date, an ended dispositif
 * counts for nothing (with a date, `runsOn` decides).
 */
export const RUNNING_STATUSES: readonly DispositifStatus[] = ['active', 'planned'];

/** The filter's statuses, or the running ones when it names neither statuses nor a day. */
export function runningFilter(filter: CoverageFilter): CoverageFilter {
  if (filter.activeOn || (filter.statuses && filter.statuses.length > 0)) return filter;
  return { ...filter, statuses: RUNNING_STATUSES };
}

const toDeployed = (row: { dispositif: NodeRow; territories: readonly string[] }): DeployedDispositif => ({
  id: row.dispositif.id,
  name: typeof row.dispositif.props.name === 'string' ? row.dispositif.props.name : row.dispositif.id,
  territories: row.territories,
});

export interface LostCell {
  cell: GridTerritory;
  /** The dispositifs that stop counting and reached the cell. */
  dispositifs: string[];
}

/**
 * Cells of `cells` that some of `all` reach and that only `dropped` (a subset
 * of `all`) reach: the cells that become NONE once `dropped` stop counting.
 */
export function cellsLosingCoverage(
  grid: CoverageGrid,
  cells: readonly GridTerritory[],
  all: readonly DeployedDispositif[],
  dropped: readonly DeployedDispositif[],
): LostCell[] {
  if (dropped.length === 0) return [];
  const droppedReach = indexCoverage(grid, cells, dropped);
  const touched = cells.filter((_, position) => droppedReach.dispositifCounts[position]! > 0);
  if (touched.length === 0) return [];
  const touchedPositions = cells
    .map((_, position) => position)
    .filter((position) => droppedReach.dispositifCounts[position]! > 0);
  const asIs = indexCoverage(grid, touched, all);
  const lost: LostCell[] = [];
  touched.forEach((cell, i) => {
    const position = touchedPositions[i]!;
    if (asIs.dispositifCounts[i] !== droppedReach.dispositifCounts[position]) return;
    lost.push({ cell, dispositifs: droppedReach.applicationsOf(position).map((a) => a.dispositif) });
  });
  return lost;
}

export interface DependencyRow {
  territory: NodeRow;
  /** The département the territory is grouped under (as coverage cells are). */
  departement: NodeRow | null;
  theme: string;
  population: number;
  dispositifs: NodeRow[];
}

export interface DependencyRequest {
  organisation: string;
  level: TerritoryLevel;
  within: string;
  activeOn: string | null;
}

const byPeople =
  <T extends { population: number }>(key: (row: T) => string) =>
  (a: T, b: T) =>
    b.population - a.population || key(a).localeCompare(key(b), 'fr');

/**
 * For each top-level theme, the cells of the level within where this
 * organisation's dispositifs (carried, or funded alone) are the only ones
 * reaching: by the people living there. The request has been checked.
 */
export async function readDependencies(
  db: Db,
  index: CoverageIndex,
  request: DependencyRequest,
): Promise<DependencyRow[]> {
  const roots = index.themes.filter((theme) => theme.parent === null).map((theme) => theme.id);
  const groups = roots.map((id) => ({ id, themes: themeWithDescendants(index.themes, id)! }));
  const filter = runningFilter({ activeOn: request.activeOn });
  const rows = await findDispositifsByTheme(
    db,
    toDispositifFilterParams(filter, index),
    groups,
    request.organisation,
  );
  const cells = cellsWithin(index.grid, request.level, request.within);
  const byTheme = new Map<string, typeof rows>();
  for (const row of rows) {
    let list = byTheme.get(row.theme);
    if (!list) byTheme.set(row.theme, (list = []));
    list.push(row);
  }
  const dependencies: DependencyRow[] = [];
  for (const [theme, themed] of byTheme) {
    const dropped = themed.filter((row) => !row.counts);
    const dispositifs = new Map(themed.map((row) => [row.dispositif.id, row.dispositif]));
    for (const lost of cellsLosingCoverage(
      index.grid,
      cells,
      themed.map(toDeployed),
      dropped.map(toDeployed),
    ))
      dependencies.push({
        territory: lost.cell.row,
        departement: lost.cell.departement
          ? (index.grid.territories.get(lost.cell.departement)?.row ?? null)
          : null,
        theme,
        population: lost.cell.population,
        dispositifs: lost.dispositifs.map((id) => dispositifs.get(id)!),
      });
  }
  return dependencies.sort(byPeople((row) => `${row.territory.id} ${row.theme}`));
}

export interface SinglePointOfFailureRow {
  organisation: NodeRow;
  cells: NodeRow[];
  population: number;
  /** Its dispositifs that are the only ones reaching some of those cells. */
  dispositifs: NodeRow[];
}

/**
 * Every organisation that alone keeps some cells covered for the filter (as
 * carrier or sole funder), with those cells and the people living there,
 * most people first. The request has been checked.
 */
export async function readSinglePointsOfFailure(
  db: Db,
  index: CoverageIndex,
  request: { level: TerritoryLevel; within: string },
  filter: CoverageFilter,
): Promise<SinglePointOfFailureRow[]> {
  const params = toDispositifFilterParams(runningFilter(filter), index);
  const [all, sole] = await Promise.all([
    findCoverageDispositifs(db, params),
    findSoleDependencies(db, params),
  ]);
  const cells = cellsWithin(index.grid, request.level, request.within);
  const deployed = new Map<string, CoverageDispositifRow>(all.map((row) => [row.dispositif.id, row]));
  const allDeployed = all.map(toDeployed);
  const points: SinglePointOfFailureRow[] = [];
  for (const { organisation, dispositifs } of sole) {
    const dropped = dispositifs.map((id) => deployed.get(id)).filter((row) => row !== undefined);
    const lost = cellsLosingCoverage(index.grid, cells, allDeployed, dropped.map(toDeployed));
    if (lost.length === 0) continue;
    const used = new Set(lost.flatMap((entry) => entry.dispositifs));
    points.push({
      organisation,
      cells: lost.map((entry) => entry.cell.row),
      population: lost.reduce((sum, entry) => sum + entry.cell.population, 0),
      dispositifs: dropped.filter((row) => used.has(row.dispositif.id)).map((row) => row.dispositif),
    });
  }
  return points.sort(byPeople((row) => row.organisation.id));
}
