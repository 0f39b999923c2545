import { ERROR_MESSAGES } from '../api/graphql-client';
import { NO_FACETS } from '../features/facets/types';
import {
  clearGraph,
  clearPath,
  collapseNode,
  forgetSlice,
  markLoading,
  openNode,
  removeNode,
  replaceEntries,
  restoreGraph,
  showLinksAmongNodes,
  showPath,
  storeFailure,
  storeSlice,
  togglePin,
} from '../features/graph/transitions';
import { NO_SELECTION } from '../features/view/types';
import type { Action, AtlasState } from './types';

let noticeId = 0;
const MAX_NOTICES = 4;

function notify(state: AtlasState, level: 'info' | 'error', message: string): AtlasState {
  // The same message twice in a row says nothing more.
  if (state.notices.some((notice) => notice.message === message && notice.level === level)) return state;
  noticeId += 1;
  return { ...state, notices: [...state.notices, { id: noticeId, level, message }].slice(-MAX_NOTICES) };
}

const deselectIf = (state: AtlasState, id: string): AtlasState =>
  state.selection.type === 'node' && state.selection.id === id
    ? { ...state, selection: NO_SELECTION }
    : state;

/** The one reducer: each case delegates to a feature's pure transition. */
export function atlasReducer(state: AtlasState, action: Action): AtlasState {
  switch (action.type) {
    case 'openNode': {
      const next = { ...state, graph: openNode(state.graph, action.id, action.relations ?? null) };
      return action.select ? { ...next, selection: { type: 'node', id: action.id } } : next;
    }
    case 'collapseNode':
      return { ...state, graph: collapseNode(state.graph, action.id) };
    case 'removeNode':
      return deselectIf({ ...state, graph: removeNode(state.graph, action.id) }, action.id);
    case 'togglePin':
      return { ...state, graph: togglePin(state.graph, action.id) };
    case 'showLinks':
      return { ...state, graph: showLinksAmongNodes(state.graph) };
    case 'showPath':
      return { ...state, graph: showPath(state.graph, action.from, action.to, action) };
    case 'clearPath':
      return { ...state, graph: clearPath(state.graph) };
    case 'replaceEntries':
      return { ...state, graph: replaceEntries(state.graph, action.entries), selection: NO_SELECTION };
    case 'clearGraph':
      return { ...state, graph: clearGraph(state.graph), selection: NO_SELECTION };
    case 'sliceLoading':
      return { ...state, graph: markLoading(state.graph, action.key) };
    case 'sliceLoaded':
      return { ...state, graph: storeSlice(state.graph, action.key, action.slice) };
    case 'sliceAborted':
      return { ...state, graph: forgetSlice(state.graph, action.key) };
    case 'sliceFailed':
      return notify(
        { ...state, graph: storeFailure(state.graph, action.key, action.code) },
        'error',
        ERROR_MESSAGES[action.code],
      );
    case 'facetsLoading':
      return { ...state, facetsPending: [...new Set([...state.facetsPending, ...action.ids])] };
    case 'facetsLoaded': {
      const done = new Set(action.ids);
      return {
        ...state,
        facets: { ...state.facets, ...action.facets },
        facetsPending: state.facetsPending.filter((id) => !done.has(id)),
      };
    }
    case 'facetsFailed': {
      const done = new Set(action.ids);
      // Empty facets: the node is then judged on what is known, and not fetched again in a loop.
      const empty = Object.fromEntries(action.ids.map((id) => [id, NO_FACETS]));
      return notify(
        {
          ...state,
          facets: { ...state.facets, ...empty },
          facetsPending: state.facetsPending.filter((id) => !done.has(id)),
        },
        'error',
        'Les thèmes, publics et lieux de certains nœuds n’ont pas pu être chargés.',
      );
    }
    case 'scopeLoading':
      return { ...state, scopes: { ...state.scopes, [action.id]: { type: 'loading' } } };
    case 'scopeLoaded':
      return { ...state, scopes: { ...state.scopes, [action.id]: { type: 'ready', value: action.scope } } };
    case 'scopeFailed':
      return notify(
        { ...state, scopes: { ...state.scopes, [action.id]: { type: 'error', code: action.code } } },
        'error',
        ERROR_MESSAGES[action.code],
      );
    case 'matchingLoading': {
      const current =
        state.matching?.key === action.key ? state.matching : { key: action.key, verdicts: {}, pending: [] };
      return {
        ...state,
        matching: { ...current, pending: [...new Set([...current.pending, ...action.ids])] },
      };
    }
    case 'matchingLoaded':
    case 'matchingFailed': {
      // An answer for criteria since changed is for nobody.
      if (state.matching?.key !== action.key) return state;
      const done = new Set(action.ids);
      const matches = new Set(action.type === 'matchingLoaded' ? action.matches : action.ids);
      // On failure the dispositifs stay visible (and are not asked again in a loop); the notice says why.
      const verdicts = { ...state.matching.verdicts };
      for (const id of action.ids) verdicts[id] = matches.has(id);
      const next = {
        ...state,
        matching: {
          ...state.matching,
          verdicts,
          pending: state.matching.pending.filter((id) => !done.has(id)),
        },
      };
      return action.type === 'matchingLoaded' ? next : notify(next, 'error', ERROR_MESSAGES[action.code]);
    }
    case 'setFilters':
      return { ...state, view: { ...state.view, filters: action.filters } };
    case 'setLayout':
      return {
        ...state,
        view: { ...state.view, layout: action.layout, layoutRun: state.view.layoutRun + 1 },
      };
    case 'rerunLayout':
      return { ...state, view: { ...state.view, layoutRun: state.view.layoutRun + 1 } };
    case 'setSizeBy':
      return { ...state, view: { ...state.view, sizeBy: action.sizeBy } };
    case 'setColorBy':
      return { ...state, view: { ...state.view, colorBy: action.colorBy } };
    case 'setGrouping':
      return {
        ...state,
        view: { ...state.view, grouping: action.grouping, layoutRun: state.view.layoutRun + 1 },
      };
    case 'toggleTable':
      return { ...state, view: { ...state.view, showTable: !state.view.showTable } };
    case 'select':
      return { ...state, selection: action.selection };
    case 'setHighlight':
      return { ...state, highlight: action.text };
    case 'notify':
      return notify(state, action.level, action.message);
    case 'dismissNotice':
      return { ...state, notices: state.notices.filter((notice) => notice.id !== action.id) };
    case 'setWorkspace':
      return { ...state, workspace: action.workspace, journalFocus: null };
    case 'showChange':
      return { ...state, workspace: 'journal', journalFocus: action.id };
    case 'setCoverage':
      return { ...state, coverage: { ...state.coverage, ...action.coverage } };
    case 'restore': {
      const { view } = action;
      return {
        ...state,
        workspace: view.workspace,
        // An explorer URL says nothing of the coverage view: the one in memory stays.
        coverage: view.workspace === 'coverage' ? view.coverage : state.coverage,
        graph: restoreGraph(state.graph, view),
        view: {
          ...state.view,
          layout: view.layout,
          sizeBy: view.sizeBy,
          colorBy: view.colorBy,
          grouping: view.grouping,
          filters: view.filters,
          showTable: view.showTable,
          layoutRun: state.view.layout !== view.layout ? state.view.layoutRun + 1 : state.view.layoutRun,
        },
        selection: view.selection,
      };
    }
  }
}
