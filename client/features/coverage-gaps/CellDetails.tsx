import { STATUS_LABELS } from '../../vocabulary';
import { useEffect, useRef } from 'react';
import { formatPopulation, formatShare, STATUS_TEXT, VIA_TEXT } from './labels.js';
import { failureMessage, type Loadable } from '../../api/loadable';
import type { CellApplication, CoverageCell, CoverageResult } from './types.js';

export interface CellDetailsProps {
  cell: CoverageCell;
  result: CoverageResult;
  /** How each dispositif applies, fetched when the cell is opened. */
  applications: Loadable<CellApplication[]>;
  onOpenInGraph: (ids: string[]) => void;
  onClose: () => void;
}

/** The dispositifs behind one cell, how each applies, and a way to open them on the graph. */
export function CellDetails({ cell, result, applications, onOpenInGraph, onClose }: CellDetailsProps) {
  const dispositif = (id: string) => result.dispositifs.get(id);
  const territoryName = (dispositifId: string, id: string) =>
    id === cell.territory.id
      ? cell.territory.name
      : (dispositif(dispositifId)?.deployedIn.find((place) => place.id === id)?.name ?? id);
  const ids = applications.type === 'ready' ? applications.value.map((a) => a.dispositif.id) : [];
  const section = useRef<HTMLElement>(null);
  // Opened from the table, far below: bring the details into view.
  useEffect(() => {
    section.current?.scrollIntoView?.({ block: 'nearest' });
  }, [cell.territory.id]);
  const how = new Map(
    applications.type === 'ready'
      ? applications.value.map((application) => [application.dispositif.id, application])
      : [],
  );
  return (
    <section ref={section} className="coverage-details" aria-label={`Dispositifs de ${cell.territory.name}`}>
      <header>
        <h3>
          {cell.territory.name} <span className="count">{cell.territory.code}</span>
        </h3>
        <button type="button" onClick={onClose} aria-label="Fermer le détail">
          ×
        </button>
      </header>
      <p>
        <span className="coverage-status" data-status={cell.status}>
          {STATUS_TEXT[cell.status]}
        </span>{' '}
        · {formatPopulation(cell.population)} habitants
        {cell.status === 'PARTIAL'
          ? `, dont ${formatPopulation(cell.coveredPopulation)} (${formatShare(cell.coveredPopulation, cell.population)}) dans une commune atteinte`
          : ''}
      </p>
      {cell.dispositifCount === 0 ? (
        <p className="hint">Aucun dispositif correspondant au filtre n’est déployé ici ni autour.</p>
      ) : (
        <>
          <button type="button" disabled={ids.length === 0} onClick={() => onOpenInGraph(ids)}>
            Ouvrir {cell.dispositifCount > 1 ? `les ${cell.dispositifCount} dispositifs` : 'le dispositif'}{' '}
            dans le graphe
          </button>
          {applications.type === 'error' ? (
            <p className="notice" role="alert">
              {failureMessage(applications)}
            </p>
          ) : null}
          <ul className="coverage-applications" aria-busy={applications.type === 'loading'}>
            {ids.map((id) => {
              const item = dispositif(id)?.dispositif;
              const application = how.get(id);
              return (
                <li key={id} data-via={application?.via}>
                  <button type="button" className="link" onClick={() => onOpenInGraph([id])}>
                    {item?.name ?? id}
                  </button>{' '}
                  {application ? (
                    <>
                      <span className="coverage-via">{VIA_TEXT[application.via]}</span>
                      {application.via !== 'DEPLOYED' && application.through.length > 0 ? (
                        <span className="hint">
                          {' '}
                          via {application.through.map((t) => territoryName(id, t.id)).join(', ')}
                        </span>
                      ) : null}
                      {application.via === 'PARTIAL' ? (
                        <span className="hint">
                          {' '}
                          · {formatPopulation(application.population)} hab. atteints
                        </span>
                      ) : null}
                    </>
                  ) : null}
                  {item?.status ? <span className="hint"> · {STATUS_LABELS[item.status]}</span> : null}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
