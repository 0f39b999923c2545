import { lazy, useCallback } from 'react';
import type { CanvasModel } from '../../features/canvas/model';
import { FiltersPanel } from '../../features/filters/FiltersPanel';
import { entryKey } from '../../features/graph/entries';
import type { Entry } from '../../features/graph/types';
import { useFollowFilters, type FindPath } from '../../features/path/follow-filters';
import type { PathEnd } from '../../features/path/PathPanel';
import { DisplayPanel } from '../../features/view/DisplayPanel';
import type { Vocabulary } from '../../features/vocabulary/types';
import { useAtlas } from '../../state/store';
import { Loading } from './Loading';

// Panels used now and then load on first use, so that the page starts with less to fetch and parse.
const FunderPanel = lazy(() =>
  import('../../features/funder/FunderPanel').then((module) => ({ default: module.FunderPanel })),
);
const PartnersPanel = lazy(() =>
  import('../../features/partners/PartnersPanel').then((module) => ({ default: module.PartnersPanel })),
);
const PathPanel = lazy(() =>
  import('../../features/path/PathPanel').then((module) => ({ default: module.PathPanel })),
);

export type Tab = 'filters' | 'display' | 'path' | 'partners' | 'funder';
const TABS: { id: Tab; label: string }[] = [
  { id: 'filters', label: 'Filtres' },
  { id: 'display', label: 'Affichage' },
  { id: 'path', label: 'Chemin' },
  { id: 'partners', label: 'Partenariats' },
  { id: 'funder', label: 'Financeurs' },
];

export interface ExplorerSidebarProps {
  tab: Tab;
  onTab: (tab: Tab) => void;
  model: CanvasModel;
  vocabulary: Vocabulary;
  nameOf: (id: string) => string;
  path: { from: PathEnd | null; to: PathEnd | null };
  onPath: (ends: { from?: PathEnd | null; to?: PathEnd | null }) => void;
}

/** The explorer's tools, one tab each: filters, display, path, partnerships, funders. */
export function ExplorerSidebar({
  tab,
  onTab,
  model,
  vocabulary,
  nameOf,
  path,
  onPath,
}: ExplorerSidebarProps) {
  const { state, dispatch } = useAtlas();
  const selection = state.selection;
  const selectedNode = selection.type === 'node' ? model.graph.nodes.get(selection.id) : undefined;
  const find = <T extends Entry['type']>(type: T) =>
    state.graph.entries.find((entry): entry is Extract<Entry, { type: T }> => entry.type === type);
  const pathEntry = find('path');
  const partnersEntry = find('partners') ?? null;
  const funderEntry = find('funder');
  const territory = state.view.filters.territory;
  const scopeState = territory ? state.scopes[territory] : undefined;
  const focusNode = (id: string) => dispatch({ type: 'select', selection: { type: 'node', id } });
  const showPath = useCallback<FindPath>(
    (from, to, options) => dispatch({ type: 'showPath', from, to, ...options }),
    [dispatch],
  );
  useFollowFilters(pathEntry ?? null, state.view.filters.hiddenKinds, showPath);

  return (
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
            onClick={() => onTab(item.id)}
            onKeyDown={(event) => {
              const index = TABS.findIndex((candidate) => candidate.id === tab);
              if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
                const next =
                  TABS[(index + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
                onTab(next.id);
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
            territoryName={territory ? nameOf(territory) : null}
            scopeStatus={!scopeState || scopeState.type === 'idle' ? 'none' : scopeState.type}
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
              from={path.from}
              to={path.to}
              selected={selectedNode ? { id: selectedNode.id, name: selectedNode.label } : null}
              entry={pathEntry ?? null}
              current={pathEntry ? (state.graph.slices[entryKey(pathEntry)] ?? { type: 'loading' }) : null}
              hiddenKinds={state.view.filters.hiddenKinds}
              onFrom={(from) => onPath({ from })}
              onTo={(to) => onPath({ to })}
              onFind={showPath}
              onClear={() => dispatch({ type: 'clearPath' })}
              onFocusNode={focusNode}
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
              onFocusNode={focusNode}
            />
          </Loading>
        )}
      </div>
    </aside>
  );
}
