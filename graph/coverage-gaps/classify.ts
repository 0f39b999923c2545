/**
 * Coverage classification (DOMAIN.md §5), pure: given the grid, the cells asked
 * for and the matching dispositifs with the territories they are DEPLOYED_IN,
 * says for every cell how each dispositif applies and what status follows.
 */
import type { CoverageGrid, GridTerritory } from './grid.js';

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

function countIn(bits: Uint8Array, indices: Int32Array): number {
  let count = 0;
  for (let i = 0; i < indices.length; i += 1) count += bits[indices[i]!]!;
  return count;
}

function populationIn(grid: CoverageGrid, bits: Uint8Array, indices: Int32Array): number {
  let population = 0;
  for (let i = 0; i < indices.length; i += 1) {
    const index = indices[i]!;
    if (bits[index]) population += grid.communes[index]!.population;
  }
  return population;
}

/**
 * Dispositifs deployed in the same places reach the same communes: each
 * distinct list of places is walked once, whatever the number of dispositifs
 * sharing it (most are deployed in the région, a département or an EPCI).
 */
interface Deployment {
  places: GridTerritory[];
  /** Positions (into `dispositifs`) of the dispositifs deployed there, by name. */
  members: number[];
  /** The cells it touches (positions into `cells`), how, and how many people it reaches there. */
  cells: Int32Array;
  vias: Uint8Array;
  populations: Float64Array;
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

/** A place's bitset over the grid's communes, computed once per classification. */
function placeBitsets(size: number) {
  const bits = new Map<string, Uint8Array>();
  return (place: GridTerritory) => {
    let found = bits.get(place.id);
    if (!found) {
      found = new Uint8Array(size);
      for (const index of place.communes) found[index] = 1;
      bits.set(place.id, found);
    }
    return found;
  };
}

/** Commune index → positions of the cells holding it, as offsets into one array (a commune lies in several bassins). */
function cellsByCommune(size: number, cells: readonly GridTerritory[]) {
  const offsets = new Int32Array(size + 1);
  for (const cell of cells) for (const index of cell.communes) offsets[index + 1]! += 1;
  for (let i = 0; i < size; i += 1) offsets[i + 1]! += offsets[i]!;
  const positions = new Int32Array(offsets[size]!);
  const next = offsets.slice(0, size);
  cells.forEach((cell, position) => {
    for (const index of cell.communes) positions[next[index]!++] = position;
  });
  return { offsets, positions };
}

/** Dispositifs grouped by the places they are deployed in, members by name; and each one's rank by name. */
function groupDeployments(grid: CoverageGrid, dispositifs: readonly DeployedDispositif[]) {
  // One sort by name for the whole answer, none per cell.
  const byName = dispositifs
    .map((_, position) => position)
    .sort(
      (a, b) =>
        collator.compare(dispositifs[a]!.name, dispositifs[b]!.name) ||
        collator.compare(dispositifs[a]!.id, dispositifs[b]!.id),
    );
  const rank = new Int32Array(dispositifs.length);
  byName.forEach((position, order) => (rank[position] = order));
  const deployments = new Map<string, Deployment>();
  for (const position of byName) {
    const places = dispositifs[position]!.territories.map((id) => grid.territories.get(id)).filter(
      (place): place is GridTerritory => place !== undefined,
    );
    const key = places.map((place) => place.id).join('\n');
    let deployment = deployments.get(key);
    if (!deployment) {
      deployment = {
        places,
        members: [],
        cells: new Int32Array(0),
        vias: new Uint8Array(0),
        populations: new Float64Array(0),
      };
      deployments.set(key, deployment);
    }
    deployment.members.push(position);
  }
  return { deployments: [...deployments.values()], rank };
}

/** Classifies cells against the matching dispositifs, in time growing with deployments and cells. */
export function indexCoverage(
  grid: CoverageGrid,
  cells: readonly GridTerritory[],
  dispositifs: readonly DeployedDispositif[],
): CoverageClassification {
  const size = grid.communes.length;
  const cellCount = cells.length;
  const positionOf = new Map(cells.map((cell, position) => [cell.id, position]));
  const { offsets, positions } = cellsByCommune(size, cells);
  const { deployments, rank } = groupDeployments(grid, dispositifs);

  const reached = new Uint8Array(size);
  const communeStamp = new Int32Array(size);
  const cellStamp = new Int32Array(cellCount);
  const hits = new Int32Array(cellCount);
  const reachedPeople = new Float64Array(cellCount);
  const bestVia = new Uint8Array(cellCount).fill(NO_VIA);
  const dispositifCounts = new Int32Array(cellCount);
  // Per cell, pairs of (deployment number, the cell's place in that deployment's lists).
  const deploymentsOfCell: number[][] = cells.map(() => []);
  deployments.forEach((deployment, number) => {
    const stamp = number + 1;
    const touched: number[] = [];
    const touch = (position: number) => {
      if (cellStamp[position] === stamp) return;
      cellStamp[position] = stamp;
      hits[position] = 0;
      reachedPeople[position] = 0;
      touched.push(position);
    };
    const deployedIn = new Set<number>();
    for (const place of deployment.places) {
      const own = positionOf.get(place.id);
      if (own !== undefined) {
        deployedIn.add(own);
        touch(own);
      }
      for (const index of place.communes) {
        if (communeStamp[index] === stamp) continue;
        communeStamp[index] = stamp;
        reached[index] = 1;
        const people = grid.communes[index]!.population;
        for (let k = offsets[index]!; k < offsets[index + 1]!; k += 1) {
          const position = positions[k]!;
          touch(position);
          hits[position]! += 1;
          reachedPeople[position]! += people;
        }
      }
    }
    deployment.cells = Int32Array.from(touched);
    deployment.vias = new Uint8Array(touched.length);
    deployment.populations = new Float64Array(touched.length);
    touched.forEach((position, i) => {
      const cell = cells[position]!;
      const via = deployedIn.has(position)
        ? VIA_ORDER.DEPLOYED
        : hits[position] === cell.communes.length
          ? VIA_ORDER.INHERITED
          : VIA_ORDER.PARTIAL;
      deployment.vias[i] = via;
      deployment.populations[i] =
        via === VIA_ORDER.PARTIAL ? Math.min(cell.population, reachedPeople[position]!) : cell.population;
      if (via < bestVia[position]!) bestVia[position] = via;
      dispositifCounts[position]! += deployment.members.length;
      deploymentsOfCell[position]!.push(number, i);
    });
  });

  const statuses = [...bestVia].map((via) => STATUS_OF_BEST_VIA[via]!);
  const coveredPopulations = new Float64Array(cellCount);
  cells.forEach((cell, position) => {
    const status = statuses[position];
    if (status === 'COVERED') coveredPopulations[position] = cell.population;
    else if (status === 'PARTIAL')
      coveredPopulations[position] = Math.min(cell.population, populationIn(grid, reached, cell.communes));
  });

  const applying: { dispositif: string; cells: number; population: number; rank: number }[] = [];
  for (const deployment of deployments) {
    if (deployment.cells.length === 0) continue;
    const population = deployment.populations.reduce((sum, people) => sum + people, 0);
    for (const member of deployment.members) {
      applying.push({
        dispositif: dispositifs[member]!.id,
        cells: deployment.cells.length,
        population,
        rank: rank[member]!,
      });
    }
  }
  applying.sort((a, b) => a.rank - b.rank);

  const bitsOf = placeBitsets(size);
  const applicationsOf = (position: number): CellApplication[] => {
    const cell = cells[position]!;
    const total = cell.communes.length;
    const found: CellApplication[] = [];
    const ranks: number[] = [];
    const pairs = deploymentsOfCell[position]!;
    for (let p = 0; p < pairs.length; p += 2) {
      const deployment = deployments[pairs[p]!]!;
      const at = pairs[p + 1]!;
      const via = VIAS[deployment.vias[at]!]!;
      let through: string[];
      if (via === 'DEPLOYED') through = [cell.id];
      else {
        const overlapping = deployment.places.filter((place) => countIn(bitsOf(place), cell.communes) > 0);
        const containing =
          via === 'INHERITED'
            ? overlapping.filter((place) => countIn(bitsOf(place), cell.communes) === total)
            : [];
        // Covered by one containing territory, or only by several deployments together.
        through = (containing.length > 0 ? containing : overlapping).map((place) => place.id);
      }
      const population = deployment.populations[at]!;
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
