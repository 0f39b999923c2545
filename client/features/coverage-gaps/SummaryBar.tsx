import { formatPopulation, formatShare, STATUS_COLOURS, STATUS_TEXT } from './labels.js';
import type { CoverageStatus, CoverageSummaryData } from './types.js';

const TALLIES: { status: CoverageStatus; key: 'covered' | 'partial' | 'none' }[] = [
  { status: 'NONE', key: 'none' },
  { status: 'PARTIAL', key: 'partial' },
  { status: 'COVERED', key: 'covered' },
];

/** Cells and people per status: gaps weighed by people, not by area. */
export function SummaryBar({ summary, unit }: { summary: CoverageSummaryData; unit: string }) {
  return (
    <div className="coverage-summary">
      <dl>
        {TALLIES.map(({ status, key }) => (
          <div key={status} className="coverage-tally" data-status={status}>
            <dt>
              <span
                className="coverage-swatch"
                style={{ background: STATUS_COLOURS[status] }}
                aria-hidden="true"
              />
              {STATUS_TEXT[status]}
            </dt>
            <dd>
              <strong>{summary[key].cells.toLocaleString('fr-FR')}</strong> {unit} ·{' '}
              <strong>{formatPopulation(summary[key].population)}</strong> hab. (
              {formatShare(summary[key].population, summary.population)})
            </dd>
          </div>
        ))}
      </dl>
      <p className="hint">
        {summary.cells.toLocaleString('fr-FR')} {unit}, {formatPopulation(summary.population)} habitants ;{' '}
        {formatPopulation(summary.coveredPopulation)} (
        {formatShare(summary.coveredPopulation, summary.population)}) vivent dans une commune atteinte par au
        moins un des {summary.dispositifs} dispositif(s).
      </p>
    </div>
  );
}
