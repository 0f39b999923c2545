import { describe, expect, it } from 'vitest';
import { NODE_LABELS } from '../model.js';
import {
  compactCypher,
  edgeId,
  idsByLabel,
  labelsWithIds,
  matchNodesById,
  perLabels,
  toEdgeRow,
  toNodeRow,
} from './rows.js';

describe('rows', () => {
  it('groups ids under their label by prefix, dropping unknown prefixes', () => {
    const grouped = idsByLabel(['org:a', 'com:33243', 'bassin:medoc', 'dis:x', 'nope:1']);
    expect(grouped.Organisation).toEqual(['org:a']);
    expect(grouped.Territory).toEqual(['com:33243', 'bassin:medoc']);
    expect(grouped.Dispositif).toEqual(['dis:x']);
    expect(Object.values(grouped).flat()).not.toContain('nope:1');
    // Labels without ids are left out: a by-id match reads those it names only.
    expect(Object.keys(grouped).sort()).toEqual(['Dispositif', 'Organisation', 'Territory']);
  });

  it('matches by id under the one label the ids name, else under every label', () => {
    expect(labelsWithIds(idsByLabel(['com:33243', 'dep:33']))).toEqual(['Territory']);
    expect(labelsWithIds(idsByLabel(['com:33243', 'org:a']))).toEqual(NODE_LABELS);
    expect(labelsWithIds(idsByLabel(['nope:1']))).toEqual(NODE_LABELS);
    const text = matchNodesById('n', 'ids', ['Territory']);
    expect(text).toContain('MATCH (n:Territory) WHERE n.id IN $ids.Territory');
    expect(text).not.toContain('UNION');
    expect(matchNodesById('n', 'ids', NODE_LABELS).match(/UNION/g)).toHaveLength(NODE_LABELS.length - 1);
  });

  it('drops the indentation of a query text, keeping its lines', () => {
    expect(compactCypher(`\n  MATCH (n)\n    WHERE n.id = 'a  b'\n\n  RETURN n  `)).toBe(
      "MATCH (n)\nWHERE n.id = 'a  b'\nRETURN n",
    );
  });

  it('builds a query text once per set of labels', () => {
    let built = 0;
    const text = perLabels((labels) => `${(built += 1)}:${labels.join('|')}`);
    expect(text(['Organisation'])).toBe('1:Organisation');
    expect(text(['Organisation'])).toBe('1:Organisation');
    expect(text(['Organisation', 'Source'])).toBe('2:Organisation|Source');
  });

  it('hides internal properties and lifts edge sources out of the data', () => {
    expect(
      toNodeRow({ id: 'org:a', label: 'Organisation', props: { name: 'A', searchText: 'a' } }).props,
    ).toEqual({
      name: 'A',
    });
    const edge = toEdgeRow({
      source: 'org:a',
      target: 'dis:b',
      type: 'CARRIES',
      props: { sources: ['src:1'], role: 'x' },
    });
    expect(edge).toEqual({
      id: edgeId('org:a', 'CARRIES', 'dis:b'),
      source: 'org:a',
      target: 'dis:b',
      type: 'CARRIES',
      sources: ['src:1'],
      props: { role: 'x' },
    });
  });
});
