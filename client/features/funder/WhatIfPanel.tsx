import { useId, useMemo, useState } from 'react';
import { request } from '../../api/graphql-client';
import { failureMessage } from '../../api/loadable';
import { useLoad } from '../../api/use-load';
import { downloadText } from '../../export/download';
import { Choropleth } from '../coverage-gaps/Choropleth';
import { nouvelleAquitaineMap } from '../coverage-gaps/departements-map.js';
import { STATUS_COLOURS } from '../coverage-gaps/labels.js';
import { REGION_ID, type CoverageCell } from '../coverage-gaps/types.js';
import { dependenciesCsv } from '../coverage-gaps/what-if-csv.js';
import type { TerritoryLevel } from '../../gql/graphql.js';
import { DEPENDENCIES_QUERY } from './queries.js';
import './what-if.css';

const LEVELS: { id: TerritoryLevel; label: string; unit: string }[] = [
  { id: 'DEPARTEMENT', label: 'Départements', unit: 'département' },
  { id: 'EPCI', label: 'EPCI', unit: 'EPCI' },
  { id: 'COMMUNE', label: 'Communes', unit: 'commune' },
];
const DEPARTEMENTS = nouvelleAquitaineMap().shapes;
const people = (value: number) => value.toLocaleString('fr-FR');
const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count > 1 ? many : one}`;

export interface WhatIfPanelProps {
  organisation: { id: string; name: string };
  /** The first words of the title: « Si ce financeur se retirait », « Si cet acteur se retirait ». */
  title: string;
  onFocusNode?: (id: string) => void;
}

/**
 * What an organisation's withdrawal would uncover: theme by theme, the
 * territories its dispositifs (carried, or funded by it alone) are the only ones to reach.
 */
export function WhatIfPanel({ organisation, title, onFocusNode }: WhatIfPanelProps) {
  const id = useId();
  const [level, setLevel] = useState<TerritoryLevel>('DEPARTEMENT');
  const state = useLoad(
    async (signal) =>
      (
        await request(
          DEPENDENCIES_QUERY,
          { organisation: organisation.id, level, within: REGION_ID },
          { signal },
        )
      ).data.dependencies,
    [organisation.id, level],
  );
  const rows = state.type === 'ready' ? state.value : [];
  const unit = LEVELS.find((item) => item.id === level)!.unit;

  const byTheme = useMemo(() => {
    const themes = new Map<string, { name: string; cells: number; population: number }>();
    for (const row of rows) {
      const theme = themes.get(row.theme.id) ?? { name: row.theme.name, cells: 0, population: 0 };
      theme.cells += 1;
      theme.population += row.population;
      themes.set(row.theme.id, theme);
    }
    return [...themes.entries()].sort((a, b) => b[1].population - a[1].population);
  }, [rows]);

  // A département is drawn as losing when it holds a territory that would lose a theme.
  const cells = useMemo((): CoverageCell[] => {
    const losing = new Set(
      rows.map((row) => (level === 'DEPARTEMENT' ? row.territory.id : row.departement?.id)),
    );
    return DEPARTEMENTS.map((shape) => ({
      status: losing.has(shape.id) ? 'NONE' : 'COVERED',
      population: 0,
      coveredPopulation: 0,
      territory: { id: shape.id, name: shape.name, code: shape.code, level: 'DEPARTEMENT' },
      departement: { id: shape.id },
      dispositifCount: 0,
    }));
  }, [rows, level]);
  const territories = new Set(rows.map((row) => row.territory.id));
  const population = new Map(rows.map((row) => [row.territory.id, row.population]));
  const total = [...population.values()].reduce((sum, value) => sum + value, 0);

  return (
    <section className="what-if" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        {title} — {organisation.name}
      </h3>
      <p className="hint">
        Les territoires où ses dispositifs (portés, ou financés par lui seul) sont les seuls à atteindre,
        thème par thème : sans lui, il n’y resterait aucun dispositif recensé. Dispositifs en cours.
      </p>
      <label className="field">
        <span className="field-label">Échelle</span>
        <select
          aria-label="Échelle du retrait"
          value={level}
          onChange={(e) => setLevel(e.target.value as TerritoryLevel)}
        >
          {LEVELS.map((item) => (
            <option key={item.id} value={item.id}>
              {item.label}
            </option>
          ))}
        </select>
      </label>
      {state.type === 'loading' ? <p role="status">Calcul de ce qui serait perdu…</p> : null}
      {state.type === 'error' ? <p role="alert">{failureMessage(state)}</p> : null}
      {state.type === 'ready' ? (
        <>
          <p className="what-if-summary" role="status">
            {rows.length === 0
              ? `Aucun territoire ne perdrait toute son offre : chaque thème y garde un autre dispositif.`
              : `${plural(territories.size, unit)} perdrai${territories.size > 1 ? 'ent' : 't'} toute offre pour au moins un thème (${people(total)} habitants) ; ${plural(byTheme.length, 'thème')} touché${byTheme.length > 1 ? 's' : ''}.`}
          </p>
          <Choropleth
            cells={cells}
            selected={null}
            onSelect={() => {}}
            label={`Départements touchés si ${organisation.name} se retirait`}
          />
          <ul className="coverage-legend" aria-label="Légende de la carte">
            <li>
              <span
                className="coverage-swatch"
                style={{ background: STATUS_COLOURS.NONE }}
                aria-hidden="true"
              />
              perdrait toute offre pour au moins un thème
            </li>
            <li>
              <span
                className="coverage-swatch"
                style={{ background: STATUS_COLOURS.COVERED }}
                aria-hidden="true"
              />
              garde une offre dans chaque thème
            </li>
          </ul>
          {rows.length > 0 ? (
            <>
              <button
                type="button"
                onClick={() =>
                  downloadText(
                    `si-retrait-${organisation.id.replace(/^org:/, '')}-${level.toLowerCase()}.csv`,
                    dependenciesCsv(rows),
                    'text/csv',
                  )
                }
              >
                Exporter ce qui serait perdu (CSV)
              </button>
              <table className="totals">
                <caption>Par thème</caption>
                <thead>
                  <tr>
                    <th scope="col">Thème</th>
                    <th scope="col">Territoires</th>
                    <th scope="col">Habitants</th>
                  </tr>
                </thead>
                <tbody>
                  {byTheme.map(([themeId, theme]) => (
                    <tr key={themeId}>
                      <td>{theme.name}</td>
                      <td>{theme.cells}</td>
                      <td>{people(theme.population)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <table className="totals what-if-table">
                <caption>Territoires qui perdraient toute offre</caption>
                <thead>
                  <tr>
                    <th scope="col">Thème</th>
                    <th scope="col">Territoire</th>
                    <th scope="col">Habitants</th>
                    <th scope="col">Dispositifs</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={`${row.theme.id} ${row.territory.id}`}>
                      <td>{row.theme.name}</td>
                      <td>{row.territory.name}</td>
                      <td>{people(row.population)}</td>
                      <td>
                        {row.dispositifs.map((d, i) => (
                          <span key={d.id}>
                            {i > 0 ? ', ' : ''}
                            {onFocusNode ? (
                              <button type="button" className="link" onClick={() => onFocusNode(d.id)}>
                                {d.name}
                              </button>
                            ) : (
                              d.name
                            )}
                          </span>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
