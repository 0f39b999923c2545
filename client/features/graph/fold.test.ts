import { describe, expect, it } from 'vitest';
import { edge, node } from '../../test-fixtures/slices';
import { composeGraph, FOLD_ABOVE, foldId, isExpanded, parseFoldId } from './compose';
import { entryKey, parseEntryKey } from './entries';
import { collapseNode, EMPTY_GRAPH, entriesToLoad, openNode, storeSlice } from './transitions';
import type { Slice } from './types';

/** A département opened: 40 communes and 3 EPCI inside it, one actor seated there (shaped like seeds/data). */
const COMMUNES = Array.from({ length: 40 }, (_, i) =>
  node(`com:330${String(i).padStart(2, '0')}`, 'TERRITORY', `Commune ${i}`, { level: 'COMMUNE' }),
);
const EPCIS = Array.from({ length: 3 }, (_, i) =>
  node(`epci:2000${i}`, 'TERRITORY', `CC ${i}`, { level: 'EPCI' }),
);
const GIRONDE = node('dep:33', 'TERRITORY', 'Gironde', { level: 'DEPARTEMENT' });
const CD33 = node('org:cd33', 'ORGANISATION', 'Conseil départemental de la Gironde', { type: 'CD' });
const DEP_SLICE: Slice = {
  nodes: [GIRONDE, CD33, ...COMMUNES, ...EPCIS],
  edges: [
    edge('org:cd33', 'GOVERNS', 'dep:33'),
    ...[...COMMUNES, ...EPCIS].map((child) => edge(child.id, 'PART_OF', 'dep:33')),
    edge(COMMUNES[0]!.id, 'PART_OF', EPCIS[0]!.id),
  ],
  truncated: true,
  childCounts: { COMMUNE: 535 },
};

const opened = () => storeSlice(openNode(EMPTY_GRAPH, 'dep:33'), 'n:dep:33', DEP_SLICE);

describe('territories inside a territory come folded', () => {
  it('folds more than FOLD_ABOVE communes into one node named with their true count', () => {
    expect(COMMUNES.length).toBeGreaterThan(FOLD_ABOVE);
    const graph = composeGraph(opened());
    const fold = graph.nodes.get(foldId('dep:33', 'COMMUNE'));
    expect(fold?.label).toBe('535 communes');
    expect(fold?.props).toMatchObject({ folded: 535, level: 'COMMUNE', parent: 'dep:33' });
    expect([...graph.nodes.keys()].filter((id) => id.startsWith('com:'))).toEqual([]);
    // Few EPCI stay as they are; the actor too; the fold hangs on the département.
    expect(graph.nodes.has('epci:20000')).toBe(true);
    expect(graph.nodes.has('org:cd33')).toBe(true);
    expect([...graph.edges.values()].some((e) => e.source === fold?.id && e.target === 'dep:33')).toBe(true);
    // No edge is left to a folded commune.
    expect([...graph.edges.values()].some((e) => e.source.startsWith('com:'))).toBe(false);
  });

  it('says « plus de » when the slice was cut and the true count is unknown', () => {
    const state = storeSlice(openNode(EMPTY_GRAPH, 'dep:33'), 'n:dep:33', { ...DEP_SLICE, childCounts: {} });
    expect(composeGraph(state).nodes.get(foldId('dep:33', 'COMMUNE'))?.label).toBe('plus de 40 communes');
  });

  it('opens a fold as a children entry that shows them all, and folds them again on collapse', () => {
    const id = foldId('dep:33', 'COMMUNE');
    expect(parseFoldId(id)).toEqual({ parent: 'dep:33', level: 'COMMUNE' });
    const open = openNode(opened(), id);
    const entry = open.entries.at(-1)!;
    expect(entry).toEqual({ type: 'children', id: 'dep:33', level: 'COMMUNE' });
    expect(parseEntryKey(entryKey(entry))).toEqual(entry);
    expect(entriesToLoad(open)).toEqual([entry]);
    expect(isExpanded(open, id)).toBe(true);
    const shown = storeSlice(open, entryKey(entry), {
      nodes: [GIRONDE, ...COMMUNES],
      edges: COMMUNES.map((child) => edge(child.id, 'PART_OF', 'dep:33')),
      truncated: false,
    });
    const graph = composeGraph(shown);
    expect(graph.nodes.has(id)).toBe(false);
    expect(COMMUNES.every((commune) => graph.nodes.has(commune.id))).toBe(true);
    expect(composeGraph(collapseNode(shown, id)).nodes.has(id)).toBe(true);
  });

  it('keeps apart a commune asked for on its own', () => {
    const withOne = storeSlice(openNode(opened(), COMMUNES[3]!.id, []), `n:${COMMUNES[3]!.id}~`, {
      nodes: [COMMUNES[3]!],
      edges: [],
      truncated: false,
    });
    const graph = composeGraph(withOne);
    expect(graph.nodes.has(COMMUNES[3]!.id)).toBe(true);
    expect(graph.nodes.get(foldId('dep:33', 'COMMUNE'))).toBeDefined();
  });
});
