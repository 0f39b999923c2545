import { request } from '../../api/graphql-client';
import type { CoverageFilteredQuery } from '../../gql/graphql.js';
import type { Loadable } from '../../api/loadable';
import { useLoad } from '../../api/use-load';
import {
  COVERAGE_APPLICATIONS_QUERY,
  COVERAGE_COMPARISON_QUERY,
  COVERAGE_FILTERED_APPLICATIONS_QUERY,
  COVERAGE_FILTERED_QUERY,
  COVERAGE_QUERY,
} from './queries.js';
import {
  cellsOfMap,
  needsFilterInput,
  toApiFilter,
  toApiFilterInput,
  toCoverageResult,
  type CellApplication,
  type CoverageChangeData,
  type CoverageFilter,
  type CoverageResult,
  type CoverageScope,
} from './types.js';
import { useEditRevision } from '../editing/revision';

export interface CoverageData {
  left: CoverageResult;
  /** Present when comparing. */
  right?: CoverageResult;
  changes?: CoverageChangeData[];
  /** Present when comparing: the names of the dispositifs applying on either side, by id. */
  dispositifNames?: Map<string, string>;
  /** What « Sans… » took away and what it left standing (single filter only). */
  exclusion?: CoverageExclusionData | null;
}

export type CoverageExclusionData = NonNullable<CoverageFilteredQuery['coverageSummary']['exclusion']>;

export interface CoverageRequest {
  scope: CoverageScope;
  left: CoverageFilter;
  /** A second filter to compare with, or none. */
  right: CoverageFilter | null;
}

async function fetchCoverage(
  { scope, left, right }: CoverageRequest,
  signal: AbortSignal,
): Promise<CoverageData> {
  if (!right && needsFilterInput(left)) {
    const { data } = await request(
      COVERAGE_FILTERED_QUERY,
      { ...scope, filter: toApiFilterInput(left) },
      { signal },
    );
    return {
      left: toCoverageResult(cellsOfMap(data.coverageMap, scope.level), data.coverageSummary),
      exclusion: data.coverageSummary.exclusion ?? null,
    };
  }
  if (!right) {
    const { data } = await request(COVERAGE_QUERY, { ...scope, ...toApiFilter(left) }, { signal });
    return {
      left: toCoverageResult(cellsOfMap(data.coverageMap, scope.level), data.coverageSummary),
    };
  }
  const { data } = await request(
    COVERAGE_COMPARISON_QUERY,
    { ...scope, left: toApiFilterInput(left), right: toApiFilterInput(right) },
    { signal },
  );
  const comparison = data.coverageComparison;
  return {
    left: toCoverageResult(cellsOfMap(comparison.left.map, scope.level), comparison.left.summary),
    right: toCoverageResult(cellsOfMap(comparison.right.map, scope.level), comparison.right.summary),
    dispositifNames: new Map(
      [...comparison.left.summary.applying, ...comparison.right.summary.applying].map(({ dispositif }) => [
        dispositif.id,
        dispositif.name,
      ]),
    ),
    changes: comparison.changes.map((change) => ({
      territory: change.territory.id,
      before: change.before,
      after: change.after,
      population: change.population,
      lost: change.lost.map((d) => d.id),
      gained: change.gained.map((d) => d.id),
    })),
  };
}

/** The coverage for a request, refetched (and the previous request aborted) whenever it changes. */
export function useCoverage(coverageRequest: CoverageRequest): Loadable<CoverageData> {
  // …and after an edit (issue 12): the grid may have changed.
  const revision = useEditRevision();
  return useLoad(
    (signal) => fetchCoverage(coverageRequest, signal),
    [JSON.stringify(coverageRequest), revision],
  );
}

/** How each dispositif applies, per cell: for the cells named, or for all of them (export). */
export async function fetchApplications(
  scope: CoverageScope,
  filter: CoverageFilter,
  territories: string[] | null,
  signal?: AbortSignal,
): Promise<Map<string, CellApplication[]>> {
  const cells = needsFilterInput(filter)
    ? (
        await request(
          COVERAGE_FILTERED_APPLICATIONS_QUERY,
          { ...scope, filter: toApiFilterInput(filter), territories },
          { signal },
        )
      ).data.coverage
    : (
        await request(
          COVERAGE_APPLICATIONS_QUERY,
          { ...scope, ...toApiFilter(filter), territories },
          { signal },
        )
      ).data.coverage;
  return new Map(cells.map((cell) => [cell.territory.id, cell.applications]));
}

/** The applications of one opened cell. */
export function useCellApplications(
  scope: CoverageScope,
  filter: CoverageFilter,
  territory: string | null,
): Loadable<CellApplication[]> {
  const revision = useEditRevision();
  return useLoad(
    territory
      ? async (signal) => (await fetchApplications(scope, filter, [territory], signal)).get(territory) ?? []
      : null,
    [JSON.stringify([scope, filter, territory]), revision],
  );
}
