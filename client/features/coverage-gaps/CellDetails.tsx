import { STATUS_LABELS } from '../../vocabulary';
import { useEffect, useRef } from 'react';
import { formatPopulation, formatShare, STATUS_TEXT, VIA_TEXT } from './labels.js';
import { failureMessage, type Loadable } from '../../api/loadable';
import { plural, RING_TEXT, useNearestDispositifs, useRecordedActors } from './honest-gaps.js';
import type { CellApplication, CoverageCell, CoverageFilter, CoverageScope } from './types.js';

export interface CellDetailsProps {
  cell: CoverageCell;
  /** How each dispositif applies, fetched when the cell is opened. */
  applications: Loadable<CellApplication[]>;
  onOpenInGraph: (ids: string[]) => void;
  onClose: () => void;
  /** The filter of the side the cell belongs to: the nearest dispositifs follow it. */
  filter: CoverageFilter;
  scope: CoverageScope;
}

/** The dispositifs behind one cell, how each applies, and a way to open them on the graph. */
export function CellDetails({ cell, applications, onOpenInGraph, onClose, filter, scope }: CellDetailsProps) {
  const territoryName = (place: { id: string; name: string }) =>
    place.id === cell.territory.id ? cell.territory.name : place.name;
  const ids = applications.type === 'ready' ? applications.value.map((a) => a.dispositif.id) : [];
  const section = useRef<HTMLElement>(null);
  // Opened from the table, far below: bring the details into view.
  useEffect(() => {
    section.current?.scrollIntoView?.({ block: 'nearest' });
  }, [cell.territory.id]);
  // Escape closes the detail, before the shell's Escape (which leaves the selection) sees it.
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      close.current();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  const recorded = useRecordedActors(scope);
  const counts = recorded.type === 'ready' ? recorded.value.get(cell.territory.id) : undefined;
  const nearby = useNearestDispositifs(cell.status === 'NONE' ? cell.territory.id : null, filter);
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
      <p className="coverage-recorded" data-organisations={counts?.organisations}>
        {counts
          ? counts.organisations === 0 && counts.dispositifs === 0
            ? 'Territoire inconnu des sources chargées : aucune organisation n’y a son siège, aucun dispositif n’y est déployé.'
            : `Recensés ici : ${plural(counts.organisations, 'organisation', 'organisations')} (siège), ${plural(counts.dispositifs, 'dispositif', 'dispositifs')} déployés, tous filtres confondus.`
          : 'Acteurs recensés : chargement…'}
      </p>
      {cell.dispositifCount === 0 ? (
        <>
          <p className="hint">
            Aucun dispositif correspondant au filtre n’est recensé ici ni autour, dans les sources chargées.
          </p>
          <section className="coverage-nearby" aria-label="Ce qui pourrait être étendu ici">
            <h4>Ce qui pourrait être étendu ici</h4>
            {nearby.type === 'loading' ? <p className="hint">Recherche des dispositifs voisins…</p> : null}
            {nearby.type === 'error' ? (
              <p className="notice" role="alert">
                {failureMessage(nearby)}
              </p>
            ) : null}
            {nearby.type === 'ready' && nearby.value.length === 0 ? (
              <p className="hint">
                Aucun dispositif de ce filtre n’est recensé dans le même EPCI, le même département ni un
                département voisin.
              </p>
            ) : null}
            {nearby.type === 'ready' && nearby.value.length > 0 ? (
              <ol className="coverage-nearby-list">
                {nearby.value.map((item) => (
                  <li key={item.id} data-ring={item.ring}>
                    <button type="button" className="link" onClick={() => onOpenInGraph([item.id])}>
                      {item.name}
                    </button>{' '}
                    <span className="hint">
                      {RING_TEXT[item.ring]} ({item.deployedIn.map((place) => place.name).join(', ')})
                    </span>
                    <br />
                    <span className="coverage-nearby-who">
                      Porté par {item.carriers.map((o) => o.name).join(', ') || 'porteur non recensé'}
                      {item.funders.length > 0
                        ? ` · financé par ${item.funders.map((o) => o.name).join(', ')}`
                        : ' · financeur non recensé'}
                    </span>
                  </li>
                ))}
              </ol>
            ) : null}
          </section>
        </>
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
              const application = how.get(id);
              const item = application?.dispositif;
              return (
                <li key={id} data-via={application?.via}>
                  <button type="button" className="link" onClick={() => onOpenInGraph([id])}>
                    {item?.name ?? id}
                  </button>{' '}
                  {application ? (
                    <>
                      <span className="coverage-via">{VIA_TEXT[application.via]}</span>
                      {application.via !== 'DEPLOYED' && application.through.length > 0 ? (
                        <span className="hint"> via {application.through.map(territoryName).join(', ')}</span>
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
