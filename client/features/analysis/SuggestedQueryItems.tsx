import { request } from '../../api/graphql-client';
import { useLoad } from '../../api/use-load';
import { useAtlas } from '../../state/store';
import { SAVED_QUERIES_QUERY } from './queries';
import { encodeSavedQueryLink, suggestedQueries } from './suggested-queries';

/**
 * The node menu's « Requêtes suggérées »: saved queries with a parameter the
 * node fits; one opens the analysis workspace and runs it with the node.
 */
export function SuggestedQueryItems({ id, onDone }: { id: string; onDone: () => void }) {
  const { dispatch } = useAtlas();
  const library = useLoad((signal) => request(SAVED_QUERIES_QUERY, {}, { signal }), []);
  const fitting = library.type === 'ready' ? suggestedQueries(library.value.data.savedQueries, id) : [];
  if (fitting.length === 0) return null;
  return (
    <div role="group" aria-label="Requêtes suggérées" className="node-menu-group">
      <p className="node-menu-heading" aria-hidden="true">
        Requêtes suggérées
      </p>
      {fitting.map(({ query, parameter }) => (
        <button
          key={query.id}
          type="button"
          role="menuitem"
          tabIndex={-1}
          onClick={() => {
            const hash = encodeSavedQueryLink({ id: query.id, params: { [parameter]: id } });
            window.history.replaceState(
              null,
              '',
              `${window.location.pathname}${window.location.search}${hash}`,
            );
            dispatch({ type: 'setWorkspace', workspace: 'analysis' });
            onDone();
          }}
        >
          {query.title}
        </button>
      ))}
    </div>
  );
}
