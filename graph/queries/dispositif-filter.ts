/**
 * Which dispositifs count: the one rule behind coverage, the partnership
 * network and the explorer's filters (which ask `matchingDispositifs`).
 */
import { publicsMatching, themeWithDescendants } from '../coverage-gaps/filter.js';
import { placesReaching } from '../coverage-gaps/grid.js';
import type { Db } from '../driver.js';
import type { DispositifStatus, OrganisationType } from '../model.js';
import type { CoverageIndex } from './coverage.js';
import { matchesDispositifFilter } from './fragments.js';

/** Every criterion given must hold; a null or empty one selects everything. */
export interface DispositifFilter {
  /** Any of these themes, each with its sub-themes at any depth. */
  themes?: readonly string[] | null;
  /** Any of these publics; a dispositif for « tous publics » counts for every public. */
  publics?: readonly string[] | null;
  /** ISO date: running that day (`runsOn`). */
  activeOn?: string | null;
  statuses?: readonly DispositifStatus[] | null;
  /** Carried (CARRIES) by an organisation of one of these types. */
  carrierTypes?: readonly OrganisationType[] | null;
  /**
   * Reaching this territory as coverage says it (a cell that is not NONE):
   * deployed in it, in a territory holding it, or in one sharing a commune with it.
   */
  territory?: string | null;
}

/** The parameters `matchesDispositifFilter` reads. */
export interface DispositifFilterParams {
  themes: string[] | null;
  publics: string[] | null;
  day: string | null;
  statuses: string[] | null;
  carrierTypes: string[] | null;
  places: string[] | null;
}

export type DispositifFilterCriterion = 'themes' | 'publics' | 'territory';

/** An id the filter names that the graph does not hold. */
export interface UnknownFilterId {
  criterion: DispositifFilterCriterion;
  id: string;
}

const given = <T>(values: readonly T[] | null | undefined): T[] | null =>
  values && values.length > 0 ? [...new Set(values)] : null;

/** Ids of the filter that name no theme, public or territory of the index. */
export function findUnknownFilterIds(filter: DispositifFilter, index: CoverageIndex): UnknownFilterId[] {
  const unknown: UnknownFilterId[] = [];
  for (const id of given(filter.themes) ?? []) {
    if (themeWithDescendants(index.themes, id) === null) unknown.push({ criterion: 'themes', id });
  }
  for (const id of given(filter.publics) ?? []) {
    if (!index.publics.has(id)) unknown.push({ criterion: 'publics', id });
  }
  if (filter.territory && !index.grid.territories.has(filter.territory)) {
    unknown.push({ criterion: 'territory', id: filter.territory });
  }
  return unknown;
}

/** Widens the filter into the lists the Cypher fragment tests (pure). */
export function toDispositifFilterParams(
  filter: DispositifFilter,
  index: CoverageIndex,
): DispositifFilterParams {
  const themes = given(filter.themes);
  const publics = given(filter.publics);
  const widen = (lists: (string[] | null)[]) => [...new Set(lists.flatMap((list) => list ?? []))].sort();
  return {
    themes: themes && widen(themes.map((id) => themeWithDescendants(index.themes, id))),
    publics: publics && widen(publics.map(publicsMatching)),
    day: filter.activeOn ?? null,
    statuses: given(filter.statuses),
    carrierTypes: given(filter.carrierTypes),
    places: filter.territory ? (placesReaching(index.grid, filter.territory) ?? []) : null,
  };
}

/** True when some criterion is given. */
export const isFiltering = (params: DispositifFilterParams): boolean =>
  Object.values(params).some((value) => value !== null);

const MATCHING_DISPOSITIFS = /* cypher */ `
  MATCH (d:Dispositif)
  WHERE ($among IS NULL OR d.id IN $among) AND ${matchesDispositifFilter('d')}
  RETURN d.id AS id
  ORDER BY id`;

/** Ids of the dispositifs passing the filter, among some ids or all of them. */
export async function findMatchingDispositifIds(
  db: Db,
  params: DispositifFilterParams,
  among: readonly string[] | null,
): Promise<string[]> {
  const rows = await db.read<{ id: string }>(MATCHING_DISPOSITIFS, { ...params, among });
  return rows.map((row) => row.id);
}
