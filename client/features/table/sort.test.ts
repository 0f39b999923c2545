import { describe, expect, it } from 'vitest';
import { nextSort, sortRows } from './sort';

const rows = [
  { id: 'b', name: 'École de production', kind: 'Dispositif', degree: 2, detail: '' },
  { id: 'a', name: 'AG2R', kind: 'Organisation', degree: 5, detail: '' },
  { id: 'c', name: 'emploi', kind: 'Thème', degree: 2, detail: '' },
];

describe('table sort', () => {
  it('sorts names the French way (accents and case ignored)', () => {
    expect(sortRows(rows, 'name', 'ascending').map((row) => row.id)).toEqual(['a', 'b', 'c']);
  });
  it('sorts numbers, ties by name', () => {
    expect(sortRows(rows, 'degree', 'descending').map((row) => row.id)).toEqual(['a', 'b', 'c']);
  });
  it('flips on the same column', () => {
    expect(nextSort({ column: 'name', direction: 'ascending' }, 'name').direction).toBe('descending');
    expect(nextSort({ column: 'name', direction: 'ascending' }, 'degree')).toEqual({
      column: 'degree',
      direction: 'descending',
    });
  });
});
