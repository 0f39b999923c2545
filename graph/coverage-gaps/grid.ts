/**
 * The territorial grid as the coverage analysis sees it (DOMAIN.md §5): every
 * territory reduced to the set of communes of the région it holds, so that
 * "contains", "inside" and "overlaps" all become set questions on one unit.
 */
import { TERRITORY_LEVELS, type TerritoryLevel } from '../model.js';
import type { NodeRow } from '../queries/rows.js';

/** One territory as read from the graph: its row and the ids it is PART_OF. */
export interface TerritoryFacts {
  row: NodeRow;
  parents: readonly string[];
}

export interface GridTerritory {
  id: string;
  row: NodeRow;
  level: TerritoryLevel | null;
  code: string;
  name: string;
  population: number;
  outsideRegion: boolean;
  /** Territories this one lies in (see `containersOf`), nearest first. */
  containers: readonly string[];
  /** Indices (into `CoverageGrid.communes`) of the communes this territory holds, ascending. */
  communes: Int32Array;
  /**
   * The same indices as runs of consecutive ones, `[start, end)` pairs: communes are
   * ordered by code, so a département is one run and a région a dozen, and a walk
   * can skip what lies outside the cells asked for.
   */
  runs: Int32Array;
  /** The département a cell is grouped under in tables and treemaps, when there is one. */
  departement: string | null;
}

export interface CoverageGrid {
  territories: ReadonlyMap<string, GridTerritory>;
  /** The unit of the analysis: communes of the grid (outside places excluded), by index. */
  communes: readonly GridTerritory[];
  /** Population of each commune, by index. */
  populations: Float64Array;
  /** Cells of each level, in display order (département code, then code or name). */
  byLevel: ReadonlyMap<TerritoryLevel, readonly GridTerritory[]>;
}

const LEVELS = new Set<string>(TERRITORY_LEVELS);

/**
 * Only a département, a région or France passes containment on. An EPCI is attached to
 * the département holding most of its population and a bassin to every
 * département it overlaps: that places the EPCI or bassin itself, never its
 * communes, which are placed by their own PART_OF edges.
 */
const PASSES_CONTAINMENT = new Set<TerritoryLevel | null>(['DEPARTEMENT', 'REGION', 'PAYS']);

const collator = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });

function toGridTerritory(facts: TerritoryFacts): GridTerritory {
  const { row } = facts;
  const level = typeof row.props.level === 'string' && LEVELS.has(row.props.level) ? row.props.level : null;
  const population = row.props.population;
  return {
    id: row.id,
    row,
    level: level as TerritoryLevel | null,
    code: typeof row.props.code === 'string' ? row.props.code : '',
    name: typeof row.props.name === 'string' ? row.props.name : row.id,
    population: typeof population === 'number' && Number.isFinite(population) ? population : 0,
    outsideRegion: row.props.outsideRegion === true,
    containers: [],
    communes: new Int32Array(0),
    runs: new Int32Array(0),
    departement: null,
  };
}

/** Ascending indices as `[start, end)` runs of consecutive ones. */
export function toRuns(indices: Int32Array): Int32Array {
  const runs: number[] = [];
  for (let i = 0; i < indices.length; i += 1) {
    const index = indices[i]!;
    if (runs.length > 0 && runs[runs.length - 1] === index) runs[runs.length - 1] = index + 1;
    else runs.push(index, index + 1);
  }
  return Int32Array.from(runs);
}

/**
 * The territories a territory lies in: its own PART_OF targets, then, through
 * départements and régions only, theirs. A commune lies in its EPCI, its
 * département, its bassins and its région; an EPCI in its département and
 * région; a bassin in the départements it overlaps and their région.
 */
function containersOf(
  id: string,
  parentsById: ReadonlyMap<string, readonly string[]>,
  levelOf: (id: string) => TerritoryLevel | null,
): string[] {
  const seen = new Set<string>();
  const queue = [...(parentsById.get(id) ?? [])];
  while (queue.length > 0) {
    const next = queue.shift()!;
    if (next === id || seen.has(next)) continue;
    seen.add(next);
    if (PASSES_CONTAINMENT.has(levelOf(next))) queue.push(...(parentsById.get(next) ?? []));
  }
  return [...seen];
}

/** Builds the grid index from every territory of the graph (pure and deterministic). */
export function buildCoverageGrid(facts: readonly TerritoryFacts[]): CoverageGrid {
  const territories = new Map<string, GridTerritory>();
  const parentsById = new Map<string, readonly string[]>();
  for (const fact of facts) {
    territories.set(fact.row.id, toGridTerritory(fact));
    parentsById.set(fact.row.id, fact.parents);
  }
  const levelOf = (id: string) => territories.get(id)?.level ?? null;

  for (const territory of territories.values()) {
    territory.containers = containersOf(territory.id, parentsById, levelOf).filter((id) =>
      territories.has(id),
    );
  }

  const communes = [...territories.values()]
    .filter((t) => t.level === 'COMMUNE' && !t.outsideRegion)
    .sort((a, b) => collator.compare(a.code || a.id, b.code || b.id));
  const members = new Map<string, number[]>();
  communes.forEach((commune, index) => {
    commune.communes = Int32Array.of(index);
    for (const container of commune.containers) {
      let list = members.get(container);
      if (!list) members.set(container, (list = []));
      list.push(index);
    }
  });
  for (const [id, list] of members) {
    const territory = territories.get(id);
    if (territory && territory.level !== 'COMMUNE') territory.communes = Int32Array.from(list);
  }
  for (const territory of territories.values()) territory.runs = toRuns(territory.communes);
  const populations = Float64Array.from(communes, (commune) => commune.population);

  for (const territory of territories.values())
    territory.departement = departementOf(territory, territories, communes);

  const byLevel = new Map<TerritoryLevel, GridTerritory[]>();
  for (const territory of territories.values()) {
    if (!territory.level || territory.outsideRegion) continue;
    let list = byLevel.get(territory.level);
    if (!list) byLevel.set(territory.level, (list = []));
    list.push(territory);
  }
  const groupCode = (t: GridTerritory) => (t.departement ? (territories.get(t.departement)?.code ?? '') : '');
  for (const list of byLevel.values()) {
    list.sort(
      (a, b) =>
        collator.compare(groupCode(a), groupCode(b)) ||
        (a.level === 'COMMUNE' || a.level === 'DEPARTEMENT'
          ? collator.compare(a.code, b.code)
          : collator.compare(a.name, b.name)) ||
        collator.compare(a.id, b.id),
    );
  }
  return { territories, communes, populations, byLevel };
}

/**
 * A département itself; the département a commune or EPCI is PART_OF; for a
 * bassin, the one among those it overlaps holding most of its population.
 */
function departementOf(
  territory: GridTerritory,
  territories: ReadonlyMap<string, GridTerritory>,
  communes: readonly GridTerritory[],
): string | null {
  if (territory.level === 'DEPARTEMENT') return territory.id;
  const departements = territory.containers.filter((id) => territories.get(id)?.level === 'DEPARTEMENT');
  if (departements.length <= 1 || territory.level !== 'BASSIN') return departements[0] ?? null;
  const weight = new Map<string, number>();
  for (const index of territory.communes) {
    const commune = communes[index]!;
    const departement = commune.containers.find((id) => territories.get(id)?.level === 'DEPARTEMENT');
    if (departement) weight.set(departement, (weight.get(departement) ?? 0) + commune.population);
  }
  return [...departements].sort(
    (a, b) => (weight.get(b) ?? 0) - (weight.get(a) ?? 0) || collator.compare(a, b),
  )[0]!;
}

/** The levels the analysis maps, and the levels of the territories each may be asked within. */
export const COVERAGE_WITHIN_LEVELS: Readonly<Partial<Record<TerritoryLevel, readonly TerritoryLevel[]>>> = {
  DEPARTEMENT: ['PAYS', 'REGION'],
  EPCI: ['PAYS', 'REGION', 'DEPARTEMENT'],
  COMMUNE: ['PAYS', 'REGION', 'DEPARTEMENT', 'EPCI', 'BASSIN'],
  BASSIN: ['PAYS', 'REGION', 'DEPARTEMENT'],
};

export const isCoverageLevel = (level: TerritoryLevel): boolean => level in COVERAGE_WITHIN_LEVELS;

/** True when cells of `level` can be asked within a territory of level `within`. */
export function canContain(within: TerritoryLevel, level: TerritoryLevel): boolean {
  return COVERAGE_WITHIN_LEVELS[level]?.includes(within) ?? false;
}

/** The cells of a level that lie within a territory, in display order. */
export function cellsWithin(grid: CoverageGrid, level: TerritoryLevel, within: string): GridTerritory[] {
  return (grid.byLevel.get(level) ?? []).filter((cell) => cell.containers.includes(within));
}

/**
 * Where a dispositif must be deployed to reach a territory, by the coverage
 * rule (a cell not NONE): the territory itself, a territory holding it, or one
 * sharing a commune with it. Null when the territory is not in the grid.
 */
export function placesReaching(grid: CoverageGrid, id: string): string[] | null {
  const target = grid.territories.get(id);
  if (!target) return null;
  const inTarget = new Uint8Array(grid.communes.length);
  for (const index of target.communes) inTarget[index] = 1;
  const places = new Set([id, ...target.containers]);
  for (const territory of grid.territories.values()) {
    if (places.has(territory.id)) continue;
    if (territory.communes.some((index) => inTarget[index] === 1)) places.add(territory.id);
  }
  return [...places].sort();
}

/**
 * What lies inside a territory (every territory it contains, by the grid's
 * containment) and what contains it; undefined when it is not in the grid.
 */
export function territoryScopeOf(
  grid: CoverageGrid,
  id: string,
): { inside: string[]; containing: string[] } | undefined {
  const target = grid.territories.get(id);
  if (!target) return undefined;
  const inside = [...grid.territories.values()]
    .filter((territory) => territory.containers.includes(id))
    .map((territory) => territory.id);
  return { inside: inside.sort(), containing: [...target.containers] };
}
