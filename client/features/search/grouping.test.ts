import { describe, expect, it } from 'vitest';
import { flattenGroups, groupHits, moveActive } from './grouping';

describe('search suggestions', () => {
  const hits = [
    { id: 'com:33063', kind: 'TERRITORY' as const, name: 'Bordeaux', score: 1 },
    { id: 'org:wejob', kind: 'ORGANISATION' as const, name: 'WeJOB', score: 2 },
    { id: 'epci:243300316', kind: 'TERRITORY' as const, name: 'Bordeaux Métropole', score: 3 },
  ];
  it('groups by kind with counts, kinds in order, best first', () => {
    const groups = groupHits(hits);
    expect(groups.map((group) => [group.label, group.count])).toEqual([
      ['Organisations', 1],
      ['Territoires', 2],
    ]);
    expect(flattenGroups(groups).map((hit) => hit.id)).toEqual(['org:wejob', 'epci:243300316', 'com:33063']);
  });
  it('moves the active option with wrapping', () => {
    expect(moveActive(-1, 3, 'ArrowDown')).toBe(0);
    expect(moveActive(2, 3, 'ArrowDown')).toBe(0);
    expect(moveActive(0, 3, 'ArrowUp')).toBe(2);
    expect(moveActive(-1, 0, 'ArrowDown')).toBe(-1);
  });
});
