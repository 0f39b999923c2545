import { useState, type FormEvent } from 'react';
import { request } from '../../api/graphql-client';
import { useLoad } from '../../api/use-load';
import type { EditableNodeQuery } from '../../gql/graphql';
import { DISPOSITIF_STATUSES, STATUS_LABELS, type DispositifStatus } from '../../vocabulary';
import { CARRIER_TYPES } from '../coverage-gaps/labels';
import { editErrorMessage } from './messages';
import { EDITABLE_NODE_QUERY, UPDATE_DISPOSITIF, UPDATE_ORGANISATION, UPDATE_PERSON } from './queries';
import { bumpEditRevision } from './revision';
import { changeInputOf, EMPTY_SOURCE, SourceFields } from './SourceFields';

type Editable = NonNullable<EditableNodeQuery['node']>;
type Draft = Record<string, string>;

const FIELDS: Record<string, { key: string; label: string; kind?: 'type' | 'status' | 'date' | 'long' }[]> = {
  Organisation: [
    { key: 'name', label: 'Nom' },
    { key: 'acronym', label: 'Sigle' },
    { key: 'type', label: 'Type', kind: 'type' },
    { key: 'website', label: 'Site web' },
    { key: 'aliases', label: 'Autres noms (séparés par « ; »)' },
    { key: 'description', label: 'Description', kind: 'long' },
  ],
  Dispositif: [
    { key: 'name', label: 'Nom' },
    { key: 'dispositifType', label: 'Type (programme, action…)' },
    { key: 'status', label: 'Statut', kind: 'status' },
    { key: 'startDate', label: 'Début', kind: 'date' },
    { key: 'endDate', label: 'Fin', kind: 'date' },
    { key: 'aliases', label: 'Autres noms (séparés par « ; »)' },
    { key: 'description', label: 'Description', kind: 'long' },
  ],
  Person: [
    { key: 'name', label: 'Nom' },
    { key: 'role', label: 'Fonction' },
  ],
};

function draftOf(node: Editable): Draft {
  const draft: Draft = {};
  for (const field of FIELDS[node.__typename] ?? []) {
    const value = (node as Record<string, unknown>)[field.key];
    draft[field.key] = Array.isArray(value) ? value.join('; ') : value == null ? '' : String(value);
  }
  return draft;
}

/** The fields that changed, as a patch: emptied ones are cleared (null). */
function patchOf(node: Editable, draft: Draft): Record<string, unknown> {
  const before = draftOf(node);
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(draft)) {
    if (value === before[key]) continue;
    const name = key === 'dispositifType' ? 'type' : key;
    if (key === 'aliases') {
      patch[name] = value
        .split(';')
        .map((alias) => alias.trim())
        .filter(Boolean);
    } else patch[name] = value.trim() === '' ? null : value.trim();
  }
  return patch;
}

/** « Modifier »: the node's fields, vocabularies as pick lists, and the source of the change. */
export function EditNodeForm({ id, onDone }: { id: string; onDone: () => void }) {
  const state = useLoad(
    async (signal) => (await request(EDITABLE_NODE_QUERY, { id }, { signal })).data.node,
    [id],
  );
  if (state.type === 'loading') return <p role="status">Chargement…</p>;
  if (state.type === 'error' || state.type === 'idle' || !state.value)
    return <p role="alert">Fiche introuvable.</p>;
  return <EditFields node={state.value} onDone={onDone} />;
}

function EditFields({ node, onDone }: { node: Editable; onDone: () => void }) {
  const [draft, setDraft] = useState(() => draftOf(node));
  const [source, setSource] = useState(EMPTY_SOURCE);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const version = 'version' in node ? node.version : 0;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    const variables = { id: node.id, version, change: changeInputOf(source) };
    const patch = patchOf(node, draft);
    try {
      if (node.__typename === 'Organisation') await request(UPDATE_ORGANISATION, { ...variables, patch });
      else if (node.__typename === 'Dispositif') await request(UPDATE_DISPOSITIF, { ...variables, patch });
      else await request(UPDATE_PERSON, { ...variables, patch });
      bumpEditRevision(typeof patch.name === 'string' ? { renamed: { id: node.id, name: patch.name } } : {});
      onDone();
    } catch (caught) {
      setError(editErrorMessage(caught));
    } finally {
      setSaving(false);
    }
  }

  const set = (key: string) => (value: string) => setDraft({ ...draft, [key]: value });
  return (
    <form className="edit-form" aria-label="Modifier la fiche" onSubmit={(event) => void submit(event)}>
      {(FIELDS[node.__typename] ?? []).map((field) => (
        <label key={field.key}>
          {field.label}
          {field.kind === 'type' ? (
            <select value={draft[field.key]} onChange={(e) => set(field.key)(e.target.value)}>
              {CARRIER_TYPES.map((type) => (
                <option key={type.code} value={type.code}>
                  {type.label}
                </option>
              ))}
            </select>
          ) : field.kind === 'status' ? (
            <select value={draft[field.key]} onChange={(e) => set(field.key)(e.target.value)}>
              {DISPOSITIF_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {STATUS_LABELS[status as DispositifStatus]}
                </option>
              ))}
            </select>
          ) : field.kind === 'long' ? (
            <textarea value={draft[field.key]} onChange={(e) => set(field.key)(e.target.value)} rows={3} />
          ) : (
            <input
              type={field.kind === 'date' ? 'date' : 'text'}
              value={draft[field.key]}
              onChange={(e) => set(field.key)(e.target.value)}
            />
          )}
        </label>
      ))}
      <SourceFields value={source} onChange={setSource} />
      {error && <p role="alert">{error}</p>}
      <button type="submit" disabled={saving}>
        Enregistrer
      </button>
      <button type="button" onClick={onDone}>
        Annuler
      </button>
    </form>
  );
}
