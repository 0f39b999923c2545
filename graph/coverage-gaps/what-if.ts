/**
 * What depends on whom, on the coverage engine: which cells would lose every
 * dispositif if an organisation went away (dependencies, single points of
 * failure). A cell loses its coverage when every dispositif touching it (the
 * classification's `dispositifCounts`) is among those that stop counting.
 */
import type { DispositifStatus, TerritoryLevel } from '../model.js';
import type { CoverageIndex } from '../queries/coverage.js';
import {
  findCoverageDispositifRows,
  findCoverageDispositifs,
  type CoverageDispositifRow,
} from '../queries/coverage.js';
import { findDispositifInvolvements, soleHoldersOf } from '../queries/dependencies.js';
import { findNodesByIds } from '../queries/nodes.js';
import { toDispositifFilterParams } from '../queries/dispositif-filter.js';
import type { NodeRow } from '../queries/rows.js';
import type { Db } from '../driver.js';
import {
  cellsReachedOnlyBy,
  countDispositifsReaching,
  preparedCellsWithin,
  type DeployedDispositif,
  type PreparedCells,
} from './classify.js';
import { themeWithDescendants } from './filter.js';
import type { GridTerritory } from './grid.js';
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

export interface LostCell {
  cell: GridTerritory;
  /** The dispositifs that stop counting and reached the cell. */
  dispositifs: string[];
}

/**
 * Prepared cells that some dispositifs reach (`asIsCounts`, from
 * `countDispositifsReaching` over all of them) and that only `dropped` (a
 * subset) reach: the cells that become NONE once `dropped` stop counting.
 */
export function cellsLosingCoverage(
  prepared: PreparedCells,
  asIsCounts: Int32Array,
  dropped: readonly DeployedDispositif[],
): LostCell[] {
  return cellsReachedOnlyBy(prepared, asIsCounts, dropped).map(({ position, dispositifs }) => ({
    cell: prepared.cells[position]!,
    dispositifs,
  }));
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
  const params = toDispositifFilterParams(runningFilter({ activeOn: request.activeOn }), index);
  const [rows, involvements] = await Promise.all([
    findCoverageDispositifs(db, index, params, request.within),
    findDispositifInvolvements(db, params),
  ]);
  const deployed = new Map(rows.map((row) => [row.id, row]));
  const prepared = preparedCellsWithin(index.grid, request.level, request.within);
  const dependencies: (Omit<DependencyRow, 'dispositifs'> & { dispositifs: string[] })[] = [];
  for (const { id: theme, themes } of groups) {
    const inGroup = new Set(themes);
    const themed = involvements.filter((row) => row.themes.some((id) => inGroup.has(id)));
    const dropped = themed
      .filter((row) => soleHoldersOf(row).includes(request.organisation))
      .map((row) => deployed.get(row.id))
      .filter((row) => row !== undefined);
    if (dropped.length === 0) continue;
    const asIs = countDispositifsReaching(
      prepared,
      themed.map((row) => deployed.get(row.id)).filter((row) => row !== undefined),
    );
    for (const lost of cellsLosingCoverage(prepared, asIs, dropped))
      dependencies.push({
        territory: lost.cell.row,
        departement: lost.cell.departement
          ? (index.grid.territories.get(lost.cell.departement)?.row ?? null)
          : null,
        theme,
        population: lost.cell.population,
        dispositifs: lost.dispositifs,
      });
  }
  const rowsOf = await dispositifRowsById(db, index, dependencies);
  return dependencies
    .map((row) => ({ ...row, dispositifs: rowsOf(row.dispositifs) }))
    .sort(byPeople((row) => `${row.territory.id} ${row.theme}`));
}

/** The rows of the dispositifs some answer rows name, read together: a lookup of ids to rows. */
async function dispositifRowsById(
  db: Db,
  index: CoverageIndex,
  named: readonly { dispositifs: readonly string[] }[],
): Promise<(ids: readonly string[]) => NodeRow[]> {
  const ids = [...new Set(named.flatMap((row) => row.dispositifs))];
  const rows = new Map((await findCoverageDispositifRows(db, index, ids)).map((row) => [row.id, row]));
  return (wanted) => wanted.flatMap((id) => rows.get(id) ?? []);
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
  const [all, involvements] = await Promise.all([
    findCoverageDispositifs(db, index, params, request.within),
    findDispositifInvolvements(db, params),
  ]);
  const soleOf = new Map<string, string[]>();
  for (const row of involvements) {
    for (const organisation of soleHoldersOf(row)) {
      let list = soleOf.get(organisation);
      if (!list) soleOf.set(organisation, (list = []));
      list.push(row.id);
    }
  }
  const prepared = preparedCellsWithin(index.grid, request.level, request.within);
  const deployed = new Map<string, CoverageDispositifRow>(all.map((row) => [row.id, row]));
  // The cells as they are, classified once for every organisation.
  const asIs = countDispositifsReaching(prepared, all);
  const points: (Omit<SinglePointOfFailureRow, 'organisation' | 'dispositifs'> & {
    organisation: string;
    dispositifs: string[];
  })[] = [];
  for (const [organisation, dispositifs] of soleOf) {
    const dropped = dispositifs.map((id) => deployed.get(id)).filter((row) => row !== undefined);
    const lost = cellsLosingCoverage(prepared, asIs, dropped);
    if (lost.length === 0) continue;
    const used = new Set(lost.flatMap((entry) => entry.dispositifs));
    points.push({
      organisation,
      cells: lost.map((entry) => entry.cell.row),
      population: lost.reduce((sum, entry) => sum + entry.cell.population, 0),
      dispositifs: dropped.filter((row) => used.has(row.id)).map((row) => row.id),
    });
  }
  const [found, rowsOf] = await Promise.all([
    findNodesByIds(
      db,
      points.map((point) => point.organisation),
    ),
    dispositifRowsById(db, index, points),
  ]);
  const organisations = new Map(found.map((row) => [row.id, row]));
  return points
    .flatMap((point) => {
      const organisation = organisations.get(point.organisation);
      return organisation ? [{ ...point, organisation, dispositifs: rowsOf(point.dispositifs) }] : [];
    })
    .sort(byPeople((row) => row.organisation.id));
}
