import {
  classifyCoverage,
  compareCoverage,
  summariseCoverage,
  type CellCoverage,
} from '../../../graph/coverage-gaps/classify.js';
import { publicsMatching, themeWithDescendants } from '../../../graph/coverage-gaps/filter.js';
import {
  canContain,
  cellsWithin,
  COVERAGE_WITHIN_LEVELS,
  isCoverageLevel,
  type CoverageGrid,
  type GridTerritory,
} from '../../../graph/coverage-gaps/grid.js';
import {
  ORGANISATION_TYPES,
  type DispositifStatus,
  type OrganisationType,
  type TerritoryLevel,
} from '../../../graph/model.js';
import {
  findCoverageCheck,
  findCoverageDispositifs,
  loadCoverageIndex,
  type CoverageCheckRow,
  type CoverageDispositifFilter,
  type CoverageDispositifRow,
  type CoverageIndex,
} from '../../../graph/queries/coverage.js';
import type { NodeRow } from '../../../graph/queries/rows.js';
import type { GraphQLContext } from '../../context.js';
import { badUserInput } from '../../errors.js';
import type { CoverageCellMapper, CoverageComparisonMapper, CoverageReportMapper } from './schema.mappers.js';

/** A filter as the API receives it, flat on `coverage` or as a `CoverageFilter` input. */
export interface CoverageFilterArgs {
  theme?: string | null;
  public?: string | null;
  /** Already a real calendar day: the Date scalar checks it. */
  activeOn?: string | null;
  carrierType?: readonly string[] | null;
  status?: readonly DispositifStatus[] | null;
}

interface NamedFilter {
  /** Prefix of argument names in errors: '' for flat arguments, 'left.' for an input. */
  prefix: string;
  args: CoverageFilterArgs;
}

const LEVEL_WORDS: Record<TerritoryLevel, string> = {
  REGION: 'a région',
  DEPARTEMENT: 'a département',
  EPCI: 'an EPCI',
  COMMUNE: 'a commune',
  BASSIN: 'a bassin',
};
const collator = new Intl.Collator('fr', { sensitivity: 'base' });
const ORGANISATION_TYPE_SET = new Set<string>(ORGANISATION_TYPES);

function checkLevel(level: TerritoryLevel) {
  if (!isCoverageLevel(level)) {
    throw badUserInput(
      'level',
      `Coverage is mapped at levels ${Object.keys(COVERAGE_WITHIN_LEVELS).join(', ')}, not ${level}.`,
    );
  }
}

function checkWithin(grid: CoverageGrid, level: TerritoryLevel, within: string): GridTerritory {
  const territory = grid.territories.get(within);
  if (!territory) throw badUserInput('within', `Unknown territory "${within}".`);
  if (territory.outsideRegion) {
    throw badUserInput('within', `"${within}" lies outside the Nouvelle-Aquitaine grid.`);
  }
  if (!territory.level || !canContain(territory.level, level)) {
    const allowed = (COVERAGE_WITHIN_LEVELS[level] ?? []).map((l) => LEVEL_WORDS[l]).join(' or ');
    throw badUserInput(
      'within',
      `"${within}" is ${territory.level ? LEVEL_WORDS[territory.level] : 'not a grid territory'}: ${level} cells are asked within ${allowed}.`,
    );
  }
  return territory;
}

/** Checks what needs no database: the carrier types. */
function checkPlainArguments({ prefix, args }: NamedFilter): NamedFilter {
  const unknown = (args.carrierType ?? []).filter((type) => !ORGANISATION_TYPE_SET.has(type));
  if (unknown.length > 0) {
    throw badUserInput(`${prefix}carrierType`, `Unknown organisation type(s): ${unknown.join(', ')}.`);
  }
  return { prefix, args };
}

interface ResolvedFilter {
  filter: CoverageDispositifFilter;
  /** Set when the theme is not in the theme tree: refused once the tree is known to be current. */
  unknownTheme: boolean;
}

function toDispositifFilter({ args }: NamedFilter, index: CoverageIndex): ResolvedFilter {
  const themes = args.theme ? themeWithDescendants(index.themes, args.theme) : null;
  const list = <T>(values: readonly T[] | null | undefined) =>
    values && values.length > 0 ? [...new Set(values)] : null;
  return {
    unknownTheme: Boolean(args.theme) && themes === null,
    filter: {
      themes: args.theme ? (themes ?? []) : null,
      publics: args.public ? publicsMatching(args.public) : null,
      activeOn: args.activeOn ?? null,
      carrierTypes: list(args.carrierType) as OrganisationType[] | null,
      statuses: list(args.status),
    },
  };
}

interface ClassifiedSide {
  cells: CellCoverage[];
  dispositifs: Map<string, NodeRow>;
  /** Dispositif id → ids of the territories it is DEPLOYED_IN. */
  deployments: Map<string, string[]>;
}

interface Snapshot {
  index: CoverageIndex;
  check: CoverageCheckRow;
  resolved: ResolvedFilter[];
  /** Per filter, the dispositifs it selects. */
  matches: CoverageDispositifRow[][];
}

/**
 * The grid and theme tree from their cache, and what the filters select: the
 * queries run side by side, so one round trip when the cache is current (the
 * check says so); else the cache is reloaded and the filters read again.
 */
async function readSnapshot(ctx: GraphQLContext, filters: NamedFilter[]): Promise<Snapshot> {
  const publics = [...new Set(filters.map((f) => f.args.public).filter((id): id is string => Boolean(id)))];
  let index = await loadCoverageIndex(ctx.db);
  for (let attempt = 0; ; attempt += 1) {
    const resolved = filters.map((filter) => toDispositifFilter(filter, index));
    const [check, ...matches] = await Promise.all([
      findCoverageCheck(ctx.db, { publics }),
      ...resolved.map(({ filter }) => findCoverageDispositifs(ctx.db, filter)),
    ]);
    if (check.version === index.version || attempt > 0) return { index, check, resolved, matches };
    index = await loadCoverageIndex(ctx.db, index.version);
  }
}

/** Validates, reads what the filters select and classifies the cells. */
async function classifySides(
  ctx: GraphQLContext,
  level: TerritoryLevel,
  within: string,
  filters: NamedFilter[],
  only: readonly string[] | null = null,
): Promise<{ grid: CoverageGrid; cells: GridTerritory[]; sides: ClassifiedSide[] }> {
  checkLevel(level);
  filters = filters.map(checkPlainArguments);
  const { index, check, resolved, matches } = await readSnapshot(ctx, filters);
  const { grid } = index;
  checkWithin(grid, level, within);
  filters.forEach(({ prefix, args }, i) => {
    if (resolved[i]!.unknownTheme) throw badUserInput(`${prefix}theme`, `Unknown theme "${args.theme}".`);
    if (args.public && !check.knownPublics.includes(args.public)) {
      throw badUserInput(`${prefix}public`, `Unknown public "${args.public}".`);
    }
  });
  const cells = selectCells(cellsWithin(grid, level, within), only, level, within);
  const sides = matches.map((rows) => ({
    cells: classifyCoverage(
      grid,
      cells,
      rows.map((row) => ({
        id: row.dispositif.id,
        name: typeof row.dispositif.props.name === 'string' ? row.dispositif.props.name : row.dispositif.id,
        territories: row.territories,
      })),
    ),
    dispositifs: new Map(rows.map((row) => [row.dispositif.id, row.dispositif])),
    deployments: new Map(rows.map((row) => [row.dispositif.id, row.territories])),
  }));
  return { grid, cells, sides };
}

/** The cells asked for by id, in grid order; an id that is not one of them is refused. */
function selectCells(
  cells: GridTerritory[],
  only: readonly string[] | null,
  level: TerritoryLevel,
  within: string,
): GridTerritory[] {
  if (!only) return cells;
  const wanted = new Set(only);
  const kept = cells.filter((cell) => wanted.has(cell.id));
  if (kept.length < wanted.size) {
    const known = new Set(kept.map((cell) => cell.id));
    const stray = [...wanted].filter((id) => !known.has(id));
    throw badUserInput('territories', `Not ${level} cells within "${within}": ${stray.join(', ')}.`);
  }
  return kept;
}

function toReport(grid: CoverageGrid, side: ClassifiedSide): CoverageReportMapper {
  const territory = (id: string) => grid.territories.get(id)!.row;
  const cells = side.cells.map((cell): CoverageCellMapper => {
    const gridCell = grid.territories.get(cell.territory)!;
    return {
      territory: gridCell.row,
      status: cell.status,
      population: cell.population,
      coveredPopulation: cell.coveredPopulation,
      departement: gridCell.departement ? territory(gridCell.departement) : null,
      applications: cell.applications.map((application) => ({
        dispositif: side.dispositifs.get(application.dispositif)!,
        via: application.via,
        through: application.through.map(territory),
        population: application.population,
      })),
    };
  });
  const reach = new Map<string, { cells: number; population: number }>();
  for (const cell of side.cells) {
    for (const application of cell.applications) {
      const tally = reach.get(application.dispositif) ?? { cells: 0, population: 0 };
      tally.cells += 1;
      tally.population += application.population;
      reach.set(application.dispositif, tally);
    }
  }
  const applying = [...reach].map(([id, tally]) => ({
    dispositif: side.dispositifs.get(id)!,
    deployedIn: (side.deployments.get(id) ?? [])
      .map((place) => grid.territories.get(place)?.row)
      .filter((row): row is NodeRow => row !== undefined),
    ...tally,
  }));
  const nameOf = (row: NodeRow) => String(row.props.name ?? row.id);
  applying.sort((a, b) => collator.compare(nameOf(a.dispositif), nameOf(b.dispositif)));
  return { cells, summary: { ...summariseCoverage(side.cells), applying } };
}

// `coverage` and `coverageSummary` asked in one operation share one computation.
const reportsByRequest = new WeakMap<GraphQLContext, Map<string, Promise<CoverageReportMapper>>>();

/** Cells and summary for one filter, computed once per request and arguments. */
export function coverageReport(
  ctx: GraphQLContext,
  level: TerritoryLevel,
  within: string,
  args: CoverageFilterArgs,
  only: readonly string[] | null = null,
): Promise<CoverageReportMapper> {
  const filter: CoverageFilterArgs = {
    theme: args.theme ?? null,
    public: args.public ?? null,
    activeOn: args.activeOn ?? null,
    carrierType: args.carrierType ?? null,
    status: args.status ?? null,
  };
  const key = JSON.stringify([level, within, filter, only]);
  let reports = reportsByRequest.get(ctx);
  if (!reports) reportsByRequest.set(ctx, (reports = new Map()));
  let report = reports.get(key);
  if (!report) {
    report = classifySides(ctx, level, within, [{ prefix: '', args: filter }], only).then(({ grid, sides }) =>
      toReport(grid, sides[0]!),
    );
    reports.set(key, report);
  }
  return report;
}

/** Two filters over the same cells, and the cells whose status changed. */
export async function coverageComparison(
  ctx: GraphQLContext,
  level: TerritoryLevel,
  within: string,
  left: CoverageFilterArgs,
  right: CoverageFilterArgs,
): Promise<CoverageComparisonMapper> {
  const { grid, sides } = await classifySides(ctx, level, within, [
    { prefix: 'left.', args: left },
    { prefix: 'right.', args: right },
  ]);
  const [before, after] = sides as [ClassifiedSide, ClassifiedSide];
  const dispositif = (id: string) => (before.dispositifs.get(id) ?? after.dispositifs.get(id))!;
  return {
    left: toReport(grid, before),
    right: toReport(grid, after),
    changes: compareCoverage(before.cells, after.cells).map((change) => ({
      territory: grid.territories.get(change.territory)!.row,
      before: change.before,
      after: change.after,
      lost: change.lost.map(dispositif),
      gained: change.gained.map(dispositif),
      population: change.population,
    })),
  };
}
