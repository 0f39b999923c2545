import { describe, expect, it } from 'vitest';
import { EVERY_PUBLIC, publicsMatching, themeWithDescendants } from './filter.js';

const TREE = [
  { id: 'theme:a', parent: null },
  { id: 'theme:a-1', parent: 'theme:a' },
  { id: 'theme:a-1-x', parent: 'theme:a-1' },
  { id: 'theme:a-2', parent: 'theme:a' },
  { id: 'theme:b', parent: null },
];

describe('themeWithDescendants', () => {
  it('includes sub-themes at any depth', () => {
    expect(themeWithDescendants(TREE, 'theme:a')).toEqual([
      'theme:a',
      'theme:a-1',
      'theme:a-1-x',
      'theme:a-2',
    ]);
    expect(themeWithDescendants(TREE, 'theme:a-1')).toEqual(['theme:a-1', 'theme:a-1-x']);
    expect(themeWithDescendants(TREE, 'theme:b')).toEqual(['theme:b']);
  });

  it('says null for an unknown theme', () => {
    expect(themeWithDescendants(TREE, 'theme:c')).toBeNull();
  });

  it('survives a cycle', () => {
    const cyclic = [
      { id: 'theme:p', parent: 'theme:q' },
      { id: 'theme:q', parent: 'theme:p' },
    ];
    expect(themeWithDescendants(cyclic, 'theme:p')).toEqual(['theme:p', 'theme:q']);
  });
});

describe('publicsMatching', () => {
  it('counts « tous publics » for every public', () => {
    expect(publicsMatching('public:jeunes')).toEqual(['public:jeunes', EVERY_PUBLIC]);
    expect(publicsMatching(EVERY_PUBLIC)).toEqual([EVERY_PUBLIC]);
  });
});
