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
const collator = new Intl.Collator('fr', { sensitivity: 'base' });

/** A dispositif's reach as a bitset over the grid's communes. */
interface Reach {
  dispositif: DeployedDispositif;
  deployedIn: Set<string>;
  communes: Uint8Array;
  /** Deployment territories known to the grid. */
  places: GridTerritory[];
}

function bitsetOf(size: number, indices: Iterable<number>): Uint8Array {
  const bits = new Uint8Array(size);
  for (const index of indices) bits[index] = 1;
  return bits;
}

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

/** Classifies each cell against the matching dispositifs. */
export function classifyCoverage(
  grid: CoverageGrid,
  cells: readonly GridTerritory[],
  dispositifs: readonly DeployedDispositif[],
): CellCoverage[] {
  const size = grid.communes.length;
  const placeBits = new Map<string, Uint8Array>();
  const bitsOfPlace = (place: GridTerritory) => {
    let bits = placeBits.get(place.id);
    if (!bits) placeBits.set(place.id, (bits = bitsetOf(size, place.communes)));
    return bits;
  };
  const reaches: Reach[] = dispositifs.map((dispositif) => {
    const places = dispositif.territories
      .map((id) => grid.territories.get(id))
      .filter((place): place is GridTerritory => place !== undefined);
    return {
      dispositif,
      deployedIn: new Set(dispositif.territories),
      communes: bitsetOf(
        size,
        places.flatMap((place) => [...place.communes]),
      ),
      places,
    };
  });
  const names = new Map(dispositifs.map((d) => [d.id, d.name]));
  const reached = new Uint8Array(size);
  for (const reach of reaches) for (let i = 0; i < size; i += 1) reached[i]! |= reach.communes[i]!;

  return cells.map((cell) => {
    const applications: CellApplication[] = [];
    const total = cell.communes.length;
    for (const reach of reaches) {
      if (reach.deployedIn.has(cell.id)) {
        applications.push({
          dispositif: reach.dispositif.id,
          via: 'DEPLOYED',
          through: [cell.id],
          population: cell.population,
        });
        continue;
      }
      const hits = countIn(reach.communes, cell.communes);
      if (hits === 0) continue;
      const overlapping = reach.places.filter((place) => countIn(bitsOfPlace(place), cell.communes) > 0);
      if (hits === total) {
        const containing = overlapping.filter(
          (place) => countIn(bitsOfPlace(place), cell.communes) === total,
        );
        applications.push({
          dispositif: reach.dispositif.id,
          via: 'INHERITED',
          // Covered by one containing territory, or only by several deployments together.
          through: (containing.length > 0 ? containing : overlapping).map((place) => place.id),
          population: cell.population,
        });
      } else {
        applications.push({
          dispositif: reach.dispositif.id,
          via: 'PARTIAL',
          through: overlapping.map((place) => place.id),
          population: Math.min(cell.population, populationIn(grid, reach.communes, cell.communes)),
        });
      }
    }
    applications.sort(
      (a, b) =>
        VIA_ORDER[a.via] - VIA_ORDER[b.via] ||
        collator.compare(names.get(a.dispositif) ?? '', names.get(b.dispositif) ?? '') ||
        collator.compare(a.dispositif, b.dispositif),
    );
    const status: CoverageStatus = applications.some((a) => a.via !== 'PARTIAL')
      ? 'COVERED'
      : applications.length > 0
        ? 'PARTIAL'
        : 'NONE';
    const coveredPopulation =
      status === 'COVERED'
        ? cell.population
        : status === 'PARTIAL'
          ? Math.min(cell.population, populationIn(grid, reached, cell.communes))
          : 0;
    return { territory: cell.id, status, population: cell.population, coveredPopulation, applications };
  });
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
