import { useId, useState } from 'react';
import type { Entry, SliceEdge } from '../graph/types';
import { useFunderNames } from '../funder/use-funder-names';
import { SearchBox } from '../search/SearchBox';
import type { Vocabulary } from '../vocabulary/types';
import '../funder/ranked-list.css';

type PartnersEntry = Extract<Entry, { type: 'partners' }>;

export interface PartnersPanelProps {
  vocabulary: Vocabulary;
  current: PartnersEntry | null;
  /** Partnership edges on screen, heaviest first. */
  edges: SliceEdge[];
  names: (id: string) => string;
  onShow: (entry: PartnersEntry) => void;
  onSelectEdge: (id: string) => void;
}

/** Who partners with whom (organisations sharing dispositifs), filtered by territory, theme and public. */
export function PartnersPanel(props: PartnersPanelProps) {
  const id = useId();
  const [territory, setTerritory] = useState<{ id: string; name: string } | null>(
    props.current?.territory
      ? { id: props.current.territory, name: props.names(props.current.territory) }
      : null,
  );
  const [theme, setTheme] = useState(props.current?.theme ?? '');
  const [publicId, setPublicId] = useState(props.current?.public ?? '');
  const [activeOn, setActiveOn] = useState(props.current?.activeOn ?? '');
  const [funder, setFunder] = useState(props.current?.funder ?? '');
  const funders = useFunderNames();
  const sortedThemes = [...props.vocabulary.themes].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  const sortedPublics = [...props.vocabulary.publics].sort((a, b) => a.name.localeCompare(b.name, 'fr'));

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Réseau partenarial</h2>
      <p className="hint">
        Deux organisations sont partenaires quand elles portent, rejoignent, financent ou prescrivent un même
        dispositif, ou ont un partenariat déclaré. L’épaisseur du lien = nombre de dispositifs partagés.
      </p>
      <div className="field">
        <span className="field-label">Territoire</span>
        {territory ? (
          <p>
            <strong>{territory.name}</strong>{' '}
            <button
              type="button"
              onClick={() => setTerritory(null)}
              aria-label="Retirer le territoire du réseau"
            >
              Retirer
            </button>
          </p>
        ) : (
          <SearchBox
            label="Territoire du réseau"
            placeholder="Tous les territoires"
            kinds={['TERRITORY']}
            first={15}
            clearOnChoose
            onChoose={(hit) => setTerritory({ id: hit.id, name: hit.name })}
          />
        )}
      </div>
      <label className="field">
        <span className="field-label">Thème</span>
        <select value={theme} onChange={(event) => setTheme(event.target.value)}>
          <option value="">Tous les thèmes</option>
          {sortedThemes.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">Public</span>
        <select value={publicId} onChange={(event) => setPublicId(event.target.value)}>
          <option value="">Tous les publics</option>
          {sortedPublics.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">Dispositifs en cours le</span>
        <input type="date" value={activeOn} onChange={(event) => setActiveOn(event.target.value)} />
      </label>
      <label className="field">
        <span className="field-label">Financeur</span>
        <select
          aria-label="Financeur du réseau"
          value={funder}
          onChange={(event) => setFunder(event.target.value)}
        >
          <option value="">Tous les financements</option>
          {funders.type === 'ready'
            ? funders.value.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.name}
                </option>
              ))
            : funder && <option value={funder}>{funder}</option>}
        </select>
      </label>
      <button
        type="button"
        onClick={() =>
          props.onShow({
            type: 'partners',
            territory: territory?.id ?? null,
            theme: theme || null,
            public: publicId || null,
            activeOn: activeOn || null,
            funder: funder || null,
          })
        }
      >
        Afficher le réseau
      </button>
      {props.current && (
        <>
          <h3>Partenariats ({props.edges.length})</h3>
          <ol className="partner-list ranked-list">
            {props.edges.slice(0, 50).map((edge) => (
              <li key={edge.id}>
                <button type="button" className="link" onClick={() => props.onSelectEdge(edge.id)}>
                  {props.names(edge.source)} ↔ {props.names(edge.target)}
                </button>{' '}
                <span className="count">({String(edge.props.weight ?? 1)})</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
