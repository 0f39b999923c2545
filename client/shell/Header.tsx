import type { RefObject } from 'react';
import { LoginBox } from '../features/auth/LoginBox';
import { useViewer } from '../features/auth/session';
import { SearchBox } from '../features/search/SearchBox';
import { useAtlas } from '../state/store';
import { StatsSummary } from './StatsSummary';
import type { Panels } from './use-panels';
import { WORKSPACES } from './workspaces';

export interface HeaderProps {
  searchInput: RefObject<HTMLInputElement | null>;
  /** The side panels the workspace has (the explorer's), null for none. */
  panels: Panels | null;
  hasDetails: boolean;
}

/** The page header: the name, the search box, the workspaces, the panels, the atlas's size and the API. */
export function Header({ searchInput, panels, hasDetails }: HeaderProps) {
  const { state, dispatch } = useAtlas();
  const viewer = useViewer();
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
        {WORKSPACES.filter((item) => !item.editorsOnly || viewer?.canEdit).map((item) => (
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
      {panels ? (
        <div className="panel-toggles" role="group" aria-label="Panneaux">
          <button
            type="button"
            aria-expanded={panels.tools}
            onClick={() => {
              panels.setTools(!panels.tools);
              if (panels.narrow && !panels.tools) panels.setDetails(false);
            }}
          >
            Outils et filtres
          </button>
          {hasDetails ? (
            <button
              type="button"
              aria-expanded={panels.details}
              onClick={() => {
                panels.setDetails(!panels.details);
                if (panels.narrow && !panels.details) panels.setTools(false);
              }}
            >
              Détails
            </button>
          ) : null}
        </div>
      ) : null}
      <StatsSummary />
      <LoginBox />
      {/* The same API the page uses, for scripts and outside tools: GraphiQL in a browser. */}
      <a className="api-link" href="/graphql" target="_blank" rel="noreferrer">
        API GraphQL
      </a>
    </header>
  );
}
