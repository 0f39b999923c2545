import { describe, expect, it } from 'vitest';
import { conflictingFields, touchedFields, touchedNodeIds, type GraphState } from './states.js';

const empty = (): GraphState => ({ nodes: {}, links: {} });

describe('touched fields', () => {
  it('names changed properties, appearing nodes and changed links', () => {
    const before = empty();
    const after = empty();
    before.nodes['org:a'] = { label: 'Organisation', props: { name: 'A', type: 'ASSO' } };
    after.nodes['org:a'] = { label: 'Organisation', props: { name: 'B', type: 'ASSO' } };
    after.nodes['dis:x'] = { label: 'Dispositif', props: { name: 'X' } };
    before.links['CARRIES|org:a|dis:x'] = null;
    after.links['CARRIES|org:a|dis:x'] = {
      type: 'CARRIES',
      from: 'org:a',
      to: 'dis:x',
      props: { sources: [] },
    };
    expect(touchedFields(before, after)).toEqual([
      'CARRIES|org:a|dis:x',
      'dis:x',
      'dis:x.name',
      'org:a.name',
    ]);
    expect(touchedNodeIds(before, after)).toEqual(['dis:x', 'org:a']);
  });

  it('leaves out what was only read (in before, never written)', () => {
    const before = empty();
    before.nodes['org:a'] = { label: 'Organisation', props: { name: 'A' } };
    before.links['CARRIES|org:a|dis:x'] = null;
    expect(touchedFields(before, empty())).toEqual([]);
  });
});

describe('conflicting fields', () => {
  it('finds the same field, and anything about a node whose existence changed', () => {
    expect(conflictingFields(['org:a.name'], ['org:a.website'])).toEqual([]);
    expect(conflictingFields(['org:a.name'], ['org:a.name'])).toEqual(['org:a.name']);
    expect(conflictingFields(['dis:x', 'dis:x.name'], ['CARRIES|org:a|dis:x'])).toEqual([
      'CARRIES|org:a|dis:x',
    ]);
    expect(conflictingFields(['org:a.name'], ['org:a', 'org:a.name', 'org:a.type'])).toEqual([
      'org:a',
      'org:a.name',
    ]);
    expect(conflictingFields(['CARRIES|org:a|dis:x'], ['org:b.name'])).toEqual([]);
  });
});
