import { describe, expect, it } from 'vitest';
import { nextSort, sortRows } from './sort';

const metrics = { weightedDegree: 0, pageRank: 0, community: 1 };
const rows = [
  {
    id: 'b',
    name: 'École de production',
    kind: 'Dispositif',
    degree: 2,
    detail: '',
    ...metrics,
    betweenness: 0.5,
  },
  { id: 'a', name: 'AG2R', kind: 'Organisation', degree: 5, detail: '', ...metrics, betweenness: null },
  { id: 'c', name: 'emploi', kind: 'Thème', degree: 2, detail: '', ...metrics, betweenness: 0.25 },
];

describe('table sort', () => {
  it('sorts names the French way (accents and case ignored)', () => {
    expect(sortRows(rows, 'name', 'ascending').map((row) => row.id)).toEqual(['a', 'b', 'c']);
  });
  it('sorts numbers, ties by name', () => {
    expect(sortRows(rows, 'degree', 'descending').map((row) => row.id)).toEqual(['a', 'b', 'c']);
  });
  it('sorts metrics as numbers, a value not computed last', () => {
    expect(sortRows(rows, 'betweenness', 'descending').map((row) => row.id)).toEqual(['b', 'c', 'a']);
  });
  it('flips on the same column', () => {
    expect(nextSort({ column: 'name', direction: 'ascending' }, 'name').direction).toBe('descending');
    expect(nextSort({ column: 'name', direction: 'ascending' }, 'degree')).toEqual({
      column: 'degree',
      direction: 'descending',
    });
  });
});
