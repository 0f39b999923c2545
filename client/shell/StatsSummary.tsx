import { ERROR_MESSAGES } from '../api/graphql-client';
import { useLoad } from '../api/use-load';
import { loadStats } from '../features/vocabulary/load-vocabulary';
import { KIND_LABELS, NODE_KINDS } from '../vocabulary';

/** The atlas's size in the header, with counts per kind on demand. */
export function StatsSummary() {
  const stats = useLoad(loadStats, []);
  return (
    <div className="stats" aria-live="polite">
      {stats.type === 'ready' && (
        <details>
          <summary>
            {stats.value.totalNodes.toLocaleString('fr-FR')} nœuds ·{' '}
            {stats.value.totalRelationships.toLocaleString('fr-FR')} liens
          </summary>
          <div className="stats-popup">
            <h2>Contenu de l’atlas</h2>
            <ul>
              {NODE_KINDS.map((kind) => {
                const count = stats.value.nodes.find((item) => item.kind === kind)?.count ?? 0;
                return (
                  <li key={kind}>
                    {KIND_LABELS[kind].many} : {count.toLocaleString('fr-FR')}
                  </li>
                );
              })}
            </ul>
          </div>
        </details>
      )}
      {stats.type === 'error' && <span role="alert">{ERROR_MESSAGES[stats.code]}</span>}
    </div>
  );
}
