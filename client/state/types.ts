import type { ApiErrorCode } from '../api/graphql-client';
import type { Loadable } from '../api/loadable';
import type { LayoutName } from '../cytoscape/layouts';
import type { ColorBy, SizeBy } from '../cytoscape/stylesheet';
import type { CoverageView } from '../features/coverage-gaps/types';
import type { FacetIndex } from '../features/facets/types';
import type { Filters, TerritoryScope } from '../features/filters/types';
import type { Entry, GraphState, Slice } from '../features/graph/types';
import type { Grouping, Selection, ViewState } from '../features/view/types';
import type { NodeKind, RelationType } from '../vocabulary';

/** The workspaces, listed for the header in shell/workspaces.ts. */
export type Workspace = 'explorer' | 'coverage' | 'analysis' | 'journal' | 'import';

export type Notice = { id: number; level: 'info' | 'error'; message: string };

export type ScopeState = Loadable<TerritoryScope>;

/**
 * The server's verdicts (`matchingDispositifs`) on the dispositifs of the canvas
 * for one set of dispositif criteria, named by `key`; ids not yet judged are
 * neither in `verdicts` nor kept hidden.
 */
export interface MatchingState {
  key: string;
  verdicts: Record<string, boolean>;
  pending: string[];
}

/** Everything the page shows, in one serialisable value. */
export interface AtlasState {
  workspace: Workspace;
  coverage: CoverageView;
  graph: GraphState;
  view: ViewState;
  selection: Selection;
  facets: FacetIndex;
  /** Ids whose facets are being fetched. */
  facetsPending: string[];
  scopes: Record<string, ScopeState>;
  /** Verdicts on the canvas's dispositifs for the current theme, public, status and date criteria. */
  matching: MatchingState | null;
  /** Text whose matches are highlighted on the canvas. */
  highlight: string;
  /** The change the journal brings into view and marks, when opened on one (an import's). */
  journalFocus: string | null;
  notices: Notice[];
}

/** The part of the state a URL holds. */
export interface UrlView {
  entries: Entry[];
  removed: string[];
  pinned: string[];
  layout: LayoutName;
  sizeBy: SizeBy;
  colorBy: ColorBy;
  grouping: Grouping;
  filters: Filters;
  showTable: boolean;
  selection: Selection;
  workspace: Workspace;
  /** Read from and written to the URL in the coverage workspace only. */
  coverage: CoverageView;
}

export type Action =
  | { type: 'openNode'; id: string; relations?: RelationType[] | null; select?: boolean }
  | { type: 'collapseNode'; id: string }
  | { type: 'removeNode'; id: string }
  | { type: 'togglePin'; id: string }
  | { type: 'showLinks' }
  /** A path entry's fields (features/graph/types.ts). */
  | ({ type: 'showPath' } & Omit<Extract<Entry, { type: 'path' }>, 'type'>)
  | { type: 'clearPath' }
  | { type: 'replaceEntries'; entries: Entry[] }
  | { type: 'clearGraph' }
  | { type: 'sliceLoading'; key: string }
  | { type: 'sliceLoaded'; key: string; slice: Slice }
  | { type: 'sliceFailed'; key: string; code: ApiErrorCode }
  | { type: 'sliceAborted'; key: string }
  | { type: 'facetsLoading'; ids: string[] }
  | { type: 'facetsLoaded'; ids: string[]; facets: FacetIndex }
  | { type: 'facetsFailed'; ids: string[] }
  | { type: 'scopeLoading'; id: string }
  | { type: 'scopeLoaded'; id: string; scope: TerritoryScope }
  | { type: 'scopeFailed'; id: string; code: ApiErrorCode }
  | { type: 'matchingLoading'; key: string; ids: string[] }
  | { type: 'matchingLoaded'; key: string; ids: string[]; matches: string[] }
  | { type: 'matchingFailed'; key: string; ids: string[]; code: ApiErrorCode }
  | { type: 'setFilters'; filters: Filters }
  | { type: 'setLayout'; layout: LayoutName }
  | { type: 'rerunLayout' }
  | { type: 'setSizeBy'; sizeBy: SizeBy }
  | { type: 'setColorBy'; colorBy: ColorBy }
  | { type: 'setGrouping'; grouping: Grouping }
  | { type: 'toggleTable' }
  | { type: 'select'; selection: Selection }
  | { type: 'setHighlight'; text: string }
  | { type: 'notify'; level: Notice['level']; message: string }
  | { type: 'dismissNotice'; id: number }
  | { type: 'setWorkspace'; workspace: Workspace }
  | { type: 'showChange'; id: string }
  | { type: 'setCoverage'; coverage: Partial<CoverageView> }
  | { type: 'restore'; view: UrlView };

export type { NodeKind };
