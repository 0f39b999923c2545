import { Suspense, useRef } from 'react';
import { useRefreshSlicesOnEdit } from './features/editing/use-refresh-on-edit';
import { Header } from './shell/Header';
import { Notices } from './shell/Notices';
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

/**
 * The shell: header, notices and keyboard shortcuts around the current
 * workspace. The effects that follow the state (fetches, URL) run here, so they
 * keep running whatever the workspace.
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
  const Workspace = (WORKSPACES.find((item) => item.id === state.workspace) ?? WORKSPACES[0]!).component;

  return (
    <div className="app">
      <Header searchInput={searchInput} />
      <Notices />
      <Suspense fallback={<p role="status">Chargement…</p>}>
        <Workspace />
      </Suspense>
    </div>
  );
}
