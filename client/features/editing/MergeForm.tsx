import { useState } from 'react';
import { request } from '../../api/graphql-client';
import { useLoad } from '../../api/use-load';
import { relationLabel, type NodeKind, type RelationType } from '../../vocabulary';
import type { Hit } from '../search/grouping';
import { SearchBox } from '../search/SearchBox';
import { editErrorMessage } from './messages';
import { MERGE_NODES, MERGE_PREVIEW_QUERY } from './queries';
import { bumpEditRevision } from './revision';
import { changeInputOf, EMPTY_SOURCE, SourceFields } from './SourceFields';

const SHOWN_LINKS = 12;

/**
 * « Fusionner avec… »: pick the duplicate by search, see what moves to this node
 * (its links, its names as aliases), confirm; the duplicate is then deleted (restorable).
 */
export function MergeForm({
  id,
  name,
  kind,
  onDone,
}: {
  id: string;
  name: string;
  kind: NodeKind;
  onDone: () => void;
}) {
  const [other, setOther] = useState<Hit | null>(null);
  const [source, setSource] = useState(EMPTY_SOURCE);
  const [error, setError] = useState<string | null>(null);
  const preview = useLoad(
    other ? async (signal) => (await request(MERGE_PREVIEW_QUERY, { id: other.id }, { signal })).data : null,
    [other?.id],
  );

  async function confirm() {
    if (!other) return;
    try {
      await request(MERGE_NODES, { keep: id, merge: other.id, change: changeInputOf(source) });
      bumpEditRevision();
      onDone();
    } catch (caught) {
      setError(editErrorMessage(caught));
    }
  }

  const ready = preview.type === 'ready' ? preview.value : null;
  const labels = new Map((ready?.neighbourhood.nodes ?? []).map((node) => [node.id, node.label]));
  const moving = (ready?.neighbourhood.edges ?? []).filter(
    (edge) => (edge.source === other?.id) !== (edge.target === other?.id),
  );
  const names = ready?.node
    ? [ready.node.name, ...('aliases' in ready.node ? (ready.node.aliases ?? []) : [])]
    : [];

  return (
    <section className="edit-form" aria-label="Fusionner">
      <SearchBox
        label="Doublon à fusionner"
        placeholder="Rechercher le doublon…"
        kinds={[kind]}
        onChoose={(hit) => setOther(hit.id === id ? null : hit)}
      />
      {other && ready && (
        <div className="merge-preview" aria-label="Ce qui sera fusionné">
          <p>
            « {other.name} » sera supprimé (restaurable depuis le journal) ; « {name} » est gardé et reçoit :
          </p>
          <ul>
            <li>
              {moving.length} lien{moving.length === 1 ? '' : 's'}
              {ready.neighbourhood.truncated ? ' (au moins)' : ''}
            </li>
            {moving.slice(0, SHOWN_LINKS).map((edge) => {
              const otherEnd = edge.source === other.id ? edge.target : edge.source;
              return (
                <li key={edge.id} className="merge-link">
                  {relationLabel(edge.type as RelationType)} — {labels.get(otherEnd) ?? otherEnd}
                </li>
              );
            })}
            {moving.length > SHOWN_LINKS && <li>… et {moving.length - SHOWN_LINKS} autres</li>}
            <li>ses noms en alias : {names.join(' ; ')}</li>
          </ul>
        </div>
      )}
      {preview.type === 'error' && <p role="alert">Aperçu impossible.</p>}
      <SourceFields value={source} onChange={setSource} />
      {error && <p role="alert">{error}</p>}
      <button type="button" disabled={!ready} onClick={() => void confirm()}>
        Fusionner
      </button>
      <button type="button" onClick={onDone}>
        Annuler
      </button>
    </section>
  );
}
