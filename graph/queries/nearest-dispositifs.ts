/**
 * "What could be extended here": for a territory no matching dispositif reaches,
 * the matching dispositifs deployed nearest to it, by distance through the grid
 * (same EPCI, same département, a neighbouring département).
 */
import type { CoverageGrid, GridTerritory } from '../coverage-gaps/grid.js';
import type { Db } from '../driver.js';
import {
  findCoverageDispositifs,
  withDispositifRows,
  type CoverageDispositifRow,
  type CoverageIndex,
} from './coverage.js';
import { toDispositifFilterParams, type DispositifFilter } from './dispositif-filter.js';
import type { NodeRow } from './rows.js';

/** Nearest first. */
export const NEARBY_RINGS = ['SAME_EPCI', 'SAME_DEPARTEMENT', 'ADJACENT_DEPARTEMENT'] as const;
export type NearbyRing = (typeof NEARBY_RINGS)[number];

/**
 * Départements of Nouvelle-Aquitaine and those of the région they border (INSEE
 * codes): the grid holds containment, not contiguity. A département missing here
 * (a grid widened to France) has no neighbours ring.
 */
const NEIGHBOURING_DEPARTEMENTS: Readonly<Record<string, readonly string[]>> = {
  '16': ['17', '24', '79', '86', '87'],
  '17': ['16', '24', '33', '79'],
  '19': ['23', '24', '87'],
  '23': ['19', '87'],
  '24': ['16', '17', '19', '33', '47', '87'],
  '33': ['17', '24', '40', '47'],
  '40': ['33', '47', '64'],
  '47': ['24', '33', '40'],
  '64': ['40'],
  '79': ['16', '17', '86'],
  '86': ['16', '79', '87'],
  '87': ['16', '19', '23', '24', '86'],
};

export interface NearbyPlaces {
  ring: NearbyRing;
  /** Where a dispositif deployed puts it in this ring: the ring's territories and every territory inside them. */
  places: ReadonlySet<string>;
}

const levelIs = (grid: CoverageGrid, level: GridTerritory['level']) => (id: string) =>
  grid.territories.get(id)?.level === level;

/** The rings around a territory, nearest first, each without the places of a nearer one (pure). */
export function nearbyPlaces(grid: CoverageGrid, territoryId: string): NearbyPlaces[] {
  const target = grid.territories.get(territoryId);
  if (!target) return [];
  const epcis =
    target.level === 'COMMUNE' ? target.containers.filter(levelIs(grid, 'EPCI')) : ([] as string[]);
  const departements =
    target.level === 'DEPARTEMENT' ? [target.id] : target.containers.filter(levelIs(grid, 'DEPARTEMENT'));
  const codes = departements.map((id) => grid.territories.get(id)?.code ?? '');
  const neighbours = [...grid.territories.values()]
    .filter(
      (t) =>
        t.level === 'DEPARTEMENT' &&
        !departements.includes(t.id) &&
        codes.some((code) => NEIGHBOURING_DEPARTEMENTS[code]?.includes(t.code)),
    )
    .map((t) => t.id);
  // A ring holds its territories and what lies inside them; the target and what holds it are out.
  const excluded = new Set([target.id, ...target.containers]);
  const ringOf = (roots: readonly string[]) => {
    const places = new Set(roots.filter((id) => !excluded.has(id)));
    for (const territory of grid.territories.values())
      if (!excluded.has(territory.id) && territory.containers.some((id) => roots.includes(id)))
        places.add(territory.id);
    return places;
  };
  const rings: NearbyPlaces[] = [];
  const taken = new Set<string>();
  for (const [ring, roots] of [
    ['SAME_EPCI', epcis],
    ['SAME_DEPARTEMENT', target.level === 'DEPARTEMENT' ? [] : departements],
    ['ADJACENT_DEPARTEMENT', neighbours],
  ] as const) {
    const places = new Set([...ringOf(roots)].filter((id) => !taken.has(id)));
    for (const id of places) taken.add(id);
    if (places.size > 0) rings.push({ ring, places });
  }
  return rings;
}

export interface NearbyDispositifRow {
  dispositif: NodeRow;
  ring: NearbyRing;
  /** Its deployments in that ring, by name. */
  deployedIn: NodeRow[];
}

/**
 * The dispositifs the coverage filter selects (the one rule of
 * dispositif-filter.ts, through the coverage engine's query) that are deployed
 * in a ring around the territory, each
 * in its nearest ring, nearest first, then by name.
 */
export async function findNearestDispositifs(
  db: Db,
  index: CoverageIndex,
  params: { territory: string; filter: Omit<DispositifFilter, 'territory'>; first: number },
): Promise<NearbyDispositifRow[]> {
  const rings = nearbyPlaces(index.grid, params.territory);
  if (rings.length === 0) return [];
  // The coverage engine's own query: every dispositif the filter selects, with where it is deployed.
  const rows = await findCoverageDispositifs(
    db,
    index,
    toDispositifFilterParams({ ...params.filter, territory: null }, index),
  );
  const nameOf = (id: string) => index.grid.territories.get(id)?.name ?? id;
  const found: (Omit<NearbyDispositifRow, 'dispositif'> & {
    dispositif: CoverageDispositifRow;
    order: number;
    name: string;
  })[] = [];
  for (const row of rows) {
    const order = rings.findIndex((ring) => row.territories.some((id) => ring.places.has(id)));
    const ring = rings[order];
    if (!ring) continue;
    const deployedIn = row.territories
      .filter((id) => ring.places.has(id))
      .sort((a, b) => nameOf(a).localeCompare(nameOf(b), 'fr'))
      .flatMap((id) => {
        const territory = index.grid.territories.get(id);
        return territory ? [territory.row] : [];
      });
    found.push({ dispositif: row, ring: ring.ring, deployedIn, order, name: row.name });
  }
  const nearest = found
    .sort(
      (a, b) =>
        a.order - b.order ||
        a.name.localeCompare(b.name, 'fr') ||
        a.dispositif.id.localeCompare(b.dispositif.id),
    )
    .slice(0, params.first);
  // The rows of those listed only (a national index holds no properties).
  return withDispositifRows(
    db,
    index,
    nearest.map(({ dispositif, ring, deployedIn }) => ({ dispositif, ring, deployedIn })),
  );
}
