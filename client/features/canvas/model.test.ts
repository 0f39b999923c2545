import { describe, expect, it } from 'vitest';
import { LIGHT_EDGES_ABOVE, NO_THEME_KEY } from '../../cytoscape/stylesheet';
import { INITIAL_STATE } from '../../state/defaults';
import { atlasReducer } from '../../state/reducer';
import type { AtlasState } from '../../state/types';
import { FACETS, JOBEURS_SLICE, WEJOB_SLICE } from '../../test-fixtures/slices';
import { syntheticSlice } from '../graph/synthetic';
import type { CanvasNodeData } from '../../cytoscape/elements';
import type { Vocabulary } from '../vocabulary/types';
import { nodeSizes } from '../../cytoscape/metrics';
import { buildCanvasModel, createCanvasModelBuilder, departementOf } from './model';

const vocabulary: Vocabulary = {
  themes: [
    { id: 'theme:trouver-un-emploi', name: 'Trouver un emploi', parent: null },
    { id: 'theme:mobilite', name: 'Mobilité', parent: null },
  ],
  publics: [{ id: 'public:seniors', name: 'Séniors' }],
  themeParents: new Map([
    ['theme:trouver-un-emploi', null],
    ['theme:mobilite', null],
  ]),
  names: new Map([
    ['theme:trouver-un-emploi', 'Trouver un emploi'],
    ['theme:mobilite', 'Mobilité'],
  ]),
};

function loadedState(): AtlasState {
  let state = atlasReducer(INITIAL_STATE, { type: 'openNode', id: 'org:wejob' });
  state = atlasReducer(state, { type: 'openNode', id: 'dis:jobeurs-seniors' });
  state = atlasReducer(state, { type: 'sliceLoaded', key: 'n:org:wejob', slice: WEJOB_SLICE });
  state = atlasReducer(state, { type: 'sliceLoaded', key: 'n:dis:jobeurs-seniors', slice: JOBEURS_SLICE });
  return atlasReducer(state, { type: 'facetsLoaded', ids: Object.keys(FACETS), facets: FACETS });
}

const drawnNodes = (model: ReturnType<typeof buildCanvasModel>) =>
  model.elements
    .filter((element) => element.group === 'nodes')
    .map((element) => element.data as CanvasNodeData);

describe('canvas model', () => {
  it('has a legend entry for each kind drawn, with its count', () => {
    const model = buildCanvasModel(loadedState(), vocabulary);
    const counts = new Map<string, number>();
    for (const node of drawnNodes(model)) counts.set(node.kind, (counts.get(node.kind) ?? 0) + 1);
    expect(Object.fromEntries(model.legend.shapes.map((entry) => [entry.key, entry.count]))).toEqual(
      Object.fromEntries(counts),
    );
  });

  it('colours by theme with entries the stylesheet knows, and the legend lists exactly those drawn', () => {
    const state = atlasReducer(loadedState(), { type: 'setColorBy', colorBy: 'theme' });
    const model = buildCanvasModel(state, vocabulary);
    const keys = new Set(drawnNodes(model).map((node) => node.colorKey));
    expect(keys).toEqual(new Set(['theme:trouver-un-emploi', NO_THEME_KEY]));
    expect(new Set(model.legend.colours.map((entry) => entry.key))).toEqual(keys);
    const selectors = model.stylesheet.map((block) => block.selector);
    for (const key of keys) expect(selectors).toContain(`node[colorKey = ${JSON.stringify(key)}]`);
    expect(drawnNodes(model).find((node) => node.id === 'dis:jobeurs-seniors')?.colorKey).toBe(
      'theme:trouver-un-emploi',
    );
  });

  it('leaves hidden kinds out of the legend while keeping them on the canvas, hidden', () => {
    const state = atlasReducer(loadedState(), {
      type: 'setFilters',
      filters: { ...INITIAL_STATE.view.filters, hiddenKinds: ['SOURCE'] },
    });
    const model = buildCanvasModel(state, vocabulary);
    expect(model.legend.shapes.map((entry) => entry.key)).not.toContain('SOURCE');
    const source = model.elements.find(
      (element) => element.data.id === 'src:2019-04-25-jobeurs-seniors-bordeaux',
    );
    expect(source?.classes).toContain('hidden');
    expect(model.legend.edges.map((entry) => entry.type)).not.toContain('MENTIONED_IN');
  });

  it('groups by kind and by département', () => {
    const byKind = buildCanvasModel(
      atlasReducer(loadedState(), { type: 'setGrouping', grouping: 'kind' }),
      vocabulary,
    );
    expect(drawnNodes(byKind).find((node) => node.id === 'org:wejob')?.parent).toBe('group:ORGANISATION');
    const byPlace = buildCanvasModel(
      atlasReducer(loadedState(), { type: 'setGrouping', grouping: 'territory' }),
      vocabulary,
    );
    const bordeaux = drawnNodes(byPlace).find((node) => node.id === 'com:33063');
    expect(bordeaux?.parent).toBe('group:dep:33');
    expect(drawnNodes(byPlace).find((node) => node.id === 'group:dep:33')?.label).toBe('Gironde');
    expect(drawnNodes(byPlace).find((node) => node.id === 'dis:jobeurs-seniors')?.parent).toBe(
      'group:dep:33',
    );
  });

  it('highlights search matches, accents and case aside', () => {
    const model = buildCanvasModel(
      atlasReducer(loadedState(), { type: 'setHighlight', text: 'SENIORS' }),
      vocabulary,
    );
    expect([...model.matches].sort()).toEqual([
      'dis:jobeurs-seniors',
      'public:seniors',
      'src:2019-04-25-jobeurs-seniors-bordeaux',
    ]);
  });

  it('draws a view of more than a thousand nodes the light way', () => {
    const big = syntheticSlice(LIGHT_EDGES_ABOVE + 1, LIGHT_EDGES_ABOVE + 50);
    let state = atlasReducer(INITIAL_STATE, { type: 'openNode', id: big.nodes[0]!.id });
    state = atlasReducer(state, { type: 'sliceLoaded', key: `n:${big.nodes[0]!.id}`, slice: big });
    const model = buildCanvasModel(state, vocabulary);
    expect(model.light).toBe(true);
    expect(JSON.stringify(model.stylesheet)).toContain('haystack');
    expect(buildCanvasModel(loadedState(), vocabulary).light).toBe(false);
  });

  it('finds the département of a territory', () => {
    const graph = buildCanvasModel(loadedState(), vocabulary).graph;
    expect(departementOf('com:33063', graph)).toBe('dep:33');
    expect(departementOf('dep:64', graph)).toBe('dep:64');
    expect(departementOf('bassin:x', graph)).toBeNull();
  });

  it('highlights with the search folding: typographic apostrophes and accents too', () => {
    const model = buildCanvasModel(
      atlasReducer(loadedState(), { type: 'setHighlight', text: 'Jobeurs’ SÉNIORS' }),
      vocabulary,
    );
    expect([...model.matches]).toContain('dis:jobeurs-seniors');
  });
});

describe('canvas model stages', () => {
  function countingBuilder() {
    const calls: string[] = [];
    const build = createCanvasModelBuilder({
      nodeSizes: (graph, sizeBy) => {
        calls.push(sizeBy);
        return nodeSizes(graph, sizeBy);
      },
    });
    return { build, calls };
  }

  it('does not recompute betweenness when only the highlight changes', () => {
    const { build, calls } = countingBuilder();
    const state = atlasReducer(loadedState(), { type: 'setSizeBy', sizeBy: 'betweenness' });
    const first = build(state, vocabulary);
    const typed = build(atlasReducer(state, { type: 'setHighlight', text: 'wejob' }), vocabulary);
    const more = build(atlasReducer(state, { type: 'setHighlight', text: 'seniors' }), vocabulary);
    expect(calls).toEqual(['betweenness']);
    // The expensive stages' results are the very same objects; the highlight did change.
    expect(typed.sizes).toBe(first.sizes);
    expect(typed.graph).toBe(first.graph);
    expect(typed.stylesheet).toBe(first.stylesheet);
    expect(typed.matches.has('org:wejob')).toBe(true);
    expect(typed.matches.has('public:seniors')).toBe(false);
    expect(more.matches.has('public:seniors')).toBe(true);
    expect(typed.elements.find((element) => element.data.id === 'org:wejob')?.classes).toContain('match');
  });

  it('recomputes sizes when what they depend on changes', () => {
    const { build, calls } = countingBuilder();
    const state = atlasReducer(loadedState(), { type: 'setSizeBy', sizeBy: 'betweenness' });
    build(state, vocabulary);
    build(atlasReducer(state, { type: 'setSizeBy', sizeBy: 'degree' }), vocabulary);
    build(
      atlasReducer(state, {
        type: 'setFilters',
        filters: { ...INITIAL_STATE.view.filters, hiddenKinds: ['SOURCE'] },
      }),
      vocabulary,
    );
    expect(calls).toEqual(['betweenness', 'degree', 'betweenness']);
  });

  it('builds the same model in stages as from scratch', () => {
    const { build } = countingBuilder();
    const state = atlasReducer(loadedState(), { type: 'setColorBy', colorBy: 'theme' });
    build(atlasReducer(state, { type: 'setHighlight', text: 'bordeaux' }), vocabulary);
    const staged = build(state, vocabulary);
    expect(staged.elements).toEqual(buildCanvasModel(state, vocabulary).elements);
  });
});
