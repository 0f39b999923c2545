import { useState, type FormEvent } from 'react';
import { request } from '../../api/graphql-client';
import type { DispositifStatus, OrganisationType } from '../../gql/graphql';
import { useAtlas } from '../../state/store';
import { DISPOSITIF_STATUSES, STATUS_LABELS } from '../../vocabulary';
import { CARRIER_TYPES } from '../coverage-gaps/labels';
import type { Hit } from '../search/grouping';
import { SearchBox } from '../search/SearchBox';
import { editErrorMessage } from './messages';
import { CREATE_DISPOSITIF, CREATE_ORGANISATION } from './queries';
import { bumpEditRevision } from './revision';
import { changeInputOf, EMPTY_SOURCE, SourceFields } from './SourceFields';
import './editing.css';

/** « Nouvel acteur » / « Nouveau dispositif »: name, type, territory and source; opens the new node. */
export function CreateNodeDialog({
  kind,
  onClose,
}: {
  kind: 'ORGANISATION' | 'DISPOSITIF';
  onClose: () => void;
}) {
  const { dispatch } = useAtlas();
  const [name, setName] = useState('');
  const [orgType, setOrgType] = useState<OrganisationType>('ASSO');
  const [dispositifType, setDispositifType] = useState('action');
  const [status, setStatus] = useState<DispositifStatus>('active');
  const [territory, setTerritory] = useState<Hit | null>(null);
  const [source, setSource] = useState(EMPTY_SOURCE);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const change = changeInputOf(source);
      const id =
        kind === 'ORGANISATION'
          ? (
              await request(CREATE_ORGANISATION, {
                input: { name, type: orgType, territory: territory?.id ?? null },
                change,
              })
            ).data.createOrganisation.node?.id
          : (
              await request(CREATE_DISPOSITIF, {
                input: { name, type: dispositifType, status, territories: territory ? [territory.id] : [] },
                change,
              })
            ).data.createDispositif.node?.id;
      bumpEditRevision();
      if (id) {
        dispatch({ type: 'openNode', id, select: true });
        dispatch({ type: 'setWorkspace', workspace: 'explorer' });
      }
      onClose();
    } catch (caught) {
      setError(editErrorMessage(caught));
    }
  }

  const title = kind === 'ORGANISATION' ? 'Nouvel acteur' : 'Nouveau dispositif';
  return (
    <div className="edit-dialog" role="dialog" aria-label={title}>
      <form className="edit-form" onSubmit={(event) => void submit(event)}>
        <h2>{title}</h2>
        <label>
          Nom
          <input value={name} onChange={(e) => setName(e.target.value)} required />
        </label>
        {kind === 'ORGANISATION' ? (
          <label>
            Type
            <select value={orgType} onChange={(e) => setOrgType(e.target.value as OrganisationType)}>
              {CARRIER_TYPES.map((type) => (
                <option key={type.code} value={type.code}>
                  {type.label}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <>
            <label>
              Type (programme, action, plateforme…)
              <input value={dispositifType} onChange={(e) => setDispositifType(e.target.value)} required />
            </label>
            <label>
              Statut
              <select value={status} onChange={(e) => setStatus(e.target.value as DispositifStatus)}>
                {DISPOSITIF_STATUSES.map((option) => (
                  <option key={option} value={option}>
                    {STATUS_LABELS[option]}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        <SearchBox
          label={kind === 'ORGANISATION' ? 'Siège (territoire)' : 'Territoire de déploiement'}
          placeholder="Rechercher un territoire…"
          kinds={['TERRITORY']}
          onChoose={setTerritory}
        />
        {territory && <p className="chosen">Territoire : {territory.name}</p>}
        <SourceFields value={source} onChange={setSource} />
        {error && <p role="alert">{error}</p>}
        <button type="submit">Créer</button>
        <button type="button" onClick={onClose}>
          Annuler
        </button>
      </form>
    </div>
  );
}
