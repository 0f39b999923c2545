import { createContext, useContext, useMemo, useReducer, type Dispatch, type ReactNode } from 'react';
import { decodeView } from '../features/url/url-state';
import { INITIAL_STATE } from './defaults';
import { atlasReducer } from './reducer';
import type { Action, AtlasState } from './types';

interface Store {
  state: AtlasState;
  dispatch: Dispatch<Action>;
}

const StoreContext = createContext<Store | null>(null);

/** The initial state: the defaults, then whatever the page's URL says. */
export function initialStateFromUrl(search: string): AtlasState {
  return atlasReducer(INITIAL_STATE, { type: 'restore', view: decodeView(search) });
}

export function AtlasProvider({ children, search }: { children: ReactNode; search: string }) {
  const [state, dispatch] = useReducer(atlasReducer, search, initialStateFromUrl);
  const store = useMemo(() => ({ state, dispatch }), [state]);
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useAtlas(): Store {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAtlas outside AtlasProvider');
  return store;
}
