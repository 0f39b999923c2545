/**
 * The coverage analysis end to end (DOMAIN.md §5): checks a request against
 * the index, reads what its filters select, classifies the cells and gathers
 * the cells, summary and comparison the API answers with.
 */
import type { TerritoryLevel } from '../model.js';
import {
  findCoverageDispositifs,
  loadCoverageDispositifRows,
  type CoverageDispositifRow,
  type CoverageIndex,
} from '../queries/coverage.js';
import { findExclusionEffects, type ExclusionEffectRow } from '../queries/dependencies.js';
import {
  findUnknownFilterIds,
  findUnknownNodeIds,
  toDispositifFilterParams,
  type DispositifFilter,
  type DispositifFilterCriterion,
  type NodeFilterCriterion,
} from '../queries/dispositif-filter.js';
import type { NodeRow } from '../queries/rows.js';
import type { Db } from '../driver.js';
import { createGraphVersionCache } from '../version-cache.js';
import {
  indexCoverage,
  prepareCells,
  preparedCellsWithin,
  type PreparedCells,
  type CoverageClassification,
  type CoverageStatus,
  type CoverageSummary,
  type CoverageVia,
} from './classify.js';
import {
  canContain,
  cellsWithin,
  COVERAGE_WITHIN_LEVELS,
  isCoverageLevel,
  type CoverageGrid,
  type GridTerritory,
} from './grid.js';

/** The dispositifs one side counts: a dispositif filter without territory (the cells are the places). */
export type CoverageFilter = Omit<DispositifFilter, 'territory'>;

export interface CoverageRequest {
  level: TerritoryLevel;
  within: string;
  /** Only these cells (ids of cells of the level, within); null for all. */
  only: readonly string[] | null;
}

/** A filter with the prefix its argument names take in errors ('' for flat arguments, 'left.'…). */
export interface NamedCoverageFilter {
  prefix: string;
  filter: CoverageFilter;
}

/** An argument the analysis refuses, and why. */
export interface CoverageArgumentProblem {
  argument: string;
  message: string;
}

export interface CoverageApplicationRow {
  /** Read when a field asks (the rows of one answer in one read). */
  dispositif: Promise<NodeRow>;
  via: CoverageVia;
  through: NodeRow[];
  population: number;
}

export interface CoverageCellRow {
  territory: NodeRow;
  status: CoverageStatus;
  population: number;
  coveredPopulation: number;
  departement: NodeRow | null;
  /** Dispositifs applying to the cell. */
  dispositifCount: number;
  /** How each applies: computed when a field asks (it grows with cells × dispositifs). */
  applications: () => CoverageApplicationRow[];
}

/** Every cell in parallel lists, the cells' order: the map's and treemap's form, a fraction of the cells' size. */
export interface CoverageMapRow {
  territories: string[];
  names: string[];
  codes: string[];
  departements: (string | null)[];
  statuses: CoverageStatus[];
  populations: number[];
  coveredPopulations: number[];
  dispositifCounts: number[];
}

export interface CoverageDispositifReachRow {
  /** Read when a field asks (the rows of one answer in one read). */
  dispositif: Promise<NodeRow>;
  deployedIn: NodeRow[];
  cells: number;
  population: number;
}

export interface CoverageSummaryRow extends CoverageSummary {
  applying: CoverageDispositifReachRow[];
  /** What the filter's `without` took away and what it left standing; null without one. */
  exclusion: CoverageExclusionRow | null;
}

/** The effect of a filter's `without`: dispositifs that stop counting, and those kept by another carrier or funder. */
export interface CoverageExclusionRow {
  dropped: ExclusionEffectRow[];
  kept: ExclusionEffectRow[];
}

export interface CoverageReportRow {
  /** Built when asked: the page asks for `map` instead. */
  cells: () => CoverageCellRow[];
  map: () => CoverageMapRow;
  summary: CoverageSummaryRow;
}

export interface CoverageChangeRow {
  territory: NodeRow;
  before: CoverageStatus;
  after: CoverageStatus;
  /** Read when a field asks. */
  lost: Promise<NodeRow[]>;
  gained: Promise<NodeRow[]>;
  population: number;
}

export interface CoverageComparisonRow {
  left: CoverageReportRow;
  right: CoverageReportRow;
  changes: CoverageChangeRow[];
}

const LEVEL_WORDS: Record<TerritoryLevel, string> = {
  PAYS: 'France',
  REGION: 'a région',
  DEPARTEMENT: 'a département',
  EPCI: 'an EPCI',
  COMMUNE: 'a commune',
  BASSIN: 'a bassin',
};
const CRITERION_ARGUMENTS: Record<
  DispositifFilterCriterion | NodeFilterCriterion,
  { argument: string; word: string }
> = {
  themes: { argument: 'theme', word: 'theme' },
  publics: { argument: 'public', word: 'public' },
  territory: { argument: 'territory', word: 'territory' },
  funders: { argument: 'funder', word: 'organisation' },
  'without.organisations': { argument: 'without.organisations', word: 'organisation' },
  'without.dispositifs': { argument: 'without.dispositifs', word: 'dispositif' },
};

/** The first funder or exclusion id of the filters that names no organisation or dispositif; null when all do. */
export async function checkFilterNodeIds(
  db: Db,
  filters: readonly NamedCoverageFilter[],
): Promise<CoverageArgumentProblem | null> {
  for (const { prefix, filter } of filters) {
    const [unknown] = await findUnknownNodeIds(db, filter);
    if (unknown) {
      const { argument, word } = CRITERION_ARGUMENTS[unknown.criterion];
      return { argument: `${prefix}${argument}`, message: `Unknown ${word} "${unknown.id}".` };
    }
  }
  return null;
}

function checkWithin(grid: CoverageGrid, { level, within }: CoverageRequest): string | null {
  const territory = grid.territories.get(within);
  if (!territory) return `Unknown territory "${within}".`;
  if (territory.outsideRegion) return `"${within}" lies outside the Nouvelle-Aquitaine grid.`;
  if (!territory.level || !canContain(territory.level, level)) {
    const allowed = (COVERAGE_WITHIN_LEVELS[level] ?? []).map((l) => LEVEL_WORDS[l]).join(' or ');
    const is = territory.level ? LEVEL_WORDS[territory.level] : 'not a grid territory';
    return `"${within}" is ${is}: ${level} cells are asked within ${allowed}.`;
  }
  return null;
}

/** The cells asked for, in grid order. */
function cellsOf(grid: CoverageGrid, { level, within, only }: CoverageRequest): GridTerritory[] {
  const cells = cellsWithin(grid, level, within);
  if (!only) return cells;
  const wanted = new Set(only);
  return cells.filter((cell) => wanted.has(cell.id));
}

/** The first argument of a request the analysis refuses; null when it can run. */
export function checkCoverageRequest(
  index: CoverageIndex,
  request: CoverageRequest,
  filters: readonly NamedCoverageFilter[],
): CoverageArgumentProblem | null {
  const { level, within, only } = request;
  if (!isCoverageLevel(level)) {
    const levels = Object.keys(COVERAGE_WITHIN_LEVELS).join(', ');
    return { argument: 'level', message: `Coverage is mapped at levels ${levels}, not ${level}.` };
  }
  const withinProblem = checkWithin(index.grid, request);
  if (withinProblem) return { argument: 'within', message: withinProblem };
  for (const { prefix, filter } of filters) {
    const [unknown] = findUnknownFilterIds(filter, index);
    if (unknown) {
      const { argument, word } = CRITERION_ARGUMENTS[unknown.criterion];
      return { argument: `${prefix}${argument}`, message: `Unknown ${word} "${unknown.id}".` };
    }
  }
  if (only) {
    const known = new Set(cellsOf(index.grid, request).map((cell) => cell.id));
    const stray = [...new Set(only)].filter((id) => !known.has(id));
    if (stray.length > 0) {
      return {
        argument: 'territories',
        message: `Not ${level} cells within "${within}": ${stray.join(', ')}.`,
      };
    }
  }
  return null;
}

interface ClassifiedSide {
  classification: CoverageClassification;
  exclusion: CoverageExclusionRow | null;
  /** Dispositif id → ids of the territories it is DEPLOYED_IN. */
  deployments: Map<string, string[]>;
}

/** A list of rows classified over some cells, and the lookup the answer needs. */
type Classified = Omit<ClassifiedSide, 'exclusion'>;

/**
 * Kept by the very list of rows and cells they were made of: the unfiltered list of a
 * graph version is one array every request shares, and the next version keeps it when
 * its edits moved no deployment (graph/queries/coverage.ts): the cells are classified once.
 */
const classified = new WeakMap<CoverageDispositifRow[], WeakMap<PreparedCells, Classified>>();

function classifySide(
  grid: CoverageGrid,
  prepared: PreparedCells,
  rows: CoverageDispositifRow[],
  exclusion: CoverageExclusionRow | null,
): ClassifiedSide {
  let ofRows = classified.get(rows);
  if (!ofRows) classified.set(rows, (ofRows = new WeakMap()));
  let side = ofRows.get(prepared);
  if (!side) {
    side = {
      classification: indexCoverage(grid, prepared.cells, rows, prepared),
      deployments: new Map(rows.map((row) => [row.id, row.territories])),
    };
    ofRows.set(prepared, side);
  }
  return { ...side, exclusion };
}

/** Reads what each filter selects (side by side) and classifies the cells; the request is checked. */
async function classifySides(
  db: Db,
  index: CoverageIndex,
  request: CoverageRequest,
  filters: readonly CoverageFilter[],
): Promise<ClassifiedSide[]> {
  const prepared = request.only
    ? prepareCells(index.grid, cellsOf(index.grid, request))
    : preparedCellsWithin(index.grid, request.level, request.within);
  const [matches, exclusions] = await Promise.all([
    Promise.all(
      filters.map((filter) =>
        findCoverageDispositifs(db, index, toDispositifFilterParams(filter, index), request.within),
      ),
    ),
    Promise.all(filters.map((filter) => readExclusion(db, index, filter))),
  ]);
  return matches.map((rows, i) => classifySide(index.grid, prepared, rows, exclusions[i]!));
}

/** What a filter's `without` takes away: the dispositifs of the filter it touches, dropped or kept. */
async function readExclusion(
  db: Db,
  index: CoverageIndex,
  filter: CoverageFilter,
): Promise<CoverageExclusionRow | null> {
  const organisations = [...(filter.without?.organisations ?? [])];
  const dispositifs = [...(filter.without?.dispositifs ?? [])];
  if (organisations.length + dispositifs.length === 0) return null;
  const effects = await findExclusionEffects(
    db,
    toDispositifFilterParams({ ...filter, without: null }, index),
    {
      organisations,
      dispositifs,
    },
  );
  return { dropped: effects.filter((e) => !e.counts), kept: effects.filter((e) => e.counts) };
}

/** Computes once, on the first call. */
function once<T>(compute: () => T): () => T {
  let value: { done: T } | undefined;
  return () => (value ??= { done: compute() }).done;
}

/** Reads the rows of the dispositifs an answer shows, by id, once per graph version. */
type RowsOf = (ids: readonly string[]) => Promise<NodeRow[]>;

function rowsReader(db: Db, index: CoverageIndex): RowsOf {
  return async (ids) =>
    (await loadCoverageDispositifRows(db, index, ids)).map((row, i) => {
      // Only an edit between the classification's read and this one (a race) can leave one out.
      if (!row) throw new Error(`Dispositif "${ids[i]}" is no longer visible.`);
      return row;
    });
}

const rowOf = (rowsOf: RowsOf, id: string) => rowsOf([id]).then(([row]) => row!);

function summaryOf(grid: CoverageGrid, side: ClassifiedSide, rowsOf: RowsOf): CoverageSummaryRow {
  const { cells, statuses, coveredPopulations, applying } = side.classification;
  const tallies = {
    COVERED: { cells: 0, population: 0 },
    PARTIAL: { cells: 0, population: 0 },
    NONE: { cells: 0, population: 0 },
  };
  let population = 0;
  let coveredPopulation = 0;
  cells.forEach((cell, position) => {
    const tally = tallies[statuses[position]!];
    tally.cells += 1;
    tally.population += cell.population;
    population += cell.population;
    coveredPopulation += coveredPopulations[position]!;
  });
  const applyingRows = once(() =>
    applying.map(({ dispositif: id, cells: count, population: people }) => ({
      get dispositif() {
        return rowOf(rowsOf, id);
      },
      // Read when a field asks: a région after a national import has ~20,000 applying.
      get deployedIn() {
        return (side.deployments.get(id) ?? [])
          .map((place) => grid.territories.get(place)?.row)
          .filter((row): row is NodeRow => row !== undefined);
      },
      cells: count,
      population: people,
    })),
  );
  return {
    cells: cells.length,
    population,
    coveredPopulation,
    covered: tallies.COVERED,
    partial: tallies.PARTIAL,
    none: tallies.NONE,
    dispositifs: applying.length,
    exclusion: side.exclusion,
    // Made when a field asks, as each one's row and deployments are.
    get applying() {
      return applyingRows();
    },
  };
}

function toReport(grid: CoverageGrid, side: ClassifiedSide, rowsOf: RowsOf): CoverageReportRow {
  const { classification } = side;
  const territory = (id: string) => grid.territories.get(id)!.row;
  const cellRow = (cell: GridTerritory, position: number): CoverageCellRow => ({
    territory: cell.row,
    status: classification.statuses[position]!,
    population: cell.population,
    coveredPopulation: classification.coveredPopulations[position]!,
    departement: cell.departement ? territory(cell.departement) : null,
    dispositifCount: classification.dispositifCounts[position]!,
    applications: once(() =>
      classification.applicationsOf(position).map((application) => ({
        get dispositif() {
          return rowOf(rowsOf, application.dispositif);
        },
        via: application.via,
        through: application.through.map(territory),
        population: application.population,
      })),
    ),
  });
  return {
    cells: once(() => classification.cells.map(cellRow)),
    map: once(() => ({
      territories: classification.cells.map((cell) => cell.id),
      names: classification.cells.map((cell) => cell.name),
      codes: classification.cells.map((cell) => cell.code),
      departements: classification.cells.map((cell) => cell.departement),
      statuses: [...classification.statuses],
      populations: classification.cells.map((cell) => cell.population),
      coveredPopulations: [...classification.coveredPopulations],
      dispositifCounts: [...classification.dispositifCounts],
    })),
    summary: summaryOf(grid, side, rowsOf),
  };
}

// A report is what its graph version, cells and filter make it: the page asks the same few again and again.
const reports = createGraphVersionCache<Promise<CoverageReportRow>>({ maxEntries: 8 });

/** Cells and summary for one filter, once per graph version; `checkCoverageRequest` has passed. */
export async function readCoverageReport(
  db: Db,
  index: CoverageIndex,
  request: CoverageRequest,
  filter: CoverageFilter,
): Promise<CoverageReportRow> {
  const key = JSON.stringify([request.level, request.within, request.only, filter]);
  return reports.get(db.base, index.version, key, async () => {
    const [side] = await classifySides(db.base, index, request, [filter]);
    return toReport(index.grid, side!, rowsReader(db.base, index));
  });
}

/** Positions of the cells whose status differs between two classifications of the same cells. */
function changedCells(left: CoverageClassification, right: CoverageClassification): number[] {
  const changed: number[] = [];
  left.statuses.forEach((status, position) => {
    if (right.statuses[position] !== status) changed.push(position);
  });
  return changed;
}

/** Two filters over the same cells, and the cells whose status changed; `checkCoverageRequest` has passed. */
export async function readCoverageComparison(
  db: Db,
  index: CoverageIndex,
  request: CoverageRequest,
  left: CoverageFilter,
  right: CoverageFilter,
): Promise<CoverageComparisonRow> {
  const [before, after] = (await classifySides(db, index, request, [left, right])) as [
    ClassifiedSide,
    ClassifiedSide,
  ];
  const rowsOf = rowsReader(db.base, index);
  return {
    left: toReport(index.grid, before, rowsOf),
    right: toReport(index.grid, after, rowsOf),
    changes: changedCells(before.classification, after.classification).map((position) => {
      const cell = before.classification.cells[position]!;
      const beforeIds = new Set(before.classification.applicationsOf(position).map((a) => a.dispositif));
      const afterIds = new Set(after.classification.applicationsOf(position).map((a) => a.dispositif));
      return {
        territory: cell.row,
        before: before.classification.statuses[position]!,
        after: after.classification.statuses[position]!,
        get lost() {
          return rowsOf([...beforeIds].filter((id) => !afterIds.has(id)));
        },
        get gained() {
          return rowsOf([...afterIds].filter((id) => !beforeIds.has(id)));
        },
        population: cell.population,
      };
    }),
  };
}
