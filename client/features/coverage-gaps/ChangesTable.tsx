import { formatPopulation, STATUS_TEXT } from './labels.js';
import type { CoverageChangeData, CoverageResult } from './types.js';

export interface ChangesTableProps {
  changes: readonly CoverageChangeData[];
  left: CoverageResult;
  /** Names of the dispositifs applying on either side, by id. */
  dispositifNames: ReadonlyMap<string, string>;
  leftTitle: string;
  rightTitle: string;
  onSelect: (territoryId: string) => void;
}

/** Cells whose status differs between the two sides, with the dispositifs lost and gained. */
export function ChangesTable({
  changes,
  left,
  dispositifNames,
  leftTitle,
  rightTitle,
  onSelect,
}: ChangesTableProps) {
  const territoryName = new Map(left.cells.map((cell) => [cell.territory.id, cell.territory.name]));
  const dispositifName = (id: string) => dispositifNames.get(id) ?? id;
  const lostPeople = changes
    .filter((change) => change.after === 'NONE')
    .reduce((sum, change) => sum + change.population, 0);
  return (
    <section className="coverage-changes" aria-label="Territoires dont le statut change">
      <h3>
        {changes.length === 0
          ? 'Aucun territoire ne change de statut'
          : `${changes.length.toLocaleString('fr-FR')} territoire(s) changent de statut`}
      </h3>
      {lostPeople > 0 ? (
        <p className="hint">
          {formatPopulation(lostPeople)} habitants vivent dans un territoire qui n’a plus aucun dispositif à
          droite.
        </p>
      ) : null}
      {changes.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">Territoire</th>
              <th scope="col">{leftTitle}</th>
              <th scope="col">{rightTitle}</th>
              <th scope="col" className="number">
                Population
              </th>
              <th scope="col">Dispositifs perdus</th>
              <th scope="col">Dispositifs gagnés</th>
            </tr>
          </thead>
          <tbody>
            {changes.slice(0, 500).map((change) => (
              <tr key={change.territory} data-territory={change.territory}>
                <th scope="row">
                  <button type="button" className="link" onClick={() => onSelect(change.territory)}>
                    {territoryName.get(change.territory) ?? change.territory}
                  </button>
                </th>
                <td>
                  <span className="coverage-status" data-status={change.before}>
                    {STATUS_TEXT[change.before]}
                  </span>
                </td>
                <td>
                  <span className="coverage-status" data-status={change.after}>
                    {STATUS_TEXT[change.after]}
                  </span>
                </td>
                <td className="number">{formatPopulation(change.population)}</td>
                <td>{change.lost.map(dispositifName).join(', ') || '—'}</td>
                <td>{change.gained.map(dispositifName).join(', ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
