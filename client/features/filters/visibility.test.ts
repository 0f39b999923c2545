import { describe, expect, it } from 'vitest';
import { edge, FACETS, JOBEURS_SLICE, node, WEJOB_SLICE } from '../../test-fixtures/slices';
import { composeGraph } from '../graph/compose';
import { EMPTY_GRAPH, openNode, storeSlice } from '../graph/transitions';
import {
  setActiveOn,
  setTerritory,
  toggleKind,
  toggleRelation,
  toggleStatus,
  toggleTheme,
  togglePublic,
  toTerritoryScope,
} from './transitions';
import { NO_FILTERS } from './types';
import { computeVisibility, isActiveOn } from './visibility';

const state = storeSlice(
  storeSlice(openNode(openNode(EMPTY_GRAPH, 'org:wejob'), 'dis:jobeurs-seniors'), 'n:org:wejob', WEJOB_SLICE),
  'n:dis:jobeurs-seniors',
  JOBEURS_SLICE,
);
const graph = composeGraph(state);
const facets = FACETS;
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

  it('lets the server decide the dispositif criteria when it has answered', () => {
    const filters = togglePublic(NO_FILTERS, 'public:jeunes');
    const hidden = computeVisibility(graph, filters, {
      ...context,
      matching: new Set(['dis:matinales-impact-rh']),
    }).hiddenNodes;
    expect([...hidden]).toEqual(['dis:jobeurs-seniors']);
  });

  it('keeps what lies in a territory, and dispositifs deployed in a territory containing it', () => {
    // As the API's territoryScope and matchingDispositifs answer for Bordeaux Métropole.
    const scope = toTerritoryScope('epci:243300316', {
      inside: ['com:33063', 'com:33318'],
      containing: ['dep:33', 'reg:75'],
      dispositifs: ['dis:jobeurs-seniors', 'dis:matinales-impact-rh'],
    });
    expect(scope.inside.has('epci:243300316')).toBe(true);
    const filters = setTerritory(NO_FILTERS, 'epci:243300316');
    const hidden = computeVisibility(graph, filters, { ...context, scope }).hiddenNodes;
    expect(hidden.has('dis:matinales-impact-rh')).toBe(false);
    expect(hidden.has('dis:jobeurs-seniors')).toBe(false);
    expect(hidden.has('com:33063')).toBe(false);
    expect(hidden.has('org:wejob')).toBe(false);
    // Themes, publics and sources are not placed: untouched.
    expect(hidden.has('public:seniors')).toBe(false);

    // Libourne: Bordeaux is not inside it; the server says a Gironde-wide matinales reaches it.
    const libourne = toTerritoryScope('com:33243', {
      inside: [],
      containing: ['dep:33', 'reg:75'],
      dispositifs: ['dis:matinales-impact-rh'],
    });
    const elsewhere = computeVisibility(graph, setTerritory(NO_FILTERS, 'com:33243'), {
      ...context,
      scope: libourne,
    }).hiddenNodes;
    expect([...elsewhere].sort()).toEqual(['com:33063', 'dis:jobeurs-seniors']);
    // WeJOB is seated in Bordeaux, but carries the Gironde-wide matinales: kept.
    expect(elsewhere.has('org:wejob')).toBe(false);
  });

  it('keeps the people working at an organisation the territory keeps', () => {
    const people = composeGraph(
      storeSlice(openNode(state, 'per:x'), 'n:per:x', {
        truncated: false,
        nodes: [
          node('per:x', 'PERSON', 'X'),
          node('per:y', 'PERSON', 'Y'),
          node('org:ailleurs', 'ORGANISATION', 'Ailleurs'),
        ],
        edges: [edge('per:x', 'WORKS_AT', 'org:wejob'), edge('per:y', 'WORKS_AT', 'org:ailleurs')],
      }),
    );
    const scope = toTerritoryScope('epci:243300316', {
      inside: ['com:33063'],
      containing: ['dep:33'],
      dispositifs: [],
    });
    const hidden = computeVisibility(people, setTerritory(NO_FILTERS, 'epci:243300316'), {
      ...context,
      scope,
      facets: {
        ...facets,
        'org:ailleurs': { themes: [], publics: [], places: ['com:64445'], involvedIn: [] },
      },
    }).hiddenNodes;
    expect(hidden.has('per:x')).toBe(false);
    expect(hidden.has('per:y')).toBe(true);
    expect(hidden.has('org:ailleurs')).toBe(true);
  });
});
