import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildSeedGraph } from '../build-seed-graph.js';
import { buildTerritorialGrid } from '../grid/build-grid.js';
import { formatDatasetError, type DatasetError } from './dataset-error.js';

const grid = buildTerritorialGrid();

function fixtureDir(name: string): string {
  return fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
}

/** Errors of a fixture as `[file relative to the fixture, line, field, message]`. */
function checkFixture(name: string): [string, number, string, string][] {
  const dir = fixtureDir(name);
  return buildSeedGraph(dir, { grid }).errors.map((error: DatasetError) => [
    relative(dir, error.file),
    error.line,
    error.field,
    error.message,
  ]);
}

describe('validateDataset on fixtures', () => {
  it('accepts the valid fixture', () => {
    expect(checkFixture('valid')).toEqual([]);
  });

  it('reports unknown ids where they are used, with a hint when one is at hand', () => {
    expect(checkFixture('unknown-id')).toEqual([
      [
        'articles/01-article.yaml',
        3,
        'mentions[0]',
        expect.stringMatching(/"com:31555": Toulouse is not in the grid .* declare it in places\.yaml/),
      ],
      [
        'articles/01-article.yaml',
        6,
        'facts[1][2]',
        'unknown id "dis:jobeurs-senior" (did you mean "dis:jobeurs-seniors"?)',
      ],
      ['articles/01-article.yaml', 7, 'facts[2][2]', 'unknown id "com:99999"'],
      [
        'articles/01-article.yaml',
        8,
        'facts[3][0]',
        expect.stringContaining('prefix "foo:" is not one of the graph\'s'),
      ],
    ]);
  });

  it('reports endpoint labels, relationship types and properties that do not fit', () => {
    expect(checkFixture('wrong-endpoint')).toEqual([
      [
        'articles/01-article.yaml',
        4,
        'facts[0][0]',
        'CARRIES goes from Organisation, but "dis:jobeurs-seniors" is a Dispositif',
      ],
      [
        'articles/01-article.yaml',
        4,
        'facts[0][2]',
        'CARRIES goes to Dispositif, but "org:wejob" is an Organisation',
      ],
      [
        'articles/01-article.yaml',
        5,
        'facts[1][0]',
        'TARGETS goes from Dispositif, but "org:wejob" is an Organisation',
      ],
      [
        'articles/01-article.yaml',
        5,
        'facts[1][2]',
        'TARGETS goes to Public, but "com:33243" is a Territory',
      ],
      [
        'articles/01-article.yaml',
        6,
        'facts[2][1]',
        expect.stringMatching(/^PART_OF is not allowed in articles/),
      ],
      [
        'articles/01-article.yaml',
        7,
        'facts[3][1]',
        expect.stringMatching(/^unknown relationship type "carries" \(expected CARRIES, /),
      ],
      ['articles/01-article.yaml', 8, 'facts[4][4].amount', '"amount" belongs to FUNDS facts, not CARRIES'],
      ['articles/01-article.yaml', 9, 'facts[5][2]', 'a PARTNERS_WITH fact joins "org:wejob" to itself'],
    ]);
  });

  it('reports unknown vocabulary codes, parents and sources', () => {
    expect(checkFixture('unknown-vocab')).toEqual([
      [
        'articles/01-article.yaml',
        4,
        'facts[0][2]',
        'unknown id "public:senior" (did you mean "public:seniors"?)',
      ],
      ['articles/01-article.yaml', 5, 'facts[1][2]', 'unknown id "theme:emploi-seniors"'],
      [
        'vocabularies/publics.yaml',
        5,
        'items[1].id',
        expect.stringMatching(/^"demandeurs-d-emploi" is not a data\.inclusion v1 public/),
      ],
      [
        'vocabularies/publics.yaml',
        6,
        'items[2].origin',
        expect.stringContaining('declare it in referentials.yaml'),
      ],
      [
        'vocabularies/publics.yaml',
        6,
        'items[2].origin',
        expect.stringMatching(/^"jeunes" is a data\.inclusion v1 public, not a project tag/),
      ],
      [
        'vocabularies/themes.yaml',
        2,
        'source',
        'unknown source "src:data-inclusion-thematiques": declare it in referentials.yaml',
      ],
      ['vocabularies/themes.yaml', 5, 'items[1].parent', 'unknown parent theme "theme:mobilty"'],
      ['vocabularies/themes.yaml', 6, 'items[2].origin', expect.stringContaining('"src:atlas-project-tags"')],
    ]);
  });

  it('reports folded-name collisions within a label, duplicate ids and grid ids', () => {
    const errors = checkFixture('duplicates');
    expect(errors).toEqual([
      [
        'organisations.yaml',
        13,
        'organisations[2].name',
        expect.stringMatching(
          /^"Mission Locale de LIBOURNE" names both "org:ml-libourne" and "org:mission-locale-libournais" \(.*organisations\.yaml:2 organisations\[0\]\)/,
        ),
      ],
      [
        'organisations.yaml',
        18,
        'organisations[3].acronym',
        expect.stringMatching(/^"mll" names both "org:autre" and "org:mission-locale-libournais"/),
      ],
      [
        'organisations.yaml',
        21,
        'organisations[4].id',
        expect.stringMatching(
          /^duplicate id "org:wejob", first declared at .*organisations\.yaml:8 organisations\[1\]$/,
        ),
      ],
      [
        'places.yaml',
        2,
        'places[0].id',
        expect.stringContaining('"dep:33" is already in the territorial grid'),
      ],
    ]);
    // The acronym repeated among its own node's aliases, and a name shared with a Dispositif, are fine
    expect(errors.some(([, line]) => line === 4 || line === 5)).toBe(false);
  });

  it('reports entities that no article references', () => {
    expect(checkFixture('no-source')).toEqual([
      [
        'organisations.yaml',
        3,
        'organisations[1].id',
        expect.stringMatching(/^"org:orpheline" is referenced by no article \(a fact without a source\)/),
      ],
      [
        'persons.yaml',
        2,
        'persons[0].id',
        expect.stringContaining('"per:personne" is referenced by no article'),
      ],
      [
        'places.yaml',
        2,
        'places[0].id',
        expect.stringContaining('"bassin:libournais" is referenced by no article'),
      ],
    ]);
  });

  it('reports every schema error of every file, YAML syntax errors included', () => {
    const errors = checkFixture('bad-types');
    expect(errors.map(([file, line, field]) => `${file}:${line} ${field}`)).toEqual([
      'articles/01-article.yaml:3 source.date',
      'articles/01-article.yaml:8 facts[0]',
      'articles/01-article.yaml:9 facts[1]',
      'articles/01-article.yaml:10 facts[2][3]',
      'articles/01-article.yaml:10 facts[2][4].note',
      'articles/bad-name.yaml:0 ',
      'dispositifs.yaml:4 dispositifs[0].type',
      'dispositifs.yaml:5 dispositifs[0].status',
      'dispositifs.yaml:6 dispositifs[0].startDate',
      'dispositifs.yaml:13 dispositifs[1].endDate',
      'organisations.yaml:6 organisations[1].description',
      'organisations.yaml:7 organisations[1].name',
      'organisations.yaml:8 organisations[1].acronyme',
      'organisations.yaml:9 organisations[1].type',
      'organisations.yaml:10 organisations[2].id',
      'organisations.yaml:14 organisations[2].website',
      'persons.yaml:2 ',
      'persons.yaml:2 ',
      'places.yaml:2 places[0]',
      'places.yaml:3 places[1].level',
      'places.yaml:3 places[1].code',
      'places.yaml:4 places[2].outsideRegion',
      'referentials.yaml:4 referentials[0].date',
      'referentials.yaml:6 referentials[0].kind',
    ]);
    const messages = new Map(
      errors.map(([file, line, field, message]) => [`${file}:${line} ${field}`, message]),
    );
    expect(messages.get('articles/01-article.yaml:3 source.date')).toBe('missing required field');
    expect(messages.get('articles/01-article.yaml:8 facts[0]')).toBe(
      'a fact is a list [from, TYPE, to, evidence, props?], got a list of 3',
    );
    expect(messages.get('organisations.yaml:7 organisations[1].name')).toBe('expected string, got a list');
    expect(messages.get('organisations.yaml:8 organisations[1].acronyme')).toBe('unknown field "acronyme"');
    expect(messages.get('organisations.yaml:9 organisations[1].type')).toMatch(
      /^unknown organisation type "FOO"/,
    );
    expect(messages.get('dispositifs.yaml:6 dispositifs[0].startDate')).toBe(
      'expected a date YYYY, YYYY-MM or YYYY-MM-DD (got "2019-13")',
    );
    expect(messages.get('dispositifs.yaml:13 dispositifs[1].endDate')).toBe(
      'ends (2018) before it starts (2019-06)',
    );
    expect(messages.get('referentials.yaml:4 referentials[0].date')).toBe(
      'not a calendar date (got "2019-02-30")',
    );
    expect(messages.get('persons.yaml:2 ')).toMatch(/^YAML: /);
  });

  it('formats errors as file:line field: message', () => {
    const dir = fixtureDir('bad-types');
    const type = buildSeedGraph(dir, { grid }).errors.find(
      (error) => error.field === 'organisations[1].type',
    );
    expect(type && formatDatasetError(type)).toMatch(
      /\/bad-types\/organisations\.yaml:9 organisations\[1\]\.type: unknown organisation type "FOO"/,
    );
  });

  it('reports a missing data directory', () => {
    expect(checkFixture('does-not-exist')).toEqual([['', 0, '', 'no such data directory']]);
  });
});
