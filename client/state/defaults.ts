/**
 * The one default view: what a page without a query string shows. The URL
 * leaves out whatever equals it, and the store starts from it.
 */
import { DEFAULT_COVERAGE_VIEW } from '../features/coverage-gaps/types';
import { NO_FILTERS } from '../features/filters/types';
import { EMPTY_GRAPH } from '../features/graph/transitions';
import { NO_SELECTION } from '../features/view/types';
import type { AtlasState, UrlView } from './types';

export const DEFAULT_VIEW: UrlView = {
  entries: [],
  removed: [],
  pinned: [],
  layout: 'fcose',
  sizeBy: 'degree',
  colorBy: 'kind',
  grouping: 'none',
  filters: NO_FILTERS,
  showTable: false,
  selection: NO_SELECTION,
  workspace: 'explorer',
  coverage: DEFAULT_COVERAGE_VIEW,
};

/** The state of a page that shows `view` and has fetched nothing yet. */
export function stateOfView(view: UrlView): AtlasState {
  return {
    workspace: view.workspace,
    coverage: view.coverage,
    graph: { ...EMPTY_GRAPH, entries: view.entries, removed: view.removed, pinned: view.pinned },
    view: {
      layout: view.layout,
      layoutRun: 0,
      sizeBy: view.sizeBy,
      colorBy: view.colorBy,
      grouping: view.grouping,
      filters: view.filters,
      showTable: view.showTable,
    },
    selection: view.selection,
    facets: {},
    facetsPending: [],
    scopes: {},
    matching: null,
    highlight: '',
    journalFocus: null,
    notices: [],
  };
}

export const INITIAL_STATE: AtlasState = stateOfView(DEFAULT_VIEW);

/** The part of the state a URL holds. */
export function urlViewOf(state: AtlasState): UrlView {
  return {
    entries: state.graph.entries,
    removed: state.graph.removed,
    pinned: state.graph.pinned,
    layout: state.view.layout,
    sizeBy: state.view.sizeBy,
    colorBy: state.view.colorBy,
    grouping: state.view.grouping,
    filters: state.view.filters,
    showTable: state.view.showTable,
    selection: state.selection,
    workspace: state.workspace,
    coverage: state.coverage,
  };
}
