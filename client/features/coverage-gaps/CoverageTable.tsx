import { useMemo, useState } from 'react';
import { nouvelleAquitaineMap } from './departements-map.js';
import { useRecordedActors } from './honest-gaps.js';
import { formatPopulation, STATUS_ORDER, STATUS_TEXT } from './labels.js';
import type { CoverageCell, CoverageScope, CoverageStatus } from './types.js';

const PAGE = 100;
const DEPARTEMENT_NAMES = new Map(nouvelleAquitaineMap().shapes.map((shape) => [shape.id, shape.name]));
type Sort = 'grid' | 'population' | 'status';

/** Which rows the table keeps and how it orders them: what the CSV export writes too. */
export interface TableChoice {
  only: CoverageStatus | '';
  sort: Sort;
}
export const ALL_ROWS: TableChoice = { only: '', sort: 'grid' };

const SORT_TEXT: Record<Sort, string> = {
  grid: 'département puis nom',
  status: 'lacunes d’abord',
  population: 'population',
};

/** The rows of the table for a choice, in its order (pure). */
export function tableRows(cells: readonly CoverageCell[], { only, sort }: TableChoice): CoverageCell[] {
  const kept = only ? cells.filter((cell) => cell.status === only) : [...cells];
  if (sort === 'population') kept.sort((a, b) => b.population - a.population);
  if (sort === 'status')
    kept.sort(
      (a, b) =>
        STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || b.population - a.population,
    );
  return kept;
}

/** « lignes : aucun dispositif recensé, triées par population »: the choice in words. */
export function describeChoice({ only, sort }: TableChoice): string {
  return `lignes : ${only ? STATUS_TEXT[only].toLowerCase() : 'tous les territoires'}, triées par ${SORT_TEXT[sort]}`;
}

export interface CoverageTableProps {
  cells: readonly CoverageCell[];
  selected: string | null;
  onSelect: (territoryId: string) => void;
  caption: string;
  /** The rows kept and their order, held by the panel so that the export writes the same rows. */
  choice: TableChoice;
  onChoice: (choice: TableChoice) => void;
  /** Level and territory of the cells: the recorded actors are counted for them. */
  scope: CoverageScope;
}

/** The coverage table: every cell, gaps first on demand, a hundred rows at a time. */
export function CoverageTable({
  cells,
  selected,
  onSelect,
  caption,
  choice,
  onChoice,
  scope,
}: CoverageTableProps) {
  const { only, sort } = choice;
  const [shown, setShown] = useState(PAGE);
  const rows = useMemo(() => tableRows(cells, choice), [cells, choice]);
  const actors = useRecordedActors(scope);
  const actorsOf = (id: string) => (actors.type === 'ready' ? actors.value.get(id) : undefined);

  return (
    <div className="coverage-table">
      <div className="coverage-table-controls">
        <label>
          Afficher{' '}
          <select
            value={only}
            onChange={(event) => {
              onChoice({ ...choice, only: event.target.value as CoverageStatus | '' });
              setShown(PAGE);
            }}
          >
            <option value="">tous les territoires</option>
            {STATUS_ORDER.map((status) => (
              <option key={status} value={status}>
                {STATUS_TEXT[status].toLowerCase()}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          Trier par{' '}
          <select
            value={sort}
            onChange={(event) => onChoice({ ...choice, sort: event.target.value as Sort })}
          >
            {(Object.keys(SORT_TEXT) as Sort[]).map((value) => (
              <option key={value} value={value}>
                {SORT_TEXT[value]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <table>
        <caption>
          {caption} — {rows.length.toLocaleString('fr-FR')} {rows.length === 1 ? 'ligne' : 'lignes'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Territoire</th>
            <th scope="col">Code</th>
            <th scope="col">Département</th>
            <th scope="col">Statut</th>
            <th scope="col" className="number">
              Population
            </th>
            <th scope="col" className="number">
              Pop. atteinte
            </th>
            <th scope="col" className="number">
              Dispositifs
            </th>
            <th
              scope="col"
              className="number"
              title="Organisations ayant leur siège ici · dispositifs de tout filtre déployés ici"
            >
              Acteurs recensés
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, shown).map((cell) => (
            <tr
              key={cell.territory.id}
              aria-selected={selected === cell.territory.id}
              data-territory={cell.territory.id}
            >
              <th scope="row">
                <button type="button" className="link" onClick={() => onSelect(cell.territory.id)}>
                  {cell.territory.name}
                </button>
              </th>
              <td>{cell.territory.code}</td>
              <td>
                {cell.departement ? (DEPARTEMENT_NAMES.get(cell.departement.id) ?? cell.departement.id) : '—'}
              </td>
              <td>
                <span className="coverage-status" data-status={cell.status}>
                  {STATUS_TEXT[cell.status]}
                </span>
              </td>
              <td className="number">{formatPopulation(cell.population)}</td>
              <td className="number">{formatPopulation(cell.coveredPopulation)}</td>
              <td className="number">{cell.dispositifCount}</td>
              <td className="number" data-actors={actorsOf(cell.territory.id)?.organisations}>
                {recordedText(actorsOf(cell.territory.id))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > shown ? (
        <button type="button" onClick={() => setShown(shown + PAGE * 5)}>
          Afficher {Math.min(PAGE * 5, rows.length - shown)}{' '}
          {Math.min(PAGE * 5, rows.length - shown) === 1 ? 'ligne' : 'lignes'} de plus
        </button>
      ) : null}
    </div>
  );
}

function recordedText(counts: { organisations: number; dispositifs: number } | undefined): string {
  if (!counts) return '…';
  if (counts.organisations === 0 && counts.dispositifs === 0) return 'aucun (inconnu)';
  return `${counts.organisations} org. · ${counts.dispositifs} disp.`;
}
