import type {
  CoverageApplicationRow,
  CoverageCellRow,
  CoverageChangeRow,
  CoverageComparisonRow,
  CoverageDispositifReachRow,
  CoverageReportRow,
  CoverageSummaryRow,
} from '../../../graph/coverage-gaps/report.js';

// Parents of the coverage types: built whole by the report (graph/coverage-gaps),
// so that the thousands of cells of a commune-level answer resolve without a lookup.
export type CoverageApplicationMapper = CoverageApplicationRow;
export type CoverageCellMapper = CoverageCellRow;
export type CoverageDispositifMapper = CoverageDispositifReachRow;
export type CoverageSummaryMapper = CoverageSummaryRow;
export type CoverageReportMapper = CoverageReportRow;
export type CoverageChangeMapper = CoverageChangeRow;
export type CoverageComparisonMapper = CoverageComparisonRow;
