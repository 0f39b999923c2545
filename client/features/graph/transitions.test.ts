import { describe, expect, it } from 'vitest';
import { JOBEURS_SLICE, PATH_SLICE, WEJOB_SLICE } from '../../test-fixtures/slices';
import { composeGraph, isExpanded } from './compose';
import { entryKey, parseEntryKey } from './entries';
import {
  clearPath,
  collapseNode,
  EMPTY_GRAPH,
  entriesToLoad,
  forgetSlice,
  markLoading,
  openNode,
  removeNode,
  showLinksAmongNodes,
  showPath,
  storeSlice,
  togglePin,
} from './transitions';
import type { Entry, GraphState } from './types';

function loaded(state: GraphState): GraphState {
  let next = state;
  for (const entry of state.entries) {
    const key = entryKey(entry);
    if (next.slices[key]) continue;
    if (key === 'n:org:wejob') next = storeSlice(next, key, WEJOB_SLICE);
    if (key === 'n:dis:jobeurs-seniors') next = storeSlice(next, key, JOBEURS_SLICE);
    if (key.startsWith('path:')) next = storeSlice(next, key, PATH_SLICE);
  }
  return next;
}

describe('graph transitions', () => {
  it('opens a node once and lists it to load', () => {
    const state = openNode(openNode(EMPTY_GRAPH, 'org:wejob'), 'org:wejob');
    expect(state.entries).toEqual([{ type: 'node', id: 'org:wejob', relations: null }]);
    expect(entriesToLoad(state)).toHaveLength(1);
    expect(entriesToLoad(loaded(state))).toHaveLength(0);
  });

  it('merges several neighbourhoods on one canvas', () => {
    const state = loaded(openNode(loaded(openNode(EMPTY_GRAPH, 'org:wejob')), 'dis:jobeurs-seniors'));
    const graph = composeGraph(state);
    expect(graph.nodes.has('org:ag2r-la-mondiale')).toBe(true);
    expect(graph.nodes.has('src:2019-04-25-jobeurs-seniors-bordeaux')).toBe(true);
    // The same edge from both slices is drawn once.
    expect(
      [...graph.edges.keys()].filter((id) => id === 'org:wejob|CARRIES|dis:jobeurs-seniors'),
    ).toHaveLength(1);
    expect(graph.broughtBy.get('com:33063')).toEqual(['n:org:wejob', 'n:dis:jobeurs-seniors']);
  });

  it('collapse removes only the neighbours that the node alone brought', () => {
    const both = loaded(openNode(loaded(openNode(EMPTY_GRAPH, 'org:wejob')), 'dis:jobeurs-seniors'));
    const graph = composeGraph(collapseNode(both, 'dis:jobeurs-seniors'));
    expect(graph.nodes.has('org:ag2r-la-mondiale')).toBe(false);
    expect(graph.nodes.has('public:seniors')).toBe(false);
    // Brought by WeJOB too: stays, and so does the collapsed node itself.
    expect(graph.nodes.has('com:33063')).toBe(true);
    expect(graph.nodes.has('dis:jobeurs-seniors')).toBe(true);
  });

  it('collapsing a node only it brought keeps the node alone', () => {
    const state = collapseNode(loaded(openNode(EMPTY_GRAPH, 'org:wejob')), 'org:wejob');
    const graph = composeGraph(state);
    expect([...graph.nodes.keys()]).toEqual(['org:wejob']);
    expect(state.entries).toEqual([{ type: 'node', id: 'org:wejob', relations: [] }]);
    expect(isExpanded(state, 'org:wejob')).toBe(false);
    expect(entriesToLoad(state)).toHaveLength(0);
  });

  it('remove keeps a node off whatever brings it, until opened again', () => {
    const state = removeNode(loaded(openNode(EMPTY_GRAPH, 'org:wejob')), 'com:33063');
    const graph = composeGraph(state);
    expect(graph.nodes.has('com:33063')).toBe(false);
    expect(graph.edges.has('org:wejob|LOCATED_IN|com:33063')).toBe(false);
    expect(composeGraph(openNode(state, 'com:33063')).nodes.has('com:33063')).toBe(true);
  });

  it('expands by relationship type, and a full expansion supersedes it', () => {
    const typed = openNode(EMPTY_GRAPH, 'org:wejob', ['FUNDS']);
    expect(typed.entries.map(entryKey)).toEqual(['n:org:wejob~FUNDS']);
    expect(openNode(typed, 'org:wejob').entries.map(entryKey)).toEqual(['n:org:wejob']);
    expect(openNode(openNode(typed, 'org:wejob'), 'org:wejob', ['CARRIES']).entries.map(entryKey)).toEqual([
      'n:org:wejob',
    ]);
  });

  it('pins and unpins', () => {
    const pinned = togglePin(EMPTY_GRAPH, 'org:wejob');
    expect(pinned.pinned).toEqual(['org:wejob']);
    expect(togglePin(pinned, 'org:wejob').pinned).toEqual([]);
  });

  it('links among nodes bring edges, never nodes', () => {
    let state = loaded(openNode(EMPTY_GRAPH, 'org:wejob'));
    state = showLinksAmongNodes(state);
    state = storeSlice(state, 'links', {
      truncated: false,
      nodes: [],
      edges: [
        {
          id: 'dis:jobeurs-seniors|DEPLOYED_IN|com:33063',
          source: 'dis:jobeurs-seniors',
          target: 'com:33063',
          type: 'DEPLOYED_IN',
          sources: [],
          props: {},
        },
        {
          id: 'dis:x|DEPLOYED_IN|com:33063',
          source: 'dis:x',
          target: 'com:33063',
          type: 'DEPLOYED_IN',
          sources: [],
          props: {},
        },
      ],
    });
    const graph = composeGraph(state);
    expect(graph.edges.has('dis:jobeurs-seniors|DEPLOYED_IN|com:33063')).toBe(true);
    expect(graph.nodes.has('dis:x')).toBe(false);
    // Asking again refreshes the links.
    expect(showLinksAmongNodes(state).slices.links).toBeUndefined();
  });

  it('keeps one path at a time', () => {
    const state = showPath(showPath(EMPTY_GRAPH, 'org:wejob', 'dep:33'), 'org:wejob', 'com:33063');
    expect(state.entries.map(entryKey)).toEqual(['path:org:wejob>com:33063']);
    expect(clearPath(state).entries).toEqual([]);
  });

  it('fetches a superseded path again when it comes back, once its aborted fetch is forgotten', () => {
    const first = showPath(EMPTY_GRAPH, 'org:wejob', 'dep:33');
    const key = entryKey(first.entries[0]!);
    const loading = markLoading(first, key);
    const replaced = showPath(loading, 'org:wejob', 'com:33063');
    const back = showPath(forgetSlice(replaced, key), 'org:wejob', 'dep:33');
    expect(entriesToLoad(back).map(entryKey)).toEqual([key]);
    // Without forgetting, the stale "loading" would keep it from being fetched.
    expect(entriesToLoad(showPath(replaced, 'org:wejob', 'dep:33'))).toEqual([]);
  });
});

describe('entry keys', () => {
  const entries: Entry[] = [
    { type: 'node', id: 'org:wejob', relations: null },
    { type: 'node', id: 'org:wejob', relations: ['FUNDS', 'CARRIES'] },
    { type: 'node', id: 'epci:243300563', relations: [] },
    { type: 'links' },
    { type: 'path', from: 'org:wejob', to: 'dep:33' },
    { type: 'partners', territory: 'dep:33', theme: 'theme:mobilite', public: null, activeOn: '2019-06-01' },
    { type: 'partners', territory: null, theme: null, public: null, activeOn: null },
    { type: 'funder', id: 'org:region-nouvelle-aquitaine' },
  ];
  it.each(entries)('round-trips %o', (entry) => {
    expect(parseEntryKey(entryKey(entry))).toEqual(entry);
  });
  it.each(['', 'n:', 'n:org:x~NOPE', 'path:a', 'partners:colour=red', 'funder:', 'x:y', 'n:<script>'])(
    'rejects %s',
    (key) => expect(parseEntryKey(key)).toBeNull(),
  );
});
