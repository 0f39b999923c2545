import { request } from '../../api/graphql-client';
import { graphql } from '../../gql';
import type { DispositifFilter } from '../../gql/graphql';
import type { Filters } from './types';

export const MATCHING_DISPOSITIFS_QUERY = graphql(`
  query MatchingDispositifs($filter: DispositifFilter!, $among: [ID!]) {
    matchingDispositifs(filter: $filter, among: $among)
  }
`);

/** The dispositif criteria of the canvas filters, as the API's DispositifFilter (the territory apart: see load-scope). */
export function toDispositifFilter(filters: Filters): DispositifFilter {
  return {
    themes: filters.themes.length ? filters.themes : null,
    publics: filters.publics.length ? filters.publics : null,
    statuses: filters.statuses.length ? filters.statuses : null,
    activeOn: filters.activeOn,
  };
}

export const hasDispositifCriteria = (filters: Filters): boolean =>
  Object.values(toDispositifFilter(filters)).some((value) => value !== null);

/** Names one set of dispositif criteria (verdicts are kept per set); null when there is none. */
export const dispositifCriteriaKey = (filters: Filters): string | null =>
  hasDispositifCriteria(filters) ? JSON.stringify(toDispositifFilter(filters)) : null;

/** Which of these dispositifs pass the criteria, by the server's one rule (`matchingDispositifs`). */
export async function loadMatchingDispositifs(
  filters: Filters,
  ids: readonly string[],
  signal?: AbortSignal,
): Promise<Set<string>> {
  const { data } = await request(
    MATCHING_DISPOSITIFS_QUERY,
    { filter: toDispositifFilter(filters), among: [...ids] },
    { signal },
  );
  return new Set(data.matchingDispositifs);
}
