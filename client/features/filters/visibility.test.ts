import { describe, expect, it } from 'vitest';
import { edge, JOBEURS_SLICE, node, WEJOB_SLICE } from '../../test-fixtures/slices';
import { composeGraph } from '../graph/compose';
import { openNode, storeSlice } from '../graph/transitions';
import { EMPTY_GRAPH } from '../graph/transitions';
import { facetsFromSlice } from '../facets/facets';
import {
  scopeFromSlice,
  setActiveOn,
  setTerritory,
  toggleKind,
  toggleRelation,
  toggleStatus,
  toggleTheme,
  togglePublic,
} from './transitions';
import { NO_FILTERS } from './types';
import { computeVisibility, isActiveOn } from './visibility';

const state = storeSlice(
  storeSlice(openNode(openNode(EMPTY_GRAPH, 'org:wejob'), 'dis:jobeurs-seniors'), 'n:org:wejob', WEJOB_SLICE),
  'n:dis:jobeurs-seniors',
  JOBEURS_SLICE,
);
const graph = composeGraph(state);
const facets = facetsFromSlice(['dis:jobeurs-seniors', 'dis:matinales-impact-rh', 'org:wejob'], {
  truncated: false,
  nodes: [],
  edges: [
    ...JOBEURS_SLICE.edges,
    ...WEJOB_SLICE.edges,
    edge('dis:matinales-impact-rh', 'ADDRESSES', 'theme:recrutement'),
    edge('dis:matinales-impact-rh', 'DEPLOYED_IN', 'com:33318'),
  ],
});
const themeParents = new Map<string, string | null>([
  ['theme:trouver-un-emploi', null],
  ['theme:trouver-un-emploi--jobdating', 'theme:trouver-un-emploi'],
  ['theme:recrutement', null],
]);
const context = { facets, themeParents, scope: null };

describe('filters', () => {
  it('hides nothing by default', () => {
    const visibility = computeVisibility(graph, NO_FILTERS, context);
    expect(visibility.hiddenNodes.size).toBe(0);
    expect(visibility.hiddenEdges.size).toBe(0);
  });

  it('hides a kind and the edges touching it', () => {
    const visibility = computeVisibility(graph, toggleKind(NO_FILTERS, 'SOURCE'), context);
    expect([...visibility.hiddenNodes]).toEqual(['src:2019-04-25-jobeurs-seniors-bordeaux']);
    expect(visibility.hiddenEdges.has('org:wejob|MENTIONED_IN|src:2019-04-25-jobeurs-seniors-bordeaux')).toBe(
      true,
    );
  });

  it('hides a relationship type, not its ends', () => {
    const visibility = computeVisibility(graph, toggleRelation(NO_FILTERS, 'FUNDS'), context);
    expect(visibility.hiddenNodes.size).toBe(0);
    expect([...visibility.hiddenEdges].every((id) => id.includes('|FUNDS|'))).toBe(true);
    expect(visibility.hiddenEdges.size).toBe(2);
  });

  it('filters dispositifs by status and by date', () => {
    expect([...computeVisibility(graph, toggleStatus(NO_FILTERS, 'active'), context).hiddenNodes]).toEqual([
      'dis:matinales-impact-rh',
    ]);
    expect([...computeVisibility(graph, setActiveOn(NO_FILTERS, '2019-09-01'), context).hiddenNodes]).toEqual(
      ['dis:matinales-impact-rh'],
    );
    expect(
      [...computeVisibility(graph, setActiveOn(NO_FILTERS, '2018-09-01'), context).hiddenNodes].sort(),
    ).toEqual(['dis:jobeurs-seniors']);
  });

  it('reads dates as the API does', () => {
    expect(isActiveOn({ startDate: '2019-01-01' }, '2019-01-01')).toBe(true);
    expect(isActiveOn({ endDate: '2019-01-01' }, '2019-01-02')).toBe(false);
    expect(isActiveOn({ status: 'ended' }, '2019-01-02')).toBe(false);
    expect(isActiveOn({}, '2019-01-02')).toBe(true);
  });

  it('filters dispositifs by theme (a parent theme covers its sub-themes) and by public', () => {
    expect([
      ...computeVisibility(graph, toggleTheme(NO_FILTERS, 'theme:trouver-un-emploi'), context).hiddenNodes,
    ]).toEqual(['dis:matinales-impact-rh']);
    expect([
      ...computeVisibility(graph, toggleTheme(NO_FILTERS, 'theme:recrutement'), context).hiddenNodes,
    ]).toEqual(['dis:jobeurs-seniors']);
    expect([
      ...computeVisibility(graph, togglePublic(NO_FILTERS, 'public:seniors'), context).hiddenNodes,
    ]).toEqual(['dis:matinales-impact-rh']);
  });

  it('keeps what lies in a territory', () => {
    const scope = scopeFromSlice('epci:243300316', {
      truncated: false,
      nodes: [node('epci:243300316', 'TERRITORY', 'Bordeaux Métropole', { level: 'EPCI' })],
      edges: [edge('com:33063', 'PART_OF', 'epci:243300316'), edge('epci:243300316', 'PART_OF', 'dep:33')],
    });
    expect(scope.inside.has('com:33063')).toBe(true);
    expect(scope.containing.has('dep:33')).toBe(true);
    const filters = setTerritory(NO_FILTERS, 'epci:243300316');
    const hidden = computeVisibility(graph, filters, { ...context, scope }).hiddenNodes;
    // Deployed in Mérignac (com:33318) is not known to be inside here: hidden; Bordeaux and what runs there stay.
    expect(hidden.has('dis:matinales-impact-rh')).toBe(true);
    expect(hidden.has('dis:jobeurs-seniors')).toBe(false);
    expect(hidden.has('com:33063')).toBe(false);
    expect(hidden.has('org:wejob')).toBe(false);
    // Themes, publics and sources are not placed: untouched.
    expect(hidden.has('public:seniors')).toBe(false);
  });
});
