import { describe, expect, it } from 'vitest';
import { cellText, sortRows, toResultCsv } from './result-table';

const wejob = { id: 'org:wejob', kind: 'ORGANISATION', name: 'WeJOB' };

describe('result table', () => {
  it('shows refs by name, relationships by their ends, lists joined', () => {
    expect(cellText(wejob)).toBe('WeJOB');
    expect(cellText({ id: 'x', type: 'CARRIES', source: 'org:a', target: 'dis:b' })).toBe(
      'org:a CARRIES dis:b',
    );
    expect(cellText([wejob, 2])).toBe('WeJOB, 2');
    expect(cellText(null)).toBe('');
  });

  it('sorts numbers as numbers and text in French order', () => {
    const rows = [
      { n: 10, s: 'Éco' },
      { n: 9, s: 'abc' },
      { n: 100, s: 'zed' },
    ];
    expect(sortRows(rows, 'n', false).map((row) => row.n)).toEqual([9, 10, 100]);
    expect(sortRows(rows, 's', true).map((row) => row.s)).toEqual(['zed', 'Éco', 'abc']);
  });

  it('exports CSV with quoted fields', () => {
    expect(toResultCsv(['o', 'n'], [{ o: wejob, n: 'a, b' }])).toBe('o,n\nWeJOB,"a, b"\n');
  });
});
