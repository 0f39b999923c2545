/**
 * The offer as a person sees it: the dispositifs someone living in a commune
 * may turn to, by the coverage rule (deployed in the commune or in a territory
 * holding it), nearest first.
 */
import type { CoverageIndex } from '../queries/coverage.js';
import {
  findCoverageDispositifs,
  withDispositifRows,
  type CoverageDispositifRow,
} from '../queries/coverage.js';
import { toDispositifFilterParams } from '../queries/dispositif-filter.js';
import type { NodeRow } from '../queries/rows.js';
import type { Db } from '../driver.js';
import { placesReaching, type GridTerritory } from './grid.js';
import { runningFilter } from './what-if.js';

/**
 * How far a deployment is from the commune: 0 the commune itself, 1 its EPCI
 * or a bassin, 2 the département, 3 the région, 4 France (`pays:fr`, national grid).
 */
const DISTANCE_OF_LEVEL: Readonly<Record<string, number>> = {
  COMMUNE: 0,
  EPCI: 1,
  BASSIN: 1,
  DEPARTEMENT: 2,
  REGION: 3,
  PAYS: 4,
};
const FARTHEST = 5;

export const distanceOf = (place: GridTerritory): number =>
  DISTANCE_OF_LEVEL[String(place.row.props.level)] ?? FARTHEST;

export interface OfferRequest {
  commune: string;
  theme: string | null;
  public: string | null;
  activeOn: string | null;
}

export interface OfferItemRow {
  dispositif: NodeRow;
  distance: number;
  /** The deployment territories that reach the commune, nearest first. */
  through: NodeRow[];
}

/** A problem with the commune argument, or null. */
export function checkOfferCommune(index: CoverageIndex, commune: string): string | null {
  const territory = index.grid.territories.get(commune);
  if (!territory) return `Unknown territory "${commune}".`;
  if (territory.level !== 'COMMUNE') return `"${commune}" is not a commune.`;
  return null;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base' });

/** The offer for the request (checked), nearest first, then by name. */
export async function readOfferFor(
  db: Db,
  index: CoverageIndex,
  request: OfferRequest,
): Promise<OfferItemRow[]> {
  const filter = runningFilter({
    themes: request.theme ? [request.theme] : null,
    publics: request.public ? [request.public] : null,
    activeOn: request.activeOn,
  });
  const rows = await findCoverageDispositifs(
    db,
    index,
    toDispositifFilterParams({ ...filter, territory: request.commune }, index),
  );
  const reaching = new Set(placesReaching(index.grid, request.commune) ?? []);
  const items: (Omit<OfferItemRow, 'dispositif'> & { dispositif: CoverageDispositifRow })[] = [];
  for (const row of rows) {
    const through = row.territories
      .filter((id) => reaching.has(id))
      .map((id) => index.grid.territories.get(id)!)
      .sort((a, b) => distanceOf(a) - distanceOf(b) || collator.compare(a.name, b.name));
    if (through.length === 0) continue;
    items.push({
      dispositif: row,
      distance: distanceOf(through[0]!),
      through: through.map((t) => t.row),
    });
  }
  items.sort((a, b) => a.distance - b.distance || collator.compare(a.dispositif.name, b.dispositif.name));
  // The rows of what the offer lists only (a national index holds no properties).
  return withDispositifRows(db, index, items);
}
