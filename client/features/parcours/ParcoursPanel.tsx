import { useId } from 'react';
import { request } from '../../api/graphql-client';
import { failureMessage } from '../../api/loadable';
import { useLoad } from '../../api/use-load';
import { downloadText } from '../../export/download';
import { STATUS_LABELS } from '../../vocabulary';
import { themeOptions } from '../coverage-gaps/FilterFields';
import type { ParcoursView } from '../coverage-gaps/types';
import { distanceText, offerCsv } from '../coverage-gaps/what-if-csv.js';
import { SearchBox } from '../search/SearchBox';
import type { Vocabulary } from '../vocabulary/types';
import { COMMUNE_NAME_QUERY, OFFER_FOR_QUERY } from './queries.js';
import './parcours.css';

export interface ParcoursPanelProps {
  view: ParcoursView;
  onChange(patch: Partial<ParcoursView>): void;
  vocabulary: Vocabulary;
  /** Opens these nodes on the graph canvas. */
  onOpenInGraph(ids: string[]): void;
}

const formatDay = (iso: string | null | undefined) =>
  iso ? new Date(`${iso}T00:00:00Z`).toLocaleDateString('fr-FR', { timeZone: 'UTC' }) : null;

/** « Parcours »: what someone living in a commune, with a profile, may turn to, nearest first. */
export function ParcoursPanel({ view, onChange, vocabulary, onOpenInGraph }: ParcoursPanelProps) {
  const id = useId();
  const { commune, public: publicId, theme } = view;
  const communeName = useLoad(
    commune
      ? async (signal) =>
          (await request(COMMUNE_NAME_QUERY, { id: commune }, { signal })).data.node?.name ?? commune
      : null,
    [commune],
  );
  const offer = useLoad(
    commune
      ? async (signal) =>
          (
            await request(
              OFFER_FOR_QUERY,
              { commune, public: publicId || null, theme: theme || null },
              { signal },
            )
          ).data.offerFor
      : null,
    [commune, publicId, theme],
  );
  const publics = [...vocabulary.publics].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  const name = communeName.type === 'ready' ? communeName.value : commune;

  return (
    <section className="parcours" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Parcours</h2>
      <p className="hint">
        Ce à quoi une personne peut s’adresser là où elle vit : les dispositifs déployés dans sa commune ou
        dans un territoire qui la contient (EPCI, bassin, département, région), du plus proche au plus
        lointain.
      </p>
      <div className="parcours-profile">
        <div className="field">
          <span className="field-label">Commune</span>
          {commune ? (
            <p>
              <strong data-testid="parcours-commune">{name}</strong>{' '}
              <button type="button" onClick={() => onChange({ commune: '' })}>
                Changer de commune
              </button>
            </p>
          ) : (
            <SearchBox
              label="Commune de résidence"
              placeholder="Rechercher une commune…"
              kinds={['TERRITORY']}
              first={15}
              clearOnChoose
              onChoose={(hit) => {
                if (hit.id.startsWith('com:')) onChange({ commune: hit.id });
              }}
            />
          )}
        </div>
        <label className="field">
          <span className="field-label">Public</span>
          <select
            aria-label="Profil : public"
            value={publicId}
            onChange={(e) => onChange({ public: e.target.value })}
          >
            <option value="">Tous les publics</option>
            {publics.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Besoin</span>
          <select
            aria-label="Profil : thème"
            value={theme}
            onChange={(e) => onChange({ theme: e.target.value })}
          >
            <option value="">Tous les thèmes</option>
            {themeOptions(vocabulary).map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      </div>

      {!commune ? (
        <p className="hint">Choisissez une commune (les autres territoires ne sont pas retenus).</p>
      ) : null}
      {offer.type === 'loading' ? <p role="status">Recherche de l’offre…</p> : null}
      {offer.type === 'error' ? <p role="alert">{failureMessage(offer)}</p> : null}
      {offer.type === 'ready' ? (
        <>
          <p className="parcours-count" role="status">
            {offer.value.length === 0
              ? 'Aucun dispositif recensé pour ce profil ici.'
              : `${offer.value.length} dispositif${offer.value.length > 1 ? 's' : ''} pour ce profil`}
          </p>
          {offer.value.length > 0 ? (
            <div className="parcours-actions">
              <button
                type="button"
                onClick={() => onOpenInGraph(offer.value.map((item) => item.dispositif.id))}
              >
                Tout ouvrir sur le graphe
              </button>
              <button
                type="button"
                onClick={() =>
                  downloadText(
                    `parcours-${commune.replace(/^com:/, '')}.csv`,
                    offerCsv(offer.value),
                    'text/csv',
                  )
                }
              >
                Exporter l’offre (CSV)
              </button>
            </div>
          ) : null}
          <ol className="parcours-offer" aria-label="Offre, du plus proche au plus lointain">
            {offer.value.map((item) => {
              const { dispositif } = item;
              const dates = [formatDay(dispositif.startDate), formatDay(dispositif.endDate)];
              return (
                <li key={dispositif.id} data-distance={item.distance}>
                  <span className="parcours-distance">{distanceText(item.distance)}</span>
                  <button type="button" className="link" onClick={() => onOpenInGraph([dispositif.id])}>
                    {dispositif.name}
                  </button>
                  <span className="hint">
                    {' '}
                    —{' '}
                    {dispositif.status ? STATUS_LABELS[dispositif.status as keyof typeof STATUS_LABELS] : ''}
                    {dates[0] || dates[1] ? ` (${dates[0] ?? '…'} → ${dates[1] ?? '…'})` : ''} · via{' '}
                    {item.through.map((t) => t.name).join(', ')}
                  </span>
                  {dispositif.carriers.length > 0 ? (
                    <div className="hint">
                      Porté par {dispositif.carriers.map((l) => l.organisation.name).join(', ')}
                    </div>
                  ) : null}
                  {dispositif.prescribers.length > 0 ? (
                    <div className="hint">
                      Prescrit par {dispositif.prescribers.map((l) => l.organisation.name).join(', ')}
                    </div>
                  ) : null}
                  {dispositif.sources.length > 0 ? (
                    <div className="hint">Sources : {dispositif.sources.map((s) => s.title).join(' ; ')}</div>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </>
      ) : null}
    </section>
  );
}
