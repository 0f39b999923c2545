/**
 * Coverage classification (DOMAIN.md §5), pure: given the grid, the cells asked
 * for and the matching dispositifs with the territories they are DEPLOYED_IN,
 * says for every cell how each dispositif applies and what status follows.
 */
import type { TerritoryLevel } from '../model.js';
import { createGraphVersionCache } from '../version-cache.js';
import { cellsWithin, toRuns, type CoverageGrid, type GridTerritory } from './grid.js';

export type CoverageStatus = 'COVERED' | 'PARTIAL' | 'NONE';

/**
 * How a dispositif applies to a cell: DEPLOYED_IN the cell itself; INHERITED
 * from territories holding all of the cell's communes (a containing
 * département or région, a bassin holding a whole EPCI…); PARTIAL when it
 * reaches only some of them (deployed inside the cell, or in a bassin or
 * territory that overlaps it).
 */
export type CoverageVia = 'DEPLOYED' | 'INHERITED' | 'PARTIAL';

export interface DeployedDispositif {
  id: string;
  name: string;
  /** Ids of the territories it is DEPLOYED_IN (unknown or outside ids reach no commune). */
  territories: readonly string[];
  /** Its order by name among the dispositifs classified together, when known (else sorted by name here). */
  rank?: number;
}

export interface CellApplication {
  dispositif: string;
  via: CoverageVia;
  /** The deployment territories behind the application (the cell itself when DEPLOYED). */
  through: string[];
  /** People of the cell the dispositif reaches: the whole cell unless PARTIAL. */
  population: number;
}

export interface CellCoverage {
  territory: string;
  status: CoverageStatus;
  population: number;
  /** People of the cell living in a commune some matching dispositif reaches. */
  coveredPopulation: number;
  /** DEPLOYED first, then INHERITED, then PARTIAL; by dispositif name within each. */
  applications: CellApplication[];
}

const VIA_ORDER: Record<CoverageVia, number> = { DEPLOYED: 0, INHERITED: 1, PARTIAL: 2 };
const VIAS: readonly CoverageVia[] = ['DEPLOYED', 'INHERITED', 'PARTIAL'];
const NO_VIA = 3;
const STATUS_OF_BEST_VIA: readonly CoverageStatus[] = ['COVERED', 'COVERED', 'PARTIAL', 'NONE'];
const collator = new Intl.Collator('fr', { sensitivity: 'base' });

/**
 * Dispositifs deployed in the same places reach the same communes: each
 * distinct list of places is walked once, whatever the number of dispositifs
 * sharing it (most are deployed in the région, a département or an EPCI).
 */
interface Deployment {
  places: GridTerritory[];
  /** Positions (into `dispositifs`) of the dispositifs deployed there, by name. */
  members: number[];
}

/**
 * The classification of some cells, indexed: statuses and populations of
 * every cell at once, a cell's applications only when asked for (they are
 * what grows with cells × dispositifs).
 */
export interface CoverageClassification {
  cells: readonly GridTerritory[];
  statuses: readonly CoverageStatus[];
  coveredPopulations: Float64Array;
  /** Dispositifs applying to each cell. */
  dispositifCounts: Int32Array;
  /** How each dispositif applies to the cell at `position`, in `CellCoverage.applications` order. */
  applicationsOf(position: number): CellApplication[];
  /** Dispositifs applying to at least one cell, by name: how many cells and people each reaches. */
  applying: readonly { dispositif: string; cells: number; population: number }[];
}

/** Positions of the dispositifs by name (then id): the given ranks when every dispositif has one. */
function namedOrder(dispositifs: readonly DeployedDispositif[]): number[] {
  const ranked = dispositifs.every((dispositif) => dispositif.rank !== undefined);
  return dispositifs
    .map((_, position) => position)
    .sort((a, b) =>
      ranked
        ? dispositifs[a]!.rank! - dispositifs[b]!.rank!
        : collator.compare(dispositifs[a]!.name, dispositifs[b]!.name) ||
          collator.compare(dispositifs[a]!.id, dispositifs[b]!.id),
    );
}

/** Each dispositif's rank by name among these. */
function rankByName(dispositifs: readonly DeployedDispositif[]): Int32Array {
  const rank = new Int32Array(dispositifs.length);
  namedOrder(dispositifs).forEach((position, order) => (rank[position] = order));
  return rank;
}

/** Dispositifs grouped by the places they are deployed in, members by name; and each one's rank by name. */
function groupDeployments(grid: CoverageGrid, dispositifs: readonly DeployedDispositif[]) {
  // One order by name for the whole answer, none per cell.
  const byName = namedOrder(dispositifs);
  const rank = new Int32Array(dispositifs.length);
  byName.forEach((position, order) => (rank[position] = order));
  const deployments = new Map<string, Deployment>();
  for (const position of byName) {
    const places = dispositifs[position]!.territories.map((id) => grid.territories.get(id)).filter(
      (place): place is GridTerritory => place !== undefined,
    );
    const key = places.map((place) => place.id).join('\n');
    let deployment = deployments.get(key);
    if (!deployment) deployments.set(key, (deployment = { places, members: [] }));
    deployment.members.push(position);
  }
  return { deployments: [...deployments.values()], rank };
}

/**
 * The cells asked for, indexed once for any number of walks: which cells hold
 * each commune, the communes they hold as runs, and scratch arrays reused by
 * every walk (stamped, never cleared).
 */
export interface PreparedCells {
  grid: CoverageGrid;
  cells: readonly GridTerritory[];
  positionOf: ReadonlyMap<string, number>;
  /** Commune index → positions of the cells holding it, as offsets into `positions`. */
  offsets: Int32Array;
  positions: Int32Array;
  /** The communes of all the cells, as sorted disjoint runs: a walk visits nothing else. */
  scope: Int32Array;
  communeStamp: Int32Array;
  cellStamp: Int32Array;
  deployedStamp: Int32Array;
  hits: Int32Array;
  reachedPeople: Float64Array;
  touched: Int32Array;
  stamp: number;
  /** What each place reaches of these cells, computed once per place. */
  reaches: Map<string, PlaceReach>;
  /** Reaches added up by `accumulate`, numbered: each place's, and those of lists walked whole. */
  slots: PlaceReach[];
  placeSlots: Map<string, number>;
  /** Per list of places (a dispositif's `territories`, the same array from one request to the next). */
  reachings: WeakMap<readonly string[], Reaching>;
}

/** The cells one place reaches, by position (ascending, also as runs), how, and the people reached. */
interface PlaceReach {
  positions: Int32Array;
  vias: Uint8Array;
  people: Float64Array;
  runs: Int32Array;
  population: number;
}

/** Kept per grid: the levels and territories asked most (a few hundred KB each at national scale). */
const preparedCache = createGraphVersionCache<PreparedCells>({ maxEntries: 24 });

/**
 * The cells of a level within a territory, prepared and kept with the grid
 * (which belongs to one graph version), so that each place's reach is
 * computed once for every request that asks these cells.
 */
export function preparedCellsWithin(
  grid: CoverageGrid,
  level: TerritoryLevel,
  within: string,
): PreparedCells {
  return preparedCache.get(grid, 0, `${level} ${within}`, () =>
    prepareCells(grid, cellsWithin(grid, level, within)),
  );
}

export function prepareCells(grid: CoverageGrid, cells: readonly GridTerritory[]): PreparedCells {
  const size = grid.communes.length;
  const offsets = new Int32Array(size + 1);
  for (const cell of cells) for (const index of cell.communes) offsets[index + 1]! += 1;
  const inScope = new Int32Array(size);
  for (let i = 0; i < size; i += 1) {
    if (offsets[i + 1]! > 0) inScope[i] = 1;
    offsets[i + 1]! += offsets[i]!;
  }
  const positions = new Int32Array(offsets[size]!);
  const next = offsets.slice(0, size);
  cells.forEach((cell, position) => {
    for (const index of cell.communes) positions[next[index]!++] = position;
  });
  const scope: number[] = [];
  for (let i = 0; i < size; i += 1) {
    if (!inScope[i]) continue;
    if (scope.length > 0 && scope[scope.length - 1] === i) scope[scope.length - 1] = i + 1;
    else scope.push(i, i + 1);
  }
  return {
    grid,
    cells,
    positionOf: new Map(cells.map((cell, position) => [cell.id, position])),
    offsets,
    positions,
    scope: Int32Array.from(scope),
    communeStamp: new Int32Array(size),
    cellStamp: new Int32Array(cells.length),
    deployedStamp: new Int32Array(cells.length),
    hits: new Int32Array(cells.length),
    reachedPeople: new Float64Array(cells.length),
    touched: new Int32Array(cells.length),
    stamp: 0,
    reaches: new Map(),
    slots: [],
    placeSlots: new Map(),
    reachings: new WeakMap(),
  };
}

/** First run of `runs` (pairs) ending after `index`, by bisection. */
function firstRunAfter(runs: Int32Array, index: number): number {
  let low = 0;
  let high = runs.length / 2;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (runs[middle * 2 + 1]! <= index) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Walks one deployment over the prepared cells: every cell it touches, how
 * (a `VIA_ORDER` value) and the people it reaches there. Visits only the
 * communes of its places that lie in the cells. Returns how many cells were
 * touched.
 */
function walkDeployment(
  prepared: PreparedCells,
  places: readonly GridTerritory[],
  visit: (position: number, via: number, population: number) => void,
): number {
  const { offsets, positions, scope, communeStamp, cellStamp, deployedStamp, hits, reachedPeople, touched } =
    prepared;
  const people = prepared.grid.populations;
  const stamp = (prepared.stamp += 1);
  let count = 0;
  const touch = (position: number) => {
    if (cellStamp[position] === stamp) return;
    cellStamp[position] = stamp;
    hits[position] = 0;
    reachedPeople[position] = 0;
    touched[count++] = position;
  };
  for (const place of places) {
    const own = prepared.positionOf.get(place.id);
    if (own !== undefined) {
      touch(own);
      deployedStamp[own] = stamp;
    }
    const runs = place.runs;
    for (let r = 0; r < runs.length; r += 2) {
      const runStart = runs[r]!;
      const runEnd = runs[r + 1]!;
      // The part of this run inside the cells' scope, one scope run at a time.
      for (let s = firstRunAfter(scope, runStart) * 2; s < scope.length && scope[s]! < runEnd; s += 2) {
        const from = Math.max(runStart, scope[s]!);
        const to = Math.min(runEnd, scope[s + 1]!);
        for (let index = from; index < to; index += 1) {
          if (communeStamp[index] === stamp) continue;
          communeStamp[index] = stamp;
          const reached = people[index]!;
          for (let k = offsets[index]!; k < offsets[index + 1]!; k += 1) {
            const position = positions[k]!;
            touch(position);
            hits[position]! += 1;
            reachedPeople[position]! += reached;
          }
        }
      }
    }
  }
  const cells = prepared.cells;
  for (let i = 0; i < count; i += 1) {
    const position = touched[i]!;
    const cell = cells[position]!;
    const via =
      deployedStamp[position] === stamp
        ? VIA_ORDER.DEPLOYED
        : hits[position] === cell.communes.length
          ? VIA_ORDER.INHERITED
          : VIA_ORDER.PARTIAL;
    visit(
      position,
      via,
      via === VIA_ORDER.PARTIAL ? Math.min(cell.population, reachedPeople[position]!) : cell.population,
    );
  }
  return count;
}

/** Places of a deployment that share a commune with a cell, and whether each holds all of it. */
function overlapOf(grid: CoverageGrid, place: GridTerritory, cell: GridTerritory): number {
  if (place.id === cell.id) return cell.communes.length;
  let count = 0;
  for (const index of cell.communes) {
    const commune = grid.communes[index]!;
    if (commune.id === place.id || commune.containers.includes(place.id)) count += 1;
  }
  return count;
}

const NO_REACH: PlaceReach = {
  positions: new Int32Array(0),
  vias: new Uint8Array(0),
  people: new Float64Array(0),
  runs: new Int32Array(0),
  population: 0,
};

/** True when some run of `runs` meets the scope (sorted runs both). */
function meetsScope(prepared: PreparedCells, runs: Int32Array): boolean {
  const { scope } = prepared;
  for (let r = 0; r < runs.length; r += 2) {
    const s = firstRunAfter(scope, runs[r]!) * 2;
    if (s < scope.length && scope[s]! < runs[r + 1]!) return true;
  }
  return false;
}

function reachOf(prepared: PreparedCells, place: GridTerritory): PlaceReach {
  let reach = prepared.reaches.get(place.id);
  if (reach) return reach;
  if (!prepared.positionOf.has(place.id) && !meetsScope(prepared, place.runs)) {
    prepared.reaches.set(place.id, NO_REACH);
    return NO_REACH;
  }
  const found: [number, number, number][] = [];
  walkDeployment(prepared, [place], (position, via, people) => found.push([position, via, people]));
  reach = toReach(found);
  prepared.reaches.set(place.id, reach);
  return reach;
}

/** (position, via, people) entries as a reach, by position. */
function toReach(found: [number, number, number][]): PlaceReach {
  found.sort((a, b) => a[0] - b[0]);
  const positions = Int32Array.from(found, (entry) => entry[0]);
  return {
    positions,
    vias: Uint8Array.from(found, (entry) => entry[1]),
    people: Float64Array.from(found, (entry) => entry[2]),
    runs: toRuns(positions),
    population: found.reduce((sum, entry) => sum + entry[2], 0),
  };
}

/** True when two sorted run lists share an index. */
function runsMeet(a: Int32Array, b: Int32Array): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i + 1]! <= b[j]!) i += 2;
    else if (b[j + 1]! <= a[i]!) j += 2;
    else return true;
  }
  return false;
}

/** True when every index of run list `inner` lies in run list `outer`. */
function runsWithin(inner: Int32Array, outer: Int32Array): boolean {
  let j = 0;
  for (let i = 0; i < inner.length; i += 2) {
    while (j < outer.length && outer[j + 1]! <= inner[i]!) j += 2;
    if (j >= outer.length || outer[j]! > inner[i]! || outer[j + 1]! < inner[i + 1]!) return false;
  }
  return true;
}

/**
 * A deployment's places without those whose communes another of its places
 * holds (a département beside its région): they reach nothing more, except
 * their own cell, which they make DEPLOYED (`deployedCells`).
 */
function outermostPlaces(prepared: PreparedCells, places: readonly GridTerritory[]) {
  const kept: GridTerritory[] = [];
  const deployedCells: number[] = [];
  places.forEach((place, i) => {
    const inside = places.some(
      (other, j) =>
        j !== i &&
        other.runs.length > 0 &&
        runsWithin(place.runs, other.runs) &&
        // Of two places holding the same communes, the first stays.
        (j < i || !runsWithin(other.runs, place.runs)),
    );
    if (!inside || place.runs.length === 0) {
      kept.push(place);
      return;
    }
    const own = prepared.positionOf.get(place.id);
    if (own !== undefined) deployedCells.push(own);
  });
  return { kept, deployedCells };
}

/** Past this many places, a deployment is walked rather than tested pair by pair. */
const MAX_PAIRED_PLACES = 16;

/** True when no cell is reached by two of the places: the deployment is then the sum of its places. */
function reachesApart(prepared: PreparedCells, places: readonly GridTerritory[]): boolean {
  if (places.length === 1) return true;
  if (places.length > MAX_PAIRED_PLACES) return false;
  const runs = places.map((place) => reachOf(prepared, place).runs);
  for (let i = 0; i < runs.length; i += 1)
    for (let j = i + 1; j < runs.length; j += 1) if (runsMeet(runs[i]!, runs[j]!)) return false;
  return true;
}

/** What one list of places reaches of the prepared cells, worked out once per list. */
interface Reaching {
  places: GridTerritory[];
  /** Reaches (slots into `PreparedCells.slots`) that add up to the list's: cells apart from each other. */
  slots: number[];
  /** Cells made DEPLOYED by a place inside another of the list. */
  deployedCells: number[];
  cells: number;
  population: number;
}

function slotOf(prepared: PreparedCells, reach: PlaceReach): number {
  prepared.slots.push(reach);
  return prepared.slots.length - 1;
}

function placeSlot(prepared: PreparedCells, place: GridTerritory): number {
  let slot = prepared.placeSlots.get(place.id);
  if (slot === undefined)
    prepared.placeSlots.set(place.id, (slot = slotOf(prepared, reachOf(prepared, place))));
  return slot;
}

/**
 * A list of places as reaches to add up: its outermost places when they reach
 * cells apart (nearly always: a région, or an EPCI and a commune elsewhere),
 * else the list walked commune by commune as one reach of its own.
 */
function reachingOf(prepared: PreparedCells, territories: readonly string[]): Reaching {
  let found = prepared.reachings.get(territories);
  if (found) return found;
  const places = territories
    .map((id) => prepared.grid.territories.get(id))
    .filter((place): place is GridTerritory => place !== undefined);
  const { kept, deployedCells } =
    places.length > 1 && places.length <= MAX_PAIRED_PLACES
      ? outermostPlaces(prepared, places)
      : { kept: places, deployedCells: [] };
  let slots: number[];
  let deployed = deployedCells;
  if (reachesApart(prepared, kept)) {
    slots = kept.map((place) => placeSlot(prepared, place));
  } else {
    // Keyed by the places, not the list: prepared cells outlive graph versions, whose lists are new arrays.
    const key = `list ${places.map((place) => place.id).join(' ')}`;
    let slot = prepared.placeSlots.get(key);
    if (slot === undefined) {
      const entries: [number, number, number][] = [];
      walkDeployment(prepared, places, (position, via, people) => entries.push([position, via, people]));
      prepared.placeSlots.set(key, (slot = slotOf(prepared, toReach(entries))));
    }
    slots = [slot];
    deployed = [];
  }
  slots = slots.filter((slot) => prepared.slots[slot]!.positions.length > 0);
  found = {
    places,
    slots,
    deployedCells: deployed,
    cells: slots.reduce((sum, slot) => sum + prepared.slots[slot]!.positions.length, 0),
    population: slots.reduce((sum, slot) => sum + prepared.slots[slot]!.population, 0),
  };
  prepared.reachings.set(territories, found);
  return found;
}

/**
 * Best way and number of dispositifs reaching each cell: each dispositif adds
 * one to the reaches of its places (worked out once per list of places and
 * kept with the prepared cells), then each reach is applied once with its
 * weight. The cost grows with the dispositifs and the distinct places' cells,
 * not with dispositifs × cells.
 */
function accumulate(
  prepared: PreparedCells,
  dispositifs: readonly DeployedDispositif[],
  onDispositif?: (position: number, reaching: Reaching) => void,
): { bestVia: Uint8Array; counts: Int32Array } {
  const cellCount = prepared.cells.length;
  const bestVia = new Uint8Array(cellCount).fill(NO_VIA);
  const counts = new Int32Array(cellCount);
  const reachings = dispositifs.map((dispositif) => reachingOf(prepared, dispositif.territories));
  const weights = new Int32Array(prepared.slots.length);
  reachings.forEach((reaching, position) => {
    if (reaching.cells === 0) return;
    for (const slot of reaching.slots) weights[slot]! += 1;
    for (const cell of reaching.deployedCells) bestVia[cell] = VIA_ORDER.DEPLOYED;
    onDispositif?.(position, reaching);
  });
  weights.forEach((weight, slot) => {
    if (weight === 0) return;
    const { positions, vias } = prepared.slots[slot]!;
    for (let i = 0; i < positions.length; i += 1) {
      const position = positions[i]!;
      counts[position]! += weight;
      if (vias[i]! < bestVia[position]!) bestVia[position] = vias[i]!;
    }
  });
  return { bestVia, counts };
}

/**
 * How many of the given dispositifs reach each prepared cell (the dispositifs
 * applying to it): the light walk what-if questions repeat per organisation.
 */
export function countDispositifsReaching(
  prepared: PreparedCells,
  dispositifs: readonly DeployedDispositif[],
): Int32Array {
  return accumulate(prepared, dispositifs).counts;
}

/**
 * The prepared cells that `dropped` reach and nothing else does (`asIsCounts`:
 * how many dispositifs reach each cell with `dropped` among them), in the
 * cells' order, each with the dropped dispositifs reaching it (deployed there
 * first, then inherited, then partial; by name within each).
 */
export function cellsReachedOnlyBy(
  prepared: PreparedCells,
  asIsCounts: Int32Array,
  dropped: readonly DeployedDispositif[],
): { position: number; dispositifs: string[] }[] {
  if (dropped.length === 0) return [];
  const rank = rankByName(dropped);
  const counts = new Int32Array(prepared.cells.length);
  const reaching: { position: number; via: number; member: number }[] = [];
  dropped.forEach((dispositif, member) => {
    const { slots, deployedCells } = reachingOf(prepared, dispositif.territories);
    for (const slot of slots) {
      const { positions, vias } = prepared.slots[slot]!;
      positions.forEach((position, i) => {
        counts[position]! += 1;
        reaching.push({
          position,
          via: deployedCells.includes(position) ? VIA_ORDER.DEPLOYED : vias[i]!,
          member,
        });
      });
    }
  });
  const lost = new Map<number, { via: number; rank: number; id: string }[]>();
  for (const { position, via, member } of reaching) {
    if (counts[position] !== asIsCounts[position]) continue;
    let list = lost.get(position);
    if (!list) lost.set(position, (list = []));
    list.push({ via, rank: rank[member]!, id: dropped[member]!.id });
  }
  return [...lost]
    .sort((a, b) => a[0] - b[0])
    .map(([position, list]) => ({
      position,
      dispositifs: list.sort((a, b) => a.via - b.via || a.rank - b.rank).map((entry) => entry.id),
    }));
}

/** Classifies cells against the matching dispositifs, in time growing with deployments and the cells' communes. */
export function indexCoverage(
  grid: CoverageGrid,
  cells: readonly GridTerritory[],
  dispositifs: readonly DeployedDispositif[],
  prepared: PreparedCells = prepareCells(grid, cells),
): CoverageClassification {
  const cellCount = cells.length;
  const rank = rankByName(dispositifs);

  const applying: { dispositif: string; cells: number; population: number; rank: number }[] = [];
  const places = new Set<string>();
  const { bestVia, counts: dispositifCounts } = accumulate(prepared, dispositifs, (member, reaching) => {
    for (const place of reaching.places) places.add(place.id);
    applying.push({
      dispositif: dispositifs[member]!.id,
      cells: reaching.cells,
      population: reaching.population,
      rank: rank[member]!,
    });
  });
  applying.sort((a, b) => a.rank - b.rank);
  // Grouped only when some cell's applications are asked.
  let grouped: ReturnType<typeof groupDeployments> | null = null;
  // A commune is reached when it, or a territory holding it, is a place of some deployment.
  const isReached = (index: number) => {
    const commune = grid.communes[index]!;
    return places.has(commune.id) || commune.containers.some((id) => places.has(id));
  };

  const statuses = [...bestVia].map((via) => STATUS_OF_BEST_VIA[via]!);
  const coveredPopulations = new Float64Array(cellCount);
  cells.forEach((cell, position) => {
    const status = statuses[position];
    if (status === 'COVERED') coveredPopulations[position] = cell.population;
    else if (status === 'PARTIAL') {
      let people = 0;
      for (const index of cell.communes) if (isReached(index)) people += grid.populations[index]!;
      coveredPopulations[position] = Math.min(cell.population, people);
    }
  });

  // Per cell (deployment, via, people) triples, gathered by a second walk the first time a cell's applications are asked.
  let byCell: { offsets: Int32Array; deployment: Int32Array; via: Uint8Array; people: Float64Array } | null =
    null;
  const gatherByCell = () => {
    const { deployments } = (grouped ??= groupDeployments(grid, dispositifs));
    const counts = new Int32Array(cellCount + 1);
    const entries: number[] = [];
    const entryVia: number[] = [];
    const entryPeople: number[] = [];
    const entryCell: number[] = [];
    deployments.forEach((deployment, number) => {
      walkDeployment(prepared, deployment.places, (position, via, people) => {
        counts[position + 1]! += 1;
        entries.push(number);
        entryVia.push(via);
        entryPeople.push(people);
        entryCell.push(position);
      });
    });
    for (let i = 0; i < cellCount; i += 1) counts[i + 1]! += counts[i]!;
    const next = counts.slice(0, cellCount);
    const deployment = new Int32Array(entries.length);
    const via = new Uint8Array(entries.length);
    const people = new Float64Array(entries.length);
    entries.forEach((number, i) => {
      const at = next[entryCell[i]!]!++;
      deployment[at] = number;
      via[at] = entryVia[i]!;
      people[at] = entryPeople[i]!;
    });
    return { offsets: counts, deployment, via, people };
  };

  const applicationsOf = (position: number): CellApplication[] => {
    byCell ??= gatherByCell();
    const { deployments } = grouped!;
    const cell = cells[position]!;
    const total = cell.communes.length;
    const found: CellApplication[] = [];
    const ranks: number[] = [];
    for (let at = byCell.offsets[position]!; at < byCell.offsets[position + 1]!; at += 1) {
      const deployment = deployments[byCell.deployment[at]!]!;
      const via = VIAS[byCell.via[at]!]!;
      let through: string[];
      if (via === 'DEPLOYED') through = [cell.id];
      else {
        const overlaps = deployment.places.map((place) => overlapOf(grid, place, cell));
        const overlapping = deployment.places.filter((_, i) => overlaps[i]! > 0);
        const containing =
          via === 'INHERITED' ? deployment.places.filter((_, i) => overlaps[i] === total) : [];
        // Covered by one containing territory, or only by several deployments together.
        through = (containing.length > 0 ? containing : overlapping).map((place) => place.id);
      }
      const population = byCell.people[at]!;
      for (const member of deployment.members) {
        found.push({ dispositif: dispositifs[member]!.id, via, through, population });
        ranks.push(rank[member]!);
      }
    }
    return found
      .map((_, i) => i)
      .sort((a, b) => VIA_ORDER[found[a]!.via] - VIA_ORDER[found[b]!.via] || ranks[a]! - ranks[b]!)
      .map((i) => found[i]!);
  };

  return {
    cells,
    statuses,
    coveredPopulations,
    dispositifCounts,
    applicationsOf,
    applying: applying.map(({ rank: _rank, ...entry }) => entry),
  };
}

/** Classifies each cell against the matching dispositifs, every cell's applications included. */
export function classifyCoverage(
  grid: CoverageGrid,
  cells: readonly GridTerritory[],
  dispositifs: readonly DeployedDispositif[],
): CellCoverage[] {
  const index = indexCoverage(grid, cells, dispositifs);
  return cells.map((cell, position) => ({
    territory: cell.id,
    status: index.statuses[position]!,
    population: cell.population,
    coveredPopulation: index.coveredPopulations[position]!,
    applications: index.applicationsOf(position),
  }));
}

export interface CoverageTally {
  cells: number;
  population: number;
}

export interface CoverageSummary {
  cells: number;
  population: number;
  /** People living in a commune some matching dispositif reaches (the partial cells' share included). */
  coveredPopulation: number;
  covered: CoverageTally;
  partial: CoverageTally;
  none: CoverageTally;
  /** Distinct dispositifs applying to at least one cell. */
  dispositifs: number;
}

/** Counts of cells and the people living in them, per status. */
export function summariseCoverage(cells: readonly CellCoverage[]): CoverageSummary {
  const tally = (status: CoverageStatus): CoverageTally => {
    const matching = cells.filter((cell) => cell.status === status);
    return { cells: matching.length, population: matching.reduce((sum, cell) => sum + cell.population, 0) };
  };
  return {
    cells: cells.length,
    population: cells.reduce((sum, cell) => sum + cell.population, 0),
    coveredPopulation: cells.reduce((sum, cell) => sum + cell.coveredPopulation, 0),
    covered: tally('COVERED'),
    partial: tally('PARTIAL'),
    none: tally('NONE'),
    dispositifs: new Set(cells.flatMap((cell) => cell.applications.map((a) => a.dispositif))).size,
  };
}

export interface CoverageChange {
  territory: string;
  before: CoverageStatus;
  after: CoverageStatus;
  /** Dispositifs applying on the left and no longer on the right. */
  lost: string[];
  gained: string[];
  population: number;
}

/** Cells whose status differs between two classifications of the same cells. */
export function compareCoverage(
  left: readonly CellCoverage[],
  right: readonly CellCoverage[],
): CoverageChange[] {
  const rightById = new Map(right.map((cell) => [cell.territory, cell]));
  const changes: CoverageChange[] = [];
  for (const before of left) {
    const after = rightById.get(before.territory);
    if (!after || after.status === before.status) continue;
    const beforeIds = new Set(before.applications.map((a) => a.dispositif));
    const afterIds = new Set(after.applications.map((a) => a.dispositif));
    changes.push({
      territory: before.territory,
      before: before.status,
      after: after.status,
      lost: [...beforeIds].filter((id) => !afterIds.has(id)),
      gained: [...afterIds].filter((id) => !beforeIds.has(id)),
      population: before.population,
    });
  }
  return changes;
}
