import { describe, expect, it } from 'vitest';
import { csvField, toEdgesCsv, toNodesCsv } from './csv';
import { EXPORT_FIXTURE } from './fixture';

/** A minimal RFC 4180 reader, enough to read back what we write. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += char;
  }
  return rows;
}

describe('CSV export', () => {
  it('quotes only when needed', () => {
    expect(csvField('WeJOB')).toBe('WeJOB');
    expect(csvField('a, "b"')).toBe('"a, ""b"""');
  });
  it('writes nodes with every property as a column', () => {
    const rows = parseCsv(toNodesCsv(EXPORT_FIXTURE));
    expect(rows[0]).toEqual([
      'id',
      'label',
      'kind',
      'aliases',
      'name',
      'outsideRegion',
      'population',
      'startDate',
      'status',
      'type',
    ]);
    expect(rows).toHaveLength(4);
    expect(rows[2]![1]).toBe(EXPORT_FIXTURE.nodes[1]!.label);
    expect(rows[2]![3]).toBe('Jobeurs | JS');
  });
  it('writes edges with their sources and evidence', () => {
    const rows = parseCsv(toEdgesCsv(EXPORT_FIXTURE));
    expect(rows[0]!.slice(0, 6)).toEqual(['id', 'source', 'target', 'type', 'label', 'sources']);
    expect(rows[1]![5]).toBe('src:2019-04-25-jobeurs-seniors-bordeaux');
    expect(rows[1]).toContain('WeJOB forme, chaque mois; un groupe\nde jobeurs.');
  });
});
