/**
 * Which dispositifs count: the one rule behind coverage, the partnership
 * network and the explorer's filters (which ask `matchingDispositifs`).
 */
import { publicsMatching, themeWithDescendants } from '../coverage-gaps/filter.js';
import { placesReaching } from '../coverage-gaps/grid.js';
import type { Db } from '../driver.js';
import type { DispositifStatus, OrganisationType } from '../model.js';
import type { CoverageIndex } from './coverage.js';
import { dispositifCandidates, matchesDispositifFilter } from './fragments.js';

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
  /** Funded (FUNDS) by one of these organisations: where a funder's money goes. */
  funders?: readonly string[] | null;
  /** What-if: taken away (see `survivesWithout` in fragments.ts). */
  without?: DispositifExclusion | null;
  /**
   * Reaching this territory as coverage says it (a cell that is not NONE):
   * deployed in it, in a territory holding it, or in one sharing a commune with it.
   */
  territory?: string | null;
}

/**
 * Organisations and dispositifs taken away: a dispositif in the list, or
 * carried or funded by these organisations alone, stops counting.
 */
export interface DispositifExclusion {
  organisations?: readonly string[] | null;
  dispositifs?: readonly string[] | null;
}

/** The parameters `matchesDispositifFilter` reads. */
export interface DispositifFilterParams {
  themes: string[] | null;
  publics: string[] | null;
  day: string | null;
  statuses: string[] | null;
  carrierTypes: string[] | null;
  funders: string[] | null;
  places: string[] | null;
  withoutOrganisations: string[] | null;
  withoutDispositifs: string[] | null;
}

export type DispositifFilterCriterion = 'themes' | 'publics' | 'territory';

/** Criteria naming organisations or dispositifs, checked against the graph rather than the index. */
export type NodeFilterCriterion = 'funders' | 'without.organisations' | 'without.dispositifs';

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
    funders: given(filter.funders),
    withoutOrganisations: given(filter.without?.organisations),
    withoutDispositifs: given(filter.without?.dispositifs),
    places: filter.territory ? (placesReaching(index.grid, filter.territory) ?? []) : null,
  };
}

/** True when some criterion is given. */
export const isFiltering = (params: DispositifFilterParams): boolean =>
  Object.values(params).some((value) => value !== null);

const MATCHING_DISPOSITIFS = /* cypher */ `
  ${dispositifCandidates('d')}
  WITH d WHERE ($among IS NULL OR d.id IN $among) AND ${matchesDispositifFilter('d')}
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

/** The criteria naming organisations or dispositifs, which the index does not hold. */
const NODE_CRITERIA = [
  { criterion: 'funders', label: 'Organisation', ids: (f: DispositifFilter) => f.funders },
  {
    criterion: 'without.organisations',
    label: 'Organisation',
    ids: (f: DispositifFilter) => f.without?.organisations,
  },
  {
    criterion: 'without.dispositifs',
    label: 'Dispositif',
    ids: (f: DispositifFilter) => f.without?.dispositifs,
  },
] as const;

const EXISTING_NODE_IDS = /* cypher */ `
  OPTIONAL MATCH (o:Organisation) WHERE o.id IN $organisations
  WITH collect(o.id) AS organisations
  OPTIONAL MATCH (d:Dispositif) WHERE d.id IN $dispositifs
  RETURN organisations, collect(d.id) AS dispositifs`;

/** Ids of funders and exclusions that name no organisation or dispositif of the graph. */
export async function findUnknownNodeIds(
  db: Db,
  filter: DispositifFilter,
): Promise<{ criterion: NodeFilterCriterion; id: string }[]> {
  const wanted = { Organisation: new Set<string>(), Dispositif: new Set<string>() };
  for (const { label, ids } of NODE_CRITERIA) for (const id of ids(filter) ?? []) wanted[label].add(id);
  if (wanted.Organisation.size + wanted.Dispositif.size === 0) return [];
  const [row] = await db.read<{ organisations: string[]; dispositifs: string[] }>(EXISTING_NODE_IDS, {
    organisations: [...wanted.Organisation],
    dispositifs: [...wanted.Dispositif],
  });
  const found = { Organisation: new Set(row?.organisations), Dispositif: new Set(row?.dispositifs) };
  const unknown: { criterion: NodeFilterCriterion; id: string }[] = [];
  for (const { criterion, label, ids } of NODE_CRITERIA) {
    for (const id of ids(filter) ?? []) if (!found[label].has(id)) unknown.push({ criterion, id });
  }
  return unknown;
}
