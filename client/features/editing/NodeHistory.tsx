import { ERROR_MESSAGES, request } from '../../api/graphql-client';
import { useLoad } from '../../api/use-load';
import { ChangeItem } from './ChangeItem';
import { HISTORY_QUERY } from './queries';
import { useEditRevision } from './revision';

/** The « Historique » tab: every change that touched the node, newest first. */
export function NodeHistory({ id }: { id: string }) {
  const revision = useEditRevision();
  const state = useLoad(
    async (signal) => (await request(HISTORY_QUERY, { id }, { signal })).data.history,
    [id, revision],
  );
  if (state.type === 'loading') return <p role="status">Chargement de l’historique…</p>;
  if (state.type === 'error') return <p role="alert">{ERROR_MESSAGES[state.code]}</p>;
  if (state.type !== 'ready') return null;
  if (state.value.length === 0) return <p>Aucune modification depuis l’import des données.</p>;
  return (
    <ul className="change-list" aria-label="Historique">
      {state.value.map((change) => (
        <ChangeItem key={change.id} change={change} />
      ))}
    </ul>
  );
}
