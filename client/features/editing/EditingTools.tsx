import { useState } from 'react';
import { request } from '../../api/graphql-client';
import type { NodeKind } from '../../vocabulary';
import { useViewer } from '../auth/session';
import { AddLinkForm } from './AddLinkForm';
import { EditNodeForm } from './EditNodeForm';
import { MergeForm } from './MergeForm';
import { EDITABLE_KINDS } from './endpoints';
import { editErrorMessage } from './messages';
import { DELETE_NODE, EDITABLE_NODE_QUERY } from './queries';
import { bumpEditRevision } from './revision';
import { changeInputOf, EMPTY_SOURCE } from './SourceFields';
import './editing.css';

/** « Modifier », « Ajouter un lien », « Fusionner avec… », « Supprimer » in the details panel, for editors. */
export function EditingTools({
  id,
  name,
  kind,
  onDeleted,
}: {
  id: string;
  name: string;
  kind: NodeKind | undefined;
  onDeleted: () => void;
}) {
  const viewer = useViewer();
  const [mode, setMode] = useState<'none' | 'edit' | 'link' | 'merge'>('none');
  const [error, setError] = useState<string | null>(null);
  if (!viewer?.canEdit || !kind || !EDITABLE_KINDS.includes(kind)) return null;

  async function remove() {
    if (!window.confirm('Supprimer cet élément et ses liens ? (restaurable depuis le journal)')) return;
    try {
      const node = (await request(EDITABLE_NODE_QUERY, { id })).data.node;
      const version = node && 'version' in node ? node.version : 0;
      await request(DELETE_NODE, { id, version, change: changeInputOf(EMPTY_SOURCE) });
      bumpEditRevision();
      onDeleted();
    } catch (caught) {
      setError(editErrorMessage(caught));
    }
  }

  return (
    <section aria-label="Édition">
      <div className="edit-tools">
        <button type="button" onClick={() => setMode(mode === 'edit' ? 'none' : 'edit')}>
          Modifier
        </button>
        <button type="button" onClick={() => setMode(mode === 'link' ? 'none' : 'link')}>
          Ajouter un lien
        </button>
        <button type="button" onClick={() => setMode(mode === 'merge' ? 'none' : 'merge')}>
          Fusionner avec…
        </button>
        <button type="button" onClick={() => void remove()}>
          Supprimer
        </button>
      </div>
      {error && <p role="alert">{error}</p>}
      {mode === 'edit' && <EditNodeForm id={id} onDone={() => setMode('none')} />}
      {mode === 'link' && <AddLinkForm id={id} kind={kind} onDone={() => setMode('none')} />}
      {mode === 'merge' && <MergeForm id={id} name={name} kind={kind} onDone={() => setMode('none')} />}
    </section>
  );
}
