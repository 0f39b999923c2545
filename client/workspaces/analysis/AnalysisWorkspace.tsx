import { ConsolePanel } from '../../features/analysis/ConsolePanel';
import { MetricsPanel } from '../../features/analysis/MetricsPanel';
import { SavedQueriesPanel } from '../../features/analysis/SavedQueriesPanel';
import { useAtlas } from '../../state/store';
import './analysis-workspace.css';

/** For analysts: the read-only Cypher console, the saved-query library and network metrics. */
export function AnalysisWorkspace() {
  const { dispatch } = useAtlas();
  const open = (ids: string[]) => {
    for (const id of ids) dispatch({ type: 'openNode', id, select: ids.length === 1 });
    dispatch({ type: 'setWorkspace', workspace: 'explorer' });
  };
  return (
    <main className="app-main analysis-workspace">
      <ConsolePanel onOpen={open} />
      <SavedQueriesPanel onOpen={open} />
      <MetricsPanel onOpen={open} />
      <p>
        <a href="/graphql" target="_blank" rel="noreferrer">
          GraphiQL
        </a>
      </p>
    </main>
  );
}
