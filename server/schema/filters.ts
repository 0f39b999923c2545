import type { CoverageFilter } from '../../graph/coverage-gaps/report.js';
import type { CoverageIndex } from '../../graph/queries/coverage.js';
import type { Db } from '../../graph/driver.js';
import {
  findUnknownFilterIds,
  findUnknownNodeIds,
  type DispositifFilter,
  type DispositifFilterCriterion,
} from '../../graph/queries/dispositif-filter.js';
import { badUserInput } from '../errors.js';
import type {
  CoverageFilter as CoverageFilterInput,
  DispositifFilter as DispositifFilterInput,
} from './resolvers-types.generated.js';

// The API's filter shapes turned into graph/'s one DispositifFilter.

const one = (id: string | null | undefined) => (id ? [id] : null);

/** A CoverageFilter input, or the same criteria as flat arguments (DOMAIN.md §6). */
export function fromCoverageFilter(input: CoverageFilterInput): CoverageFilter {
  return {
    themes: one(input.theme),
    publics: one(input.public),
    activeOn: input.activeOn ?? null,
    statuses: input.status ?? null,
    carrierTypes: input.carrierType ?? null,
    funders: one(input.funder),
    without: input.without ?? null,
  };
}

export function fromDispositifFilter(input: DispositifFilterInput): DispositifFilter {
  return {
    themes: input.themes ?? null,
    publics: input.publics ?? null,
    activeOn: input.activeOn ?? null,
    statuses: input.statuses ?? null,
    carrierTypes: input.carrierTypes ?? null,
    funders: input.funders ?? null,
    territory: input.territory ?? null,
  };
}

/**
 * A filter given either as one input argument or as flat arguments: the input
 * wins, and flat ones beside it are refused rather than silently merged.
 */
export function eitherFilter<T>(
  input: T | null | undefined,
  flat: Record<string, unknown>,
): { input: T; prefix: string } | { input: null; prefix: '' } {
  if (!input) return { input: null, prefix: '' };
  const extra = Object.entries(flat).find(([, value]) => value !== null && value !== undefined);
  if (extra) throw badUserInput(extra[0], `Give the filter as "filter" or as flat arguments, not both.`);
  return { input, prefix: 'filter.' };
}

/** Refuses a filter naming an id the graph does not hold; `argumentOf` names the argument of each criterion. */
export function assertKnownFilterIds(
  index: CoverageIndex,
  filter: DispositifFilter,
  argumentOf: (criterion: DispositifFilterCriterion) => string,
): void {
  const [unknown] = findUnknownFilterIds(filter, index);
  if (unknown) {
    throw badUserInput(argumentOf(unknown.criterion), `Unknown ${unknown.criterion} id "${unknown.id}".`);
  }
}

/** Refuses funders naming no organisation of the graph (`prefix` + criterion names the argument). */
export async function assertKnownNodeIds(db: Db, filter: DispositifFilter, prefix: string): Promise<void> {
  const [unknown] = await findUnknownNodeIds(db, filter);
  if (unknown) throw badUserInput(`${prefix}${unknown.criterion}`, `Unknown id "${unknown.id}".`);
}
