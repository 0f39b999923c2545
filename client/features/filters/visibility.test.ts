import { describe, expect, it } from 'vitest';
import { edge, FACETS, JOBEURS_SLICE, node, WEJOB_SLICE } from '../../test-fixtures/slices';
import { composeGraph } from '../graph/compose';
import { EMPTY_GRAPH, openNode, storeSlice } from '../graph/transitions';
import { setTerritory, toggleKind, toggleRelation, togglePublic, toTerritoryScope } from './transitions';
import { NO_FILTERS } from './types';
import { computeVisibility } from './visibility';

const state = storeSlice(
  storeSlice(openNode(openNode(EMPTY_GRAPH, 'org:wejob'), 'dis:jobeurs-seniors'), 'n:org:wejob', WEJOB_SLICE),
  'n:dis:jobeurs-seniors',
  JOBEURS_SLICE,
);
const graph = composeGraph(state);
const facets = FACETS;
const context = { facets, scope: null, matching: null };

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

  it('hides the dispositifs the server judged out, keeps those judged in or not judged yet', () => {
    const filters = togglePublic(NO_FILTERS, 'public:jeunes');
    const judged = (verdicts: Record<string, boolean> | null) => [
      ...computeVisibility(graph, filters, { ...context, matching: verdicts }).hiddenNodes,
    ];
    expect(judged({ 'dis:matinales-impact-rh': true, 'dis:jobeurs-seniors': false })).toEqual([
      'dis:jobeurs-seniors',
    ]);
    // jobeurs-seniors, not judged yet (the answer is on its way), stays rather than blink out.
    expect(judged({ 'dis:matinales-impact-rh': false })).toEqual(['dis:matinales-impact-rh']);
    expect(judged(null)).toEqual([]);
    // Only dispositifs are judged: a verdict on another kind changes nothing.
    expect(judged({ 'org:wejob': false })).toEqual([]);
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
