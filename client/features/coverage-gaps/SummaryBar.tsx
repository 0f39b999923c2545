import { describeSources, useSourceTallies } from './honest-gaps.js';
import {
  countOf,
  dispositifsOf,
  formatPopulation,
  formatShare,
  LEVEL_TEXT,
  STATUS_COLOURS,
  STATUS_TEXT,
} from './labels.js';
import type { CoverageLevel, CoverageStatus, CoverageSummaryData } from './types.js';

const TALLIES: { status: CoverageStatus; key: 'covered' | 'partial' | 'none' }[] = [
  { status: 'NONE', key: 'none' },
  { status: 'PARTIAL', key: 'partial' },
  { status: 'COVERED', key: 'covered' },
];

export interface SummaryBarProps {
  summary: CoverageSummaryData;
  level: CoverageLevel;
  /** The territory the cells lie in, by name. */
  withinName: string;
}

/** Cells and people per status (gaps weighed by people, not by area), and what the answer rests on. */
export function SummaryBar({ summary, level, withinName }: SummaryBarProps) {
  const sources = useSourceTallies();
  const { unitOne, feminine } = LEVEL_TEXT[level];
  if (summary.cells === 0) {
    return (
      <div className="coverage-summary coverage-empty" role="status">
        <p>
          <strong>
            {feminine ? 'Aucune' : 'Aucun'} {unitOne} dans {withinName}.
          </strong>{' '}
          {level === 'BASSIN'
            ? 'Les bassins sont des périmètres que les sources décrivent (un pays, une appellation, le ressort d’une mission locale) : aucune source chargée n’en décrit ici. '
            : 'La grille territoriale n’en compte aucun dans ce territoire. '}
          Choisissez le niveau EPCI ou Communes, ou un autre territoire.
        </p>
      </div>
    );
  }
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
              <strong>{countOf(level, summary[key].cells)}</strong> ·{' '}
              <strong>{formatPopulation(summary[key].population)}</strong> hab. (
              {formatShare(summary[key].population, summary.population)})
            </dd>
          </div>
        ))}
      </dl>
      <p className="hint">
        {countOf(level, summary.cells)}, {formatPopulation(summary.population)} habitants ;{' '}
        {formatPopulation(summary.coveredPopulation)} (
        {formatShare(summary.coveredPopulation, summary.population)}) vivent dans une commune atteinte par{' '}
        {summary.dispositifs === 1
          ? 'le seul dispositif retenu'
          : summary.dispositifs === 0
            ? 'un dispositif (aucun n’est retenu)'
            : `au moins un des ${dispositifsOf(summary.dispositifs)} retenus`}
        .
      </p>
      <p className="hint coverage-sources">
        « {STATUS_TEXT.NONE} » : aucun dispositif correspondant dans les sources chargées
        {sources.type === 'ready' ? ` — ${describeSources(sources.value)}` : ''}. Un territoire peut avoir des
        dispositifs que ces sources ne citent pas : la colonne « Acteurs recensés » du tableau distingue un
        territoire vide d’un territoire inconnu.
      </p>
    </div>
  );
}
