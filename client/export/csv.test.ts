import { describe, expect, it } from 'vitest';
import { csvField, toEdgesCsv, toNodesCsv } from './csv';
import { EXPORT_FIXTURE } from './fixture';
import { parse } from 'csv-parse/sync';

/** RFC 4180 records (quoted fields may hold commas, quotes and line breaks); throws on malformed input. */
const parseCsv = (text: string): string[][] => parse(text, { record_delimiter: '\r\n' });

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
