/**
 * Pure transitions of the canvas content (gephi-lite style): each takes the
 * state and returns a new one; fetching is done elsewhere from the entries.
 */
import type { ApiErrorCode } from '../../api/graphql-client';
import type { NodeKind, RelationType } from '../../vocabulary';
import { composeGraph, parseFoldId } from './compose';
import { entryKey, isNodeEntryOf } from './entries';
import type { Entry, GraphState, Slice, SliceNode } from './types';

export const EMPTY_GRAPH: GraphState = { entries: [], slices: {}, removed: [], pinned: [] };

const without = (list: readonly string[], id: string) => list.filter((item) => item !== id);

function addEntry(state: GraphState, entry: Entry): GraphState {
  const key = entryKey(entry);
  if (state.entries.some((existing) => entryKey(existing) === key)) return state;
  return { ...state, entries: [...state.entries, entry] };
}

/**
 * Opens a node with its neighbours (or only some relationship types); brings back a removed node.
 * Opening a fold (« 294 communes ») brings every territory it stands for.
 */
export function openNode(state: GraphState, id: string, relations: RelationType[] | null = null): GraphState {
  const fold = parseFoldId(id);
  if (fold) return addEntry(state, { type: 'children', id: fold.parent, level: fold.level });
  const removed = without(state.removed, id);
  const ofNode = (entry: Entry) => isNodeEntryOf(entry, id);
  let entries = state.entries;
  if (relations === null) {
    // A full neighbourhood covers the narrower entries of the same node.
    entries = entries.filter(
      (entry) => !(ofNode(entry) && entry.type === 'node' && entry.relations !== null),
    );
  } else if (entries.some((entry) => ofNode(entry) && entry.type === 'node' && entry.relations === null)) {
    return { ...state, removed };
  } else if (relations.length > 0) {
    entries = entries.filter(
      (entry) => !(ofNode(entry) && entry.type === 'node' && entry.relations?.length === 0),
    );
  }
  return addEntry({ ...state, removed, entries }, { type: 'node', id, relations });
}

/**
 * Takes back what expanding a node brought: its neighbourhood entries go, so
 * neighbours that no other entry brings leave the canvas; the node itself stays.
 */
export function collapseNode(state: GraphState, id: string): GraphState {
  const before = composeGraph(state);
  const node = before.nodes.get(id);
  // The territories of a fold opened are folded again; those of a territory go with it.
  const fold = parseFoldId(id);
  const entries = state.entries.filter((entry) =>
    fold
      ? !(entry.type === 'children' && entry.id === fold.parent && entry.level === fold.level)
      : !isNodeEntryOf(entry, id) && !(entry.type === 'children' && entry.id === id),
  );
  let next: GraphState = { ...state, entries };
  if (node && !composeGraph(next).nodes.has(id)) next = keepNodeAlone(next, node);
  return next;
}

/** The node alone on the canvas, its data already known: no fetch needed. */
function keepNodeAlone(state: GraphState, node: SliceNode): GraphState {
  const entry: Entry = { type: 'node', id: node.id, relations: [] };
  return {
    ...state,
    entries: [...state.entries, entry],
    slices: {
      ...state.slices,
      [entryKey(entry)]: { type: 'ready', value: { nodes: [node], edges: [], truncated: false } },
    },
  };
}

/** Takes a node off the canvas, whatever brought it, until it is opened again. */
export function removeNode(state: GraphState, id: string): GraphState {
  return {
    ...state,
    entries: state.entries.filter((entry) => !isNodeEntryOf(entry, id)),
    removed: state.removed.includes(id) ? state.removed : [...state.removed, id],
    pinned: without(state.pinned, id),
  };
}

export function togglePin(state: GraphState, id: string): GraphState {
  return { ...state, pinned: state.pinned.includes(id) ? without(state.pinned, id) : [...state.pinned, id] };
}

/** Asks for the links among the nodes on screen; asking again refreshes them. */
export function showLinksAmongNodes(state: GraphState): GraphState {
  const slices = { ...state.slices };
  delete slices.links;
  return addEntry({ ...state, slices }, { type: 'links' });
}

/** One path at a time: a new one replaces the previous. */
export function showPath(
  state: GraphState,
  from: string,
  to: string,
  options: { kinds?: NodeKind[] | null; hidden?: NodeKind[]; count?: number; rank?: number } = {},
): GraphState {
  const entries = state.entries.filter((entry) => entry.type !== 'path');
  return addEntry(
    { ...state, entries, removed: state.removed.filter((id) => id !== from && id !== to) },
    {
      type: 'path',
      from,
      to,
      ...(options.kinds ? { kinds: options.kinds } : {}),
      ...(options.hidden?.length ? { hidden: options.hidden } : {}),
      ...(options.count ? { count: options.count } : {}),
      ...(options.rank ? { rank: options.rank } : {}),
    },
  );
}

export function clearPath(state: GraphState): GraphState {
  return { ...state, entries: state.entries.filter((entry) => entry.type !== 'path') };
}

/** A view of its own (partnership network, funder): replaces the canvas content. */
export function replaceEntries(state: GraphState, entries: Entry[]): GraphState {
  return { ...state, entries, removed: [], pinned: [] };
}

export function clearGraph(state: GraphState): GraphState {
  return { ...EMPTY_GRAPH, slices: state.slices };
}

/** Restores entries, removals and pins from a URL, reusing slices already fetched. */
export function restoreGraph(
  state: GraphState,
  view: { entries: Entry[]; removed: string[]; pinned: string[] },
): GraphState {
  return { ...state, entries: view.entries, removed: view.removed, pinned: view.pinned };
}

export function markLoading(state: GraphState, key: string): GraphState {
  return { ...state, slices: { ...state.slices, [key]: { type: 'loading' } } };
}

export function storeSlice(state: GraphState, key: string, slice: Slice): GraphState {
  return { ...state, slices: { ...state.slices, [key]: { type: 'ready', value: slice } } };
}

/** Forgets a slice whose fetch was abandoned, so that the entry is fetched again if it comes back. */
export function forgetSlice(state: GraphState, key: string): GraphState {
  const slices = { ...state.slices };
  delete slices[key];
  return { ...state, slices };
}

export function storeFailure(state: GraphState, key: string, code: ApiErrorCode): GraphState {
  return { ...state, slices: { ...state.slices, [key]: { type: 'error', code } } };
}

/** Entries whose slice is neither fetched nor being fetched. */
export function entriesToLoad(state: GraphState): Entry[] {
  return state.entries.filter((entry) => state.slices[entryKey(entry)] === undefined);
}
