import { useMemo, useState } from 'react';
import { nouvelleAquitaineMap } from './departements-map.js';
import { formatPopulation, STATUS_ORDER, STATUS_TEXT } from './labels.js';
import type { CoverageCell, CoverageStatus } from './types.js';

const PAGE = 100;
const DEPARTEMENT_NAMES = new Map(nouvelleAquitaineMap().shapes.map((shape) => [shape.id, shape.name]));
type Sort = 'grid' | 'population' | 'status';

export interface CoverageTableProps {
  cells: readonly CoverageCell[];
  selected: string | null;
  onSelect: (territoryId: string) => void;
  caption: string;
}

/** The coverage table: every cell, gaps first on demand, a hundred rows at a time. */
export function CoverageTable({ cells, selected, onSelect, caption }: CoverageTableProps) {
  const [only, setOnly] = useState<CoverageStatus | ''>('');
  const [sort, setSort] = useState<Sort>('grid');
  const [shown, setShown] = useState(PAGE);
  const rows = useMemo(() => {
    const kept = only ? cells.filter((cell) => cell.status === only) : [...cells];
    if (sort === 'population') kept.sort((a, b) => b.population - a.population);
    if (sort === 'status')
      kept.sort(
        (a, b) =>
          STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || b.population - a.population,
      );
    return kept;
  }, [cells, only, sort]);

  return (
    <div className="coverage-table">
      <div className="coverage-table-controls">
        <label>
          Afficher{' '}
          <select
            value={only}
            onChange={(event) => {
              setOnly(event.target.value as CoverageStatus | '');
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
          <select value={sort} onChange={(event) => setSort(event.target.value as Sort)}>
            <option value="grid">département puis nom</option>
            <option value="status">lacunes d’abord</option>
            <option value="population">population</option>
          </select>
        </label>
      </div>
      <table>
        <caption>
          {caption} — {rows.length.toLocaleString('fr-FR')} ligne(s)
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
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > shown ? (
        <button type="button" onClick={() => setShown(shown + PAGE * 5)}>
          Afficher {Math.min(PAGE * 5, rows.length - shown)} ligne(s) de plus
        </button>
      ) : null}
    </div>
  );
}
