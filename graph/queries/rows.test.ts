import { describe, expect, it } from 'vitest';
import { edgeId, idsByLabel, toEdgeRow, toNodeRow } from './rows.js';

describe('rows', () => {
  it('groups ids under their label by prefix, dropping unknown prefixes', () => {
    const grouped = idsByLabel(['org:a', 'com:33243', 'bassin:medoc', 'dis:x', 'nope:1']);
    expect(grouped.Organisation).toEqual(['org:a']);
    expect(grouped.Territory).toEqual(['com:33243', 'bassin:medoc']);
    expect(grouped.Dispositif).toEqual(['dis:x']);
    expect(Object.values(grouped).flat()).not.toContain('nope:1');
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
