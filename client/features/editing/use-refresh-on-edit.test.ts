import { describe, expect, it } from 'vitest';
import { relabelSlice } from './use-refresh-on-edit';

const slice = {
  nodes: [
    { id: 'org:a', kind: 'ORGANISATION' as const, label: 'Ancien nom', props: {} },
    { id: 'dis:x', kind: 'DISPOSITIF' as const, label: 'X', props: {} },
  ],
  edges: [],
  truncated: false,
};

describe('relabelSlice', () => {
  it('renames the node where it stands, leaving the others', () => {
    expect(relabelSlice(slice, 'org:a', 'Nouveau nom')?.nodes.map((node) => node.label)).toEqual([
      'Nouveau nom',
      'X',
    ]);
  });

  it('says when there is nothing to relabel (absent, or already so named)', () => {
    expect(relabelSlice(slice, 'org:b', 'Nouveau nom')).toBeNull();
    expect(relabelSlice(slice, 'dis:x', 'X')).toBeNull();
  });
});
