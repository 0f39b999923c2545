import type { CoverageExclusionRow } from '../../../graph/coverage-gaps/report.js';
import type { OfferItemRow } from '../../../graph/coverage-gaps/offer.js';
import type { DependencyRow, SinglePointOfFailureRow } from '../../../graph/coverage-gaps/what-if.js';
import type { ExclusionEffectRow } from '../../../graph/queries/dependencies.js';

// Parents of the what-if types: built whole by graph/coverage-gaps.
export type DependencyMapper = DependencyRow;
export type SinglePointOfFailureMapper = SinglePointOfFailureRow;
export type OfferItemMapper = OfferItemRow;
export type ExcludedDispositifMapper = ExclusionEffectRow;
export type CoverageExclusionMapper = CoverageExclusionRow;
