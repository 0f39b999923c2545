import { Suspense, useEffect, useRef } from 'react';
import { useRefreshSlicesOnEdit } from './features/editing/use-refresh-on-edit';
import { Header } from './shell/Header';
import { Notices } from './shell/Notices';
import { SKIP_TARGETS, SkipLinks, type SkipTarget } from './shell/SkipLinks';
import { usePanels } from './shell/use-panels';
import { useShortcuts } from './shell/use-shortcuts';
import { WORKSPACES } from './shell/workspaces';
import {
  useFacetLoader,
  useMatchingLoader,
  useScopeLoader,
  useSliceLoader,
  useUrlSync,
} from './state/effects';
import { useAtlas } from './state/store';
import './shell/shell.css';

/** Resolves when one of the selectors matches, or after `timeout` ms (lazy panels take a moment). */
function drawn(selectors: readonly string[], timeout = 3000): Promise<void> {
  return new Promise((resolve) => {
    const started = performance.now();
    const check = () => {
      if (
        selectors.some((selector) => document.querySelector(selector)) ||
        performance.now() - started > timeout
      )
        resolve();
      else requestAnimationFrame(check);
    };
    check();
  });
}

/**
 * The shell: skip links, header, notices and keyboard shortcuts around the
 * current workspace, and which side panels are open. The effects that follow
 * the state (fetches, URL) run here, so they keep running whatever the workspace.
 */
export function App() {
  const { state, dispatch } = useAtlas();
  useSliceLoader(state, dispatch);
  useRefreshSlicesOnEdit(state, dispatch);
  useFacetLoader(state, dispatch);
  useScopeLoader(state, dispatch);
  useMatchingLoader(state, dispatch);
  useUrlSync(state, dispatch);

  const searchInput = useRef<HTMLInputElement>(null);
  useShortcuts(searchInput);
  const panels = usePanels();
  const Workspace = (WORKSPACES.find((item) => item.id === state.workspace) ?? WORKSPACES[0]!).component;
  const explorer = state.workspace === 'explorer';
  const coverage = state.workspace === 'coverage';
  const selected = explorer ? state.selection.type !== 'none' : coverage && state.coverage.selected !== null;

  // A new selection opens the details again; over a narrow canvas, in place of the tools.
  const { setDetails, setTools, narrow } = panels;
  const selectionKey = state.selection.type === 'none' ? null : JSON.stringify(state.selection);
  useEffect(() => {
    if (!selectionKey) return;
    setDetails(true);
    if (narrow) setTools(false);
  }, [selectionKey, narrow, setDetails, setTools]);

  async function reveal(target: SkipTarget) {
    if (target === 'results' && explorer && !state.view.showTable) dispatch({ type: 'toggleTable' });
    if (target === 'details') setDetails(true);
    if (target !== 'canvas' && narrow) setTools(false);
    await drawn(SKIP_TARGETS[target]);
  }

  return (
    <div
      className="app"
      data-tools={panels.tools ? 'open' : 'closed'}
      data-details={panels.details ? 'open' : 'closed'}
    >
      <SkipLinks
        searchInput={searchInput}
        onReveal={reveal}
        available={{ canvas: explorer || coverage, results: explorer || coverage, details: selected }}
      />
      <Header searchInput={searchInput} panels={explorer ? panels : null} hasDetails={selected} />
      <Notices />
      <Suspense fallback={<p role="status">Chargement…</p>}>
        <Workspace />
      </Suspense>
    </div>
  );
}
