import type cytoscape from 'cytoscape';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ERROR_MESSAGES } from './api/graphql-client';
import { toExportGraph } from './features/canvas/export-graph';
import { buildCanvasModel } from './features/canvas/model';
import { Toolbar, type ExportFormat } from './features/canvas/Toolbar';
import { DetailsPanel } from './features/details/DetailsPanel';
import { FiltersPanel } from './features/filters/FiltersPanel';
import { isExpanded } from './features/graph/compose';
import { entryKey } from './features/graph/entries';
import type { Entry } from './features/graph/types';
import { Legend } from './features/legend/Legend';
import { NodeMenu, type NodeMenuCommand } from './features/menu/NodeMenu';
import type { PathEnd } from './features/path/PathPanel';
import { SearchBox } from './features/search/SearchBox';
import { DisplayPanel } from './features/view/DisplayPanel';
import { GROUPING_OFFER_ABOVE } from './features/view/types';
import { useStats, useVocabulary } from './features/vocabulary/use-vocabulary';
import { EMPTY_VOCABULARY } from './features/vocabulary/types';
import { downloadBlob } from './export/download';
import { useFacetLoader, useScopeLoader, useSliceLoader, useUrlSync } from './state/effects';
import { useAtlas } from './state/store';
import type { Workspace } from './state/types';
import { KIND_LABELS, NODE_KINDS } from './vocabulary';

// Cytoscape and its layouts are most of the page's code: the page is usable (search,
// stats) before they arrive, in a chunk fetched as soon as the page renders.
const GraphCanvas = lazy(() =>
  import('./features/canvas/GraphCanvas').then((module) => ({ default: module.GraphCanvas })),
);
// Panels used now and then load on first use, so that the page starts with less to fetch and parse.
const FunderPanel = lazy(() =>
  import('./features/funder/FunderPanel').then((module) => ({ default: module.FunderPanel })),
);
const PartnersPanel = lazy(() =>
  import('./features/partners/PartnersPanel').then((module) => ({ default: module.PartnersPanel })),
);
const PathPanel = lazy(() =>
  import('./features/path/PathPanel').then((module) => ({ default: module.PathPanel })),
);
const TableView = lazy(() =>
  import('./features/table/TableView').then((module) => ({ default: module.TableView })),
);
const CoveragePanel = lazy(() =>
  import('./features/coverage-gaps/CoveragePanel').then((module) => ({ default: module.CoveragePanel })),
);

const WORKSPACES: { id: Workspace; label: string }[] = [
  { id: 'explorer', label: 'Explorateur' },
  { id: 'coverage', label: 'Couverture' },
];

function Loading({ children }: { children: ReactNode }) {
  return <Suspense fallback={<p role="status">Chargement…</p>}>{children}</Suspense>;
}

type Tab = 'filters' | 'display' | 'path' | 'partners' | 'funder';
const TABS: { id: Tab; label: string }[] = [
  { id: 'filters', label: 'Filtres' },
  { id: 'display', label: 'Affichage' },
  { id: 'path', label: 'Chemin' },
  { id: 'partners', label: 'Partenariats' },
  { id: 'funder', label: 'Financeurs' },
];

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function App() {
  const { state, dispatch } = useAtlas();
  const vocabularyState = useVocabulary();
  const stats = useStats();
  useSliceLoader(state, dispatch);
  useFacetLoader(state, dispatch);
  useScopeLoader(state, dispatch);
  useUrlSync(state, dispatch);

  const vocabulary = vocabularyState.type === 'ready' ? vocabularyState.value : EMPTY_VOCABULARY;
  const model = useMemo(
    () => buildCanvasModel(state, vocabulary),
    // The model depends on these parts only (not on notices or selection).
    [state.graph, state.view, state.facets, state.scopes, state.highlight, vocabulary],
  );

  const cyRef = useRef<cytoscape.Core | null>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const [tab, setTab] = useState<Tab>('filters');
  const workspace = state.workspace;
  const setWorkspace = useCallback(
    (next: Workspace) => dispatch({ type: 'setWorkspace', workspace: next }),
    [dispatch],
  );
  const [menu, setMenu] = useState<{
    id: string;
    position: { x: number; y: number };
    restoreFocus?: HTMLElement;
  } | null>(null);
  const [pathFrom, setPathFrom] = useState<PathEnd | null>(null);
  const [pathTo, setPathTo] = useState<PathEnd | null>(null);
  const canvasArea = useRef<HTMLDivElement>(null);

  const nameOf = useCallback(
    (id: string) => model.graph.nodes.get(id)?.label ?? vocabulary.names.get(id) ?? id,
    [model.graph, vocabulary],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === '/' && !isTyping(event.target)) {
        event.preventDefault();
        searchInput.current?.focus();
      } else if (event.key === 'Escape') {
        if (menu) setMenu(null);
        else if (!isTyping(event.target)) dispatch({ type: 'select', selection: { type: 'none' } });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dispatch, menu]);

  // Information notices go by themselves; errors stay until dismissed.
  useEffect(() => {
    const infos = state.notices.filter((notice) => notice.level === 'info');
    if (!infos.length) return;
    const timer = window.setTimeout(
      () => infos.forEach((notice) => dispatch({ type: 'dismissNotice', id: notice.id })),
      6000,
    );
    return () => window.clearTimeout(timer);
  }, [state.notices, dispatch]);

  const openNode = useCallback((id: string) => dispatch({ type: 'openNode', id, select: true }), [dispatch]);

  function runCommand(id: string, command: NodeMenuCommand) {
    switch (command.type) {
      case 'expand':
        dispatch({ type: 'openNode', id, relations: command.relations });
        break;
      case 'collapse':
        dispatch({ type: 'collapseNode', id });
        break;
      case 'remove':
        dispatch({ type: 'removeNode', id });
        break;
      case 'pin':
        dispatch({ type: 'togglePin', id });
        break;
      case 'links':
        dispatch({ type: 'showLinks' });
        break;
      case 'pathFrom':
        setPathFrom({ id, name: nameOf(id) });
        setTab('path');
        break;
      case 'pathTo':
        setPathTo({ id, name: nameOf(id) });
        setTab('path');
        break;
    }
  }

  async function exportAs(format: ExportFormat) {
    const cy = cyRef.current;
    const graph = toExportGraph(model, (id) => {
      const node = cy?.getElementById(id);
      return node && node.nonempty() && node.isNode() ? { ...node.position() } : null;
    });
    const stamp = new Date().toISOString().slice(0, 10);
    const base = `atlas-des-acteurs-${stamp}`;
    if (format === 'png') {
      if (cy) downloadBlob(`${base}.png`, cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }));
      return;
    }
    try {
      const { saveExport } = await import('./features/canvas/save-export');
      saveExport(format, graph, base, stamp);
    } catch {
      dispatch({ type: 'notify', level: 'error', message: ERROR_MESSAGES.NETWORK });
    }
  }

  const selection = state.selection;
  const selectedNode = selection.type === 'node' ? model.graph.nodes.get(selection.id) : undefined;
  const menuNode = menu ? model.graph.nodes.get(menu.id) : undefined;
  const pathEntry = state.graph.entries.find((entry) => entry.type === 'path');
  const partnersEntry =
    state.graph.entries.find(
      (entry): entry is Extract<Entry, { type: 'partners' }> => entry.type === 'partners',
    ) ?? null;
  const funderEntry = state.graph.entries.find(
    (entry): entry is Extract<Entry, { type: 'funder' }> => entry.type === 'funder',
  );
  const elementCount = model.visibleNodes.length + model.visibleEdges.length;
  const scopeState = state.view.filters.territory ? state.scopes[state.view.filters.territory] : undefined;
  const empty = model.graph.nodes.size === 0;

  return (
    <div className="app">
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
            openNode(hit.id);
            setWorkspace('explorer');
          }}
          onTextChange={(text) => dispatch({ type: 'setHighlight', text })}
        />
        <nav className="workspaces" role="tablist" aria-label="Espaces de travail">
          {WORKSPACES.map((item) => (
            <button
              key={item.id}
              type="button"
              role="tab"
              aria-selected={workspace === item.id}
              onClick={() => setWorkspace(item.id)}
            >
              {item.label}
            </button>
          ))}
        </nav>
        <div className="stats" aria-live="polite">
          {stats.type === 'ready' && (
            <details>
              <summary>
                {stats.value.totalNodes.toLocaleString('fr-FR')} nœuds ·{' '}
                {stats.value.totalRelationships.toLocaleString('fr-FR')} relations
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
      </header>

      <div className="notices" aria-live="polite">
        {state.notices.map((notice) => (
          <p
            key={notice.id}
            className={`notice ${notice.level}`}
            role={notice.level === 'error' ? 'alert' : 'status'}
          >
            {notice.message}{' '}
            <button
              type="button"
              onClick={() => dispatch({ type: 'dismissNotice', id: notice.id })}
              aria-label="Fermer le message"
            >
              ×
            </button>
          </p>
        ))}
      </div>

      {workspace === 'coverage' && (
        <main className="app-main coverage-workspace">
          <Loading>
            <CoveragePanel
              view={state.coverage}
              onChange={(coverage) => dispatch({ type: 'setCoverage', coverage })}
              onOpenInGraph={(ids) => {
                // One state change, hence one history step: Back returns to this coverage view.
                for (const id of ids) dispatch({ type: 'openNode', id, select: ids.length === 1 });
                setWorkspace('explorer');
              }}
            />
          </Loading>
        </main>
      )}

      {workspace === 'explorer' && (
        <main className="app-main">
          <aside className="sidebar" aria-label="Outils">
            <div role="tablist" aria-label="Panneaux" className="tabs">
              {TABS.map((item) => (
                <button
                  key={item.id}
                  type="button"
                  role="tab"
                  id={`tab-${item.id}`}
                  aria-selected={tab === item.id}
                  aria-controls={`panel-${item.id}`}
                  tabIndex={tab === item.id ? 0 : -1}
                  onClick={() => setTab(item.id)}
                  onKeyDown={(event) => {
                    const index = TABS.findIndex((candidate) => candidate.id === tab);
                    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
                      const next =
                        TABS[(index + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
                      setTab(next.id);
                      document.getElementById(`tab-${next.id}`)?.focus();
                    }
                  }}
                >
                  {item.label}
                </button>
              ))}
            </div>
            <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
              {tab === 'filters' && (
                <FiltersPanel
                  filters={state.view.filters}
                  vocabulary={vocabulary}
                  territoryName={state.view.filters.territory ? nameOf(state.view.filters.territory) : null}
                  scopeStatus={scopeState ? scopeState.status : 'none'}
                  onChange={(filters) => dispatch({ type: 'setFilters', filters })}
                />
              )}
              {tab === 'display' && (
                <DisplayPanel
                  sizeBy={state.view.sizeBy}
                  colorBy={state.view.colorBy}
                  grouping={state.view.grouping}
                  onSizeBy={(sizeBy) => dispatch({ type: 'setSizeBy', sizeBy })}
                  onColorBy={(colorBy) => dispatch({ type: 'setColorBy', colorBy })}
                  onGrouping={(grouping) => dispatch({ type: 'setGrouping', grouping })}
                />
              )}
              {tab === 'path' && (
                <Loading>
                  <PathPanel
                    from={pathFrom}
                    to={pathTo}
                    selected={selectedNode ? { id: selectedNode.id, name: selectedNode.label } : null}
                    current={
                      pathEntry ? (state.graph.slices[entryKey(pathEntry)] ?? { status: 'loading' }) : null
                    }
                    onFrom={setPathFrom}
                    onTo={setPathTo}
                    onFind={(from, to) => dispatch({ type: 'showPath', from, to })}
                    onClear={() => dispatch({ type: 'clearPath' })}
                    onFocusNode={(id) => dispatch({ type: 'select', selection: { type: 'node', id } })}
                  />
                </Loading>
              )}
              {tab === 'partners' && (
                <Loading>
                  <PartnersPanel
                    vocabulary={vocabulary}
                    current={partnersEntry}
                    edges={model.visibleEdges
                      .filter((edge) => edge.type === 'PARTNERS')
                      .sort((a, b) => Number(b.props.weight ?? 0) - Number(a.props.weight ?? 0))}
                    names={nameOf}
                    onShow={(entry) => dispatch({ type: 'replaceEntries', entries: [entry] })}
                    onSelectEdge={(id) => dispatch({ type: 'select', selection: { type: 'edge', id } })}
                  />
                </Loading>
              )}
              {tab === 'funder' && (
                <Loading>
                  <FunderPanel
                    current={
                      funderEntry
                        ? { id: funderEntry.id, slice: state.graph.slices[entryKey(funderEntry)] ?? null }
                        : null
                    }
                    onChoose={(id) => {
                      dispatch({ type: 'replaceEntries', entries: [{ type: 'funder', id }] });
                      dispatch({ type: 'setLayout', layout: 'hierarchical' });
                    }}
                    onFocusNode={(id) => dispatch({ type: 'select', selection: { type: 'node', id } })}
                  />
                </Loading>
              )}
            </div>
          </aside>

          <section className="canvas-area" aria-label="Graphe" ref={canvasArea}>
            <Toolbar
              layout={state.view.layout}
              showTable={state.view.showTable}
              empty={empty}
              onLayout={(layout) => dispatch({ type: 'setLayout', layout })}
              onRerun={() => dispatch({ type: 'rerunLayout' })}
              onFit={() => cyRef.current?.fit(cyRef.current.elements().not('.hidden'), 30)}
              onZoom={(factor) => {
                const cy = cyRef.current;
                if (!cy) return;
                cy.zoom({
                  level: cy.zoom() * factor,
                  renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 },
                });
              }}
              onLinks={() => dispatch({ type: 'showLinks' })}
              onToggleTable={() => dispatch({ type: 'toggleTable' })}
              onClear={() => dispatch({ type: 'clearGraph' })}
              onExport={(format) => void exportAs(format)}
            />
            {elementCount > GROUPING_OFFER_ABOVE && state.view.grouping === 'none' && (
              <p className="notice info grouping-offer" role="status">
                {elementCount.toLocaleString('fr-FR')} éléments affichés : le dessin devient illisible.
                Regrouper{' '}
                <button type="button" onClick={() => dispatch({ type: 'setGrouping', grouping: 'kind' })}>
                  par type
                </button>{' '}
                <button
                  type="button"
                  onClick={() => dispatch({ type: 'setGrouping', grouping: 'territory' })}
                >
                  par département
                </button>
              </p>
            )}
            <div className={`canvas-and-table ${state.view.showTable ? 'with-table' : ''}`}>
              <div className="canvas-wrapper">
                <Suspense
                  fallback={<div className="graph-canvas" role="img" aria-label="Graphe : chargement" />}
                >
                  <GraphCanvas
                    elements={model.elements}
                    stylesheet={model.stylesheet}
                    large={model.light}
                    layout={state.view.layout}
                    layoutRun={state.view.layoutRun}
                    roots={model.hierarchyRoots}
                    pinned={state.graph.pinned}
                    selection={selection}
                    label={`Graphe : ${model.visibleNodes.length} nœuds et ${model.visibleEdges.length} liens affichés`}
                    onSelect={(next) => dispatch({ type: 'select', selection: next })}
                    onOpen={(id) => dispatch({ type: 'openNode', id })}
                    onContextMenu={(id, position) => {
                      const rect = canvasArea.current
                        ?.querySelector('.graph-canvas')
                        ?.getBoundingClientRect();
                      setMenu({
                        id,
                        position: { x: (rect?.left ?? 0) + position.x, y: (rect?.top ?? 0) + position.y },
                      });
                    }}
                    onReady={(cy) => (cyRef.current = cy)}
                  />
                </Suspense>
                {empty && (
                  <div className="empty-state">
                    <p>Cherchez un acteur, un dispositif ou un territoire pour commencer,</p>
                    <p>
                      ou affichez le{' '}
                      <button
                        type="button"
                        className="link"
                        onClick={() => {
                          setTab('partners');
                          dispatch({
                            type: 'replaceEntries',
                            entries: [
                              {
                                type: 'partners',
                                territory: null,
                                theme: null,
                                public: null,
                                activeOn: null,
                              },
                            ],
                          });
                        }}
                      >
                        réseau partenarial
                      </button>
                      .
                    </p>
                  </div>
                )}
                {model.graph.loading && (
                  <p className="loading" role="status">
                    Chargement…
                  </p>
                )}
                <Legend legend={model.legend} />
              </div>
              {state.view.showTable && (
                <Loading>
                  <TableView
                    nodes={model.visibleNodes}
                    edges={model.visibleEdges}
                    selectedId={selection.type === 'node' ? selection.id : null}
                    onSelect={(id) => dispatch({ type: 'select', selection: { type: 'node', id } })}
                  />
                </Loading>
              )}
            </div>
          </section>

          {selection.type !== 'none' && (
            <aside className="details-panel" aria-label="Détails">
              <DetailsPanel
                selection={selection}
                graph={model.graph}
                expanded={selection.type === 'node' && isExpanded(state.graph, selection.id)}
                pinned={selection.type === 'node' && state.graph.pinned.includes(selection.id)}
                onOpen={openNode}
                onMenu={(anchor) => {
                  if (selection.type !== 'node') return;
                  const rect = anchor.getBoundingClientRect();
                  setMenu({
                    id: selection.id,
                    position: { x: rect.left - 180, y: rect.bottom + 4 },
                    restoreFocus: anchor,
                  });
                }}
                onClose={() => dispatch({ type: 'select', selection: { type: 'none' } })}
              />
            </aside>
          )}
        </main>
      )}

      {menu && menuNode && (
        <NodeMenu
          key={menu.id}
          id={menu.id}
          name={menuNode.label}
          expanded={isExpanded(state.graph, menu.id)}
          pinned={state.graph.pinned.includes(menu.id)}
          position={menu.position}
          onCommand={(command) => runCommand(menu.id, command)}
          onClose={() => {
            menu.restoreFocus?.focus();
            setMenu(null);
          }}
        />
      )}
    </div>
  );
}
