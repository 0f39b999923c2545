import { useId, useMemo, useState } from 'react';
import { failureMessage, toFailure, type Loadable } from '../../api/loadable';
import { downloadText } from '../../export/download';
import { useVocabulary } from '../vocabulary/VocabularyProvider';
import { CellDetails } from './CellDetails';
import { ChangesTable } from './ChangesTable';
import { Choropleth } from './Choropleth';
import { CoverageControls } from './CoverageControls';
import { ALL_ROWS, CoverageTable, describeChoice, tableRows, type TableChoice } from './CoverageTable';
import { coverageCsvFileName, toCoverageCsv } from './csv.js';
import { nouvelleAquitaineMap } from './departements-map.js';
import { describeFilter } from './FilterFields';
import { LEVEL_TEXT, STATUS_COLOURS, STATUS_ORDER, STATUS_TEXT } from './labels.js';
import { SummaryBar } from './SummaryBar';
import { Treemap } from './Treemap';
import {
  REGION_ID,
  type CoverageFilter,
  type CoverageView,
  type CellApplication,
  type CoverageResult,
} from './types.js';
import { fetchApplications, useCellApplications, useCoverage } from './use-coverage.js';
import './coverage.css';

export interface CoveragePanelProps {
  /** What to show: level, scope, comparison, filters, opened cell (kept in the URL by the page). */
  view: CoverageView;
  /** Changes part of the view. */
  onChange(patch: Partial<CoverageView>): void;
  /** Opens these nodes (dispositifs) on the graph canvas. */
  onOpenInGraph(ids: string[]): void;
}

const DEPARTEMENTS = nouvelleAquitaineMap().shapes;

const formatDay = (iso: string) =>
  iso ? new Date(`${iso}T00:00:00Z`).toLocaleDateString('fr-FR', { timeZone: 'UTC' }) : 'sans date';

/**
 * Coverage gaps on the territorial grid (DOMAIN.md §5): where is there nothing,
 * weighed by people; one filter, two filters side by side, or one filter at two dates.
 */
export function CoveragePanel({ view, onChange, onOpenInGraph }: CoveragePanelProps) {
  const id = useId();
  const vocabulary = useVocabulary();
  const { level, within, mode, left, right, dates, selected } = view;
  const setSelected = (next: CoverageView['selected']) => onChange({ selected: next });

  const scopeWithin = level === 'DEPARTEMENT' ? REGION_ID : within;
  const request = useMemo(() => {
    const scope = { level, within: scopeWithin };
    if (mode === 'filters') return { scope, left, right };
    if (mode === 'dates')
      return { scope, left: { ...left, activeOn: dates.before }, right: { ...left, activeOn: dates.after } };
    return { scope, left, right: null };
  }, [level, scopeWithin, mode, left, right, dates]);
  const state = useCoverage(request);

  const names = (nodeId: string) => vocabulary.names.get(nodeId) ?? nodeId;
  const titles =
    mode === 'dates'
      ? [`Au ${formatDay(dates.before)}`, `Au ${formatDay(dates.after)}`]
      : mode === 'filters'
        ? [`A : ${describeFilter(left, names)}`, `B : ${describeFilter(right, names)}`]
        : [describeFilter(left, names)];
  const unit = LEVEL_TEXT[level].unit;
  const withinName =
    scopeWithin === REGION_ID
      ? 'Nouvelle-Aquitaine'
      : (DEPARTEMENTS.find((d) => d.id === scopeWithin)?.name ?? scopeWithin);

  const sides: { side: 'left' | 'right'; title: string; result: CoverageResult; filter: CoverageFilter }[] =
    [];
  if (state.type === 'ready') {
    sides.push({ side: 'left', title: titles[0]!, result: state.value.left, filter: request.left });
    if (state.value.right && request.right)
      sides.push({ side: 'right', title: titles[1]!, result: state.value.right, filter: request.right });
  }
  const selectedSide = selected ? sides.find((s) => s.side === selected.side) : undefined;
  const selectedCell = selectedSide?.result.cells.find((cell) => cell.territory.id === selected?.id);
  const selectedApplications = useCellApplications(
    request.scope,
    selected?.side === 'right' && request.right ? request.right : request.left,
    selectedCell ? selectedCell.territory.id : null,
  );
  const [exporting, setExporting] = useState<Loadable<null>>({ type: 'idle' });
  // The table's rows and order: the CSV writes the same rows (honest gaps, issue 15).
  const [tableChoice, setTableChoice] = useState<TableChoice>(ALL_ROWS);

  async function exportCsv(result: CoverageResult, filter: CoverageFilter, title: string) {
    setExporting({ type: 'loading' });
    let applications: Map<string, CellApplication[]>;
    try {
      applications = await fetchApplications(request.scope, filter, null);
    } catch (error) {
      setExporting(toFailure(error));
      return;
    }
    setExporting({ type: 'idle' });
    const fileName = coverageCsvFileName([
      LEVEL_TEXT[level].many,
      scopeWithin,
      filter.theme,
      filter.public,
      filter.activeOn,
      filter.carrierType,
      filter.status.join('-'),
      filter.funder,
      filter.without.length > 0 ? `sans-${filter.without.join('-')}` : null,
    ]);
    const rows = tableRows(result.cells, tableChoice);
    const heading = `Couverture des ${unit} — ${withinName} — filtre : ${title} — ${describeChoice(tableChoice)} (${rows.length})`;
    downloadText(fileName, toCoverageCsv(result, applications, { rows, heading }), 'text/csv');
  }

  return (
    <section className="coverage" aria-labelledby={`${id}-title`}>
      <header className="coverage-header">
        <h2 id={`${id}-title`}>Couverture territoriale</h2>
        <p className="hint">
          Où n’y a-t-il rien ? Un territoire est <strong>couvert</strong> quand un dispositif correspondant y
          est déployé ou l’est dans un territoire qui le contient, <strong>partiel</strong> quand des
          dispositifs n’en atteignent qu’une partie, <strong>sans dispositif</strong> sinon. Les dispositifs
          nationaux sans déploiement local ne comptent pas.
        </p>
      </header>

      {/* On a wide screen the controls make a column of their own, so that the map shows at once. */}
      <div className="coverage-aside">
        <CoverageControls view={view} onChange={onChange} vocabulary={vocabulary} />
      </div>

      <div className="coverage-main">
        <ul className="coverage-legend" aria-label="Légende">
          {STATUS_ORDER.map((status) => (
            <li key={status}>
              <span
                className="coverage-swatch"
                style={{ background: STATUS_COLOURS[status] }}
                aria-hidden="true"
              />
              {STATUS_TEXT[status]}
            </li>
          ))}
        </ul>

        <div aria-live="polite" className="coverage-state">
          {state.type === 'loading' ? <p className="hint">Calcul de la couverture…</p> : null}
          {state.type === 'error' ? (
            <p className="notice" role="alert">
              {failureMessage(state)}
            </p>
          ) : null}
          {exporting.type === 'loading' ? <p className="hint">Préparation de l’export…</p> : null}
          {exporting.type === 'error' ? (
            <p className="notice" role="alert">
              Export impossible : {failureMessage(exporting)}
            </p>
          ) : null}
        </div>

        {state.type === 'ready' && state.value.exclusion ? (
          <div className="coverage-exclusion" role="note" aria-label="Effet de « Sans… »">
            <p>
              <strong>{state.value.exclusion.dropped.length}</strong> dispositif
              {state.value.exclusion.dropped.length > 1 ? 's ne comptent' : ' ne compte'} plus
              {state.value.exclusion.dropped.length > 0
                ? ` : ${state.value.exclusion.dropped.map((d) => d.dispositif.name).join(', ')}`
                : ''}
              .
            </p>
            {state.value.exclusion.kept.length > 0 ? (
              <p>
                Restent comptés, un autre porteur ou financeur demeurant :{' '}
                {state.value.exclusion.kept
                  .map(
                    (d) =>
                      `${d.dispositif.name} (${[...d.carriers, ...d.funders]
                        .map((o) => o.name)
                        .filter((name, i, all) => all.indexOf(name) === i)
                        .join(', ')})`,
                  )
                  .join(' ; ')}
                .
              </p>
            ) : null}
          </div>
        ) : null}

        <div className={selectedCell ? 'coverage-body with-details' : 'coverage-body'}>
          {sides.length > 0 ? (
            <div className={sides.length > 1 ? 'coverage-sides two' : 'coverage-sides'}>
              {sides.map(({ side, title, result, filter }) => {
                const label = `Couverture des ${unit} — ${withinName} — ${title}`;
                const select = (territoryId: string) => setSelected({ side, id: territoryId });
                const current = selected?.side === side ? selected.id : null;
                return (
                  <article key={side} className="coverage-side" aria-label={title} data-side={side}>
                    <h3>{title}</h3>
                    <SummaryBar summary={result.summary} level={level} withinName={withinName} />
                    {level === 'DEPARTEMENT' ? (
                      <Choropleth cells={result.cells} selected={current} onSelect={select} label={label} />
                    ) : (
                      <Treemap cells={result.cells} selected={current} onSelect={select} label={label} />
                    )}
                    <button
                      type="button"
                      onClick={() => void exportCsv(result, filter, title)}
                      disabled={exporting.type === 'loading'}
                    >
                      Exporter le tableau (CSV)
                      {sides.length > 1 ? ` — ${side === 'left' ? 'gauche' : 'droite'}` : ''}
                    </button>
                  </article>
                );
              })}
            </div>
          ) : null}

          {selectedCell && selectedSide ? (
            <CellDetails
              cell={selectedCell}
              applications={selectedApplications}
              filter={selectedSide.filter}
              scope={request.scope}
              onOpenInGraph={onOpenInGraph}
              onClose={() => setSelected(null)}
            />
          ) : null}
        </div>

        {state.type === 'ready' && state.value.changes && state.value.dispositifNames ? (
          <ChangesTable
            changes={state.value.changes}
            left={state.value.left}
            dispositifNames={state.value.dispositifNames}
            leftTitle={titles[0]!}
            rightTitle={titles[1]!}
            onSelect={(territoryId) => setSelected({ side: 'left', id: territoryId })}
          />
        ) : null}

        {sides[0] ? (
          <CoverageTable
            cells={sides[0].result.cells}
            selected={selected?.side === 'left' ? selected.id : null}
            onSelect={(territoryId) => setSelected({ side: 'left', id: territoryId })}
            caption={`${LEVEL_TEXT[level].many} — ${withinName} — ${sides[0].title}`}
            choice={tableChoice}
            onChoice={setTableChoice}
            scope={request.scope}
          />
        ) : null}
      </div>
    </section>
  );
}
