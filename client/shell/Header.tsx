import type { RefObject } from 'react';
import { LoginBox } from '../features/auth/LoginBox';
import { SearchBox } from '../features/search/SearchBox';
import { useAtlas } from '../state/store';
import { StatsSummary } from './StatsSummary';
import { WORKSPACES } from './workspaces';

/** The page header: the name, the search box, the workspaces, the atlas's size and the API. */
export function Header({ searchInput }: { searchInput: RefObject<HTMLInputElement | null> }) {
  const { state, dispatch } = useAtlas();
  return (
    <header className="app-header">
      <div className="brand">
        <h1>Atlas des acteurs</h1>
        <p className="tagline">Emploi, formation et inclusion en Nouvelle-Aquitaine</p>
      </div>
      <SearchBox
        className="main-search"
        label="Rechercher un acteur, un dispositif, un territoire"
        placeholder="Rechercher (touche /) : acteur, dispositif, territoire…"
        inputRef={searchInput}
        clearOnChoose
        onChoose={(hit) => {
          dispatch({ type: 'openNode', id: hit.id, select: true });
          dispatch({ type: 'setWorkspace', workspace: 'explorer' });
        }}
        onTextChange={(text) => dispatch({ type: 'setHighlight', text })}
      />
      <nav className="workspaces" role="tablist" aria-label="Espaces de travail">
        {WORKSPACES.map((item) => (
          <button
            key={item.id}
            type="button"
            role="tab"
            aria-selected={state.workspace === item.id}
            onClick={() => dispatch({ type: 'setWorkspace', workspace: item.id })}
          >
            {item.label}
          </button>
        ))}
      </nav>
      <StatsSummary />
      <LoginBox />
      {/* The same API the page uses, for scripts and outside tools: GraphiQL in a browser. */}
      <a className="api-link" href="/graphql" target="_blank" rel="noreferrer">
        API GraphQL
      </a>
    </header>
  );
}
