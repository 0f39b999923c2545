import { describe, expect, it } from 'vitest';
import { detectDataInclusionKind, territoryIdOfCode, typeCsvRecord } from './data-inclusion.js';
import { FileFormatError, readCsv, readJsonArray, type SourceRecord } from './read-records.js';
import { loadDataInclusionVocabulary } from './vocabulary.js';

async function* chunked(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function collect(records: AsyncIterable<SourceRecord>): Promise<SourceRecord[]> {
  const all: SourceRecord[] = [];
  for await (const record of records) all.push(record);
  return all;
}

const JSON_TEXT = `[
  {"id": "a", "nom": "Quote \\" and } brace"},
  {
    "id": "b", "list": [1, {"x": "]"}]
  }
]
`;

describe('reading records as they stream', () => {
  it('splits a JSON array into records with their index and first line, whatever the chunk size', async () => {
    for (const size of [1, 3, 7, 1000]) {
      const records = await collect(readJsonArray(chunked(JSON_TEXT, size)));
      expect(records.map((record) => [record.index, record.line, record.values.id])).toEqual([
        [0, 2, 'a'],
        [1, 3, 'b'],
      ]);
      expect(records[0]!.values.nom).toBe('Quote " and } brace');
    }
  });

  it('says what is wrong with a file that is not a JSON array, or is cut short', async () => {
    await expect(collect(readJsonArray(chunked('{"id": 1}', 4)))).rejects.toThrow(/not a JSON array/);
    await expect(collect(readJsonArray(chunked('[{"id": 1},\n{"id"', 4)))).rejects.toMatchObject({
      line: 2,
      message: expect.stringMatching(/not closed/),
    });
    await expect(collect(readJsonArray(chunked('[{"id": 1,}]', 4)))).rejects.toBeInstanceOf(FileFormatError);
  });

  it('reads CSV rows with the line each starts on (quoted newlines included)', async () => {
    const csv = 'id,nom\na,"Deux\nlignes"\nb,Simple\n';
    const records = await collect(readCsv(chunked(csv, 5)));
    expect(records.map((record) => [record.line, record.values.id, record.values.nom])).toEqual([
      [3, 'a', 'Deux\nlignes'],
      [4, 'b', 'Simple'],
    ]);
  });
});

describe('data·inclusion files', () => {
  const vocabulary = loadDataInclusionVocabulary();

  it('are told apart by their columns', () => {
    expect(detectDataInclusionKind(['source', 'id', 'nom', 'date_maj', 'siret'], vocabulary)).toBe(
      'structures',
    );
    expect(
      detectDataInclusionKind(['source', 'id', 'structure_id', 'nom', 'description', 'date_maj'], vocabulary),
    ).toBe('services');
    expect(detectDataInclusionKind(['action', 'operateur'], vocabulary)).toBeUndefined();
  });

  it('type CSV cells as the schema says: lists, numbers, empty cells as null', () => {
    const typed = typeCsvRecord(
      {
        thematiques: '{mobilite--preparer-un-permis,numerique--acceder-a-des-services-en-ligne}',
        publics: 'jeunes, femmes',
        zone_eligibilite: '["33"]',
        nombre_semaines: '4',
        siret: '',
        code_postal: '33000',
      },
      vocabulary.service,
    );
    expect(typed).toEqual({
      thematiques: ['mobilite--preparer-un-permis', 'numerique--acceder-a-des-services-en-ligne'],
      publics: ['jeunes', 'femmes'],
      zone_eligibilite: ['33'],
      nombre_semaines: 4,
      siret: null,
      code_postal: '33000',
    });
  });

  it('map zone codes onto the grid ids, France as pays:fr', () => {
    expect(['33063', '2A', '200070092', 'france', '99100'].map(territoryIdOfCode)).toEqual([
      'com:33063',
      'dep:2A',
      'epci:200070092',
      'pays:fr',
      'pays:fr',
    ]);
  });
});
