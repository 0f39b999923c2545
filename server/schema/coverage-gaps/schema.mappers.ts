import type { CoverageStatus, CoverageSummary, CoverageVia } from '../../../graph/coverage-gaps/classify.js';
import type { NodeRow } from '../../../graph/queries/rows.js';

// Parents of the coverage types: built whole by the report, so that the
// thousands of cells of a commune-level answer resolve without a lookup.

export interface CoverageApplicationMapper {
  dispositif: NodeRow;
  via: CoverageVia;
  through: NodeRow[];
  population: number;
}

export interface CoverageCellMapper {
  territory: NodeRow;
  status: CoverageStatus;
  population: number;
  coveredPopulation: number;
  departement: NodeRow | null;
  applications: CoverageApplicationMapper[];
}

export interface CoverageDispositifMapper {
  dispositif: NodeRow;
  deployedIn: NodeRow[];
  cells: number;
  population: number;
}

export interface CoverageSummaryMapper extends CoverageSummary {
  applying: CoverageDispositifMapper[];
}

export interface CoverageReportMapper {
  cells: CoverageCellMapper[];
  summary: CoverageSummaryMapper;
}

export interface CoverageChangeMapper {
  territory: NodeRow;
  before: CoverageStatus;
  after: CoverageStatus;
  lost: NodeRow[];
  gained: NodeRow[];
  population: number;
}

export interface CoverageComparisonMapper {
  left: CoverageReportMapper;
  right: CoverageReportMapper;
  changes: CoverageChangeMapper[];
}
