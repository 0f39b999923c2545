import { useEffect, useState } from 'react';
import { ConsolePanel, EXAMPLE_QUERY, type ConsoleText } from '../../features/analysis/ConsolePanel';
import { decodeConsoleLink, encodeConsoleLink } from '../../features/analysis/console-link';
import { MetricsPanel } from '../../features/analysis/MetricsPanel';
import { MyQueriesPanel } from '../../features/analysis/MyQueriesPanel';
import { SavedQueriesPanel } from '../../features/analysis/SavedQueriesPanel';
import { decodeSavedQueryLink } from '../../features/analysis/suggested-queries';
import { useAtlas } from '../../state/store';
import './analysis-workspace.css';

/** The console's text a link opens (`#q=…`), else the example. */
function initialText(): ConsoleText {
  const link = decodeConsoleLink(window.location.hash);
  return link ? { query: link.query, params: link.params } : { query: EXAMPLE_QUERY, params: '{}' };
}

/** For analysts: the read-only Cypher console, the saved-query library and network metrics. */
export function AnalysisWorkspace() {
  const { dispatch } = useAtlas();
  const [text, setText] = useState<ConsoleText>(initialText);
  const open = (ids: string[]) => {
    for (const id of ids) dispatch({ type: 'openNode', id, select: ids.length === 1 });
    dispatch({ type: 'setWorkspace', workspace: 'explorer' });
  };
  // The query last run stays in the fragment (a link to it), and leaves with the workspace.
  const keepInUrl = (ran: ConsoleText) =>
    window.history.replaceState(
      null,
      '',
      `${window.location.pathname}${window.location.search}${encodeConsoleLink(ran)}`,
    );
  useEffect(
    () => () => {
      if (decodeConsoleLink(window.location.hash) || decodeSavedQueryLink(window.location.hash))
        window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
    },
    [],
  );
  return (
    <main className="app-main analysis-workspace">
      <ConsolePanel text={text} onText={setText} onRun={keepInUrl} onOpen={open}>
        <MyQueriesPanel text={text} onOpen={setText} />
      </ConsolePanel>
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
