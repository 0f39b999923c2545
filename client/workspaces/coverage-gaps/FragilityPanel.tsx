import { useId } from 'react';
import { request } from '../../api/graphql-client';
import { failureMessage } from '../../api/loadable';
import { useLoad } from '../../api/use-load';
import { downloadText } from '../../export/download';
import { SINGLE_POINTS_OF_FAILURE_QUERY } from '../../features/coverage-gaps/queries';
import { LEVEL_TEXT } from '../../features/coverage-gaps/labels';
import { REGION_ID, type CoverageView } from '../../features/coverage-gaps/types';
import { singlePointsOfFailureCsv } from '../../features/coverage-gaps/what-if-csv';

export interface FragilityPanelProps {
  view: CoverageView;
  names: (id: string) => string;
  onOpenInGraph(ids: string[]): void;
}

const people = (value: number) => value.toLocaleString('fr-FR');
const SHOWN_CELLS = 6;

/** « Points de fragilité »: organisations whose withdrawal would leave territories with nothing, by people. */
export function FragilityPanel({ view, names, onOpenInGraph }: FragilityPanelProps) {
  const id = useId();
  const within = view.level === 'DEPARTEMENT' ? REGION_ID : view.within;
  const { theme, public: publicId, activeOn } = view.left;
  const state = useLoad(
    async (signal) =>
      (
        await request(
          SINGLE_POINTS_OF_FAILURE_QUERY,
          {
            level: view.level,
            within,
            theme: theme || null,
            public: publicId || null,
            activeOn: activeOn || null,
          },
          { signal },
        )
      ).data.singlePointsOfFailure,
    [view.level, within, theme, publicId, activeOn],
  );
  const scope = within === REGION_ID ? 'Nouvelle-Aquitaine' : names(within);
  const unit = LEVEL_TEXT[view.level].unit;
  return (
    <section className="coverage fragility" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Points de fragilité</h2>
      <p className="hint">
        Les organisations qui, seules, font qu’un territoire a une offre : sans elles (portées, ou financées
        par elles seules), ces {unit} n’auraient plus aucun dispositif
        {theme ? ` pour « ${names(theme)} »` : ''}
        {publicId ? `, public « ${names(publicId)} »` : ''}. {scope}, dispositifs en cours.
      </p>
      {state.type === 'loading' ? <p role="status">Calcul des points de fragilité…</p> : null}
      {state.type === 'error' ? <p role="alert">{failureMessage(state)}</p> : null}
      {state.type === 'ready' ? (
        <>
          <button
            type="button"
            onClick={() =>
              downloadText(
                `points-de-fragilite-${view.level.toLowerCase()}-${within.replace(/^[a-z]+:/, '')}.csv`,
                singlePointsOfFailureCsv(state.value),
                'text/csv',
              )
            }
          >
            Exporter les points de fragilité (CSV)
          </button>
          <table className="totals fragility-table">
            <caption>
              {state.value.length} organisation{state.value.length > 1 ? 's' : ''} seule
              {state.value.length > 1 ? 's' : ''} à couvrir des {unit}
            </caption>
            <thead>
              <tr>
                <th scope="col">Organisation</th>
                <th scope="col">Habitants</th>
                <th scope="col">{LEVEL_TEXT[view.level].many} couverts par elle seule</th>
                <th scope="col">Dispositifs</th>
              </tr>
            </thead>
            <tbody>
              {state.value.map((row) => (
                <tr key={row.organisation.id}>
                  <th scope="row">
                    <button
                      type="button"
                      className="link"
                      onClick={() => onOpenInGraph([row.organisation.id])}
                    >
                      {row.organisation.name}
                    </button>
                  </th>
                  <td>{people(row.population)}</td>
                  <td>
                    {row.cells.length} :{' '}
                    {row.cells
                      .slice(0, SHOWN_CELLS)
                      .map((cell) => cell.name)
                      .join(', ')}
                    {row.cells.length > SHOWN_CELLS ? '…' : ''}
                  </td>
                  <td>{row.dispositifs.map((d) => d.name).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
