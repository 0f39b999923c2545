import { useEffect, useState } from 'react';
import { ApiError, ERROR_MESSAGES, errorCodeOf, request } from '../../api/graphql-client';
import { COVERAGE_APPLICATIONS_QUERY, COVERAGE_COMPARISON_QUERY, COVERAGE_QUERY } from './queries.js';
import {
  toApiFilter,
  toCoverageResult,
  type CellApplication,
  type CoverageChangeData,
  type CoverageFilter,
  type CoverageResult,
  type CoverageScope,
  type Loadable,
} from './types.js';

export interface CoverageData {
  left: CoverageResult;
  /** Present when comparing. */
  right?: CoverageResult;
  changes?: CoverageChangeData[];
}

export interface CoverageRequest {
  scope: CoverageScope;
  left: CoverageFilter;
  /** A second filter to compare with, or none. */
  right: CoverageFilter | null;
}

function failure(error: unknown): Extract<Loadable<never>, { type: 'error' }> {
  const code = errorCodeOf(error);
  const argument = error instanceof ApiError ? error.extensions.argument : undefined;
  const detail = typeof argument === 'string' ? ` (argument : ${argument})` : '';
  return { type: 'error', code, message: ERROR_MESSAGES[code] + detail };
}

async function fetchCoverage(
  { scope, left, right }: CoverageRequest,
  signal: AbortSignal,
): Promise<CoverageData> {
  if (!right) {
    const { data } = await request(COVERAGE_QUERY, { ...scope, ...toApiFilter(left) }, { signal });
    return { left: toCoverageResult(data.coverage, data.coverageSummary) };
  }
  const { data } = await request(
    COVERAGE_COMPARISON_QUERY,
    { ...scope, left: toApiFilter(left), right: toApiFilter(right) },
    { signal },
  );
  const comparison = data.coverageComparison;
  return {
    left: toCoverageResult(comparison.left.cells, comparison.left.summary),
    right: toCoverageResult(comparison.right.cells, comparison.right.summary),
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
  const [state, setState] = useState<Loadable<CoverageData>>({ type: 'idle' });
  const key = JSON.stringify(coverageRequest);
  useEffect(() => {
    const controller = new AbortController();
    setState({ type: 'loading' });
    fetchCoverage(JSON.parse(key) as CoverageRequest, controller.signal).then(
      (value) => setState({ type: 'ready', value }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState(failure(error));
      },
    );
    return () => controller.abort();
  }, [key]);
  return state;
}

/** How each dispositif applies, per cell: for the cells named, or for all of them (export). */
export async function fetchApplications(
  scope: CoverageScope,
  filter: CoverageFilter,
  territories: string[] | null,
  signal?: AbortSignal,
): Promise<Map<string, CellApplication[]>> {
  const { data } = await request(
    COVERAGE_APPLICATIONS_QUERY,
    { ...scope, ...toApiFilter(filter), territories },
    { signal },
  );
  return new Map(data.coverage.map((cell) => [cell.territory.id, cell.applications]));
}

/** The applications of one opened cell. */
export function useCellApplications(
  scope: CoverageScope,
  filter: CoverageFilter,
  territory: string | null,
): Loadable<CellApplication[]> {
  const [state, setState] = useState<Loadable<CellApplication[]>>({ type: 'idle' });
  const key = JSON.stringify([scope, filter, territory]);
  useEffect(() => {
    const [keyScope, keyFilter, keyTerritory] = JSON.parse(key) as [
      CoverageScope,
      CoverageFilter,
      string | null,
    ];
    if (!keyTerritory) {
      setState({ type: 'idle' });
      return;
    }
    const controller = new AbortController();
    setState({ type: 'loading' });
    fetchApplications(keyScope, keyFilter, [keyTerritory], controller.signal).then(
      (byCell) => setState({ type: 'ready', value: byCell.get(keyTerritory) ?? [] }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState(failure(error));
      },
    );
    return () => controller.abort();
  }, [key]);
  return state;
}
