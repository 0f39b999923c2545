import { describe, expect, it } from 'vitest';
import { coverageCsvFileName, csvField, toCoverageCsv } from './csv.js';
import {
  toCoverageResult,
  type CellApplication,
  type CoverageCell,
  type CoverageSummaryData,
} from './types.js';

const cell = (over: Partial<CoverageCell>): CoverageCell => ({
  status: 'NONE',
  population: 0,
  coveredPopulation: 0,
  territory: { id: 'dep:00', name: 'Nulle part', code: '00', level: 'DEPARTEMENT' },
  departement: { id: 'dep:00' },
  dispositifCount: 0,
  ...over,
});

const SUMMARY: CoverageSummaryData = {
  cells: 0,
  population: 0,
  coveredPopulation: 0,
  dispositifs: 2,
  covered: { cells: 0, population: 0 },
  partial: { cells: 0, population: 0 },
  none: { cells: 0, population: 0 },
};

const dispositif = (id: string, name: string) => ({
  id,
  name,
  status: 'active' as const,
  startDate: null,
  endDate: null,
});

const GIRONDE = cell({
  status: 'COVERED',
  population: 1000,
  coveredPopulation: 1000,
  territory: { id: 'dep:33', name: 'Gironde', code: '33', level: 'DEPARTEMENT' },
  departement: { id: 'dep:33' },
  dispositifCount: 2,
});
const CREUSE = cell({
  territory: { id: 'dep:23', name: 'Creuse', code: '23', level: 'DEPARTEMENT' },
  population: 5,
});
const APPLICATIONS = new Map<string, CellApplication[]>([
  [
    'dep:33',
    [
      {
        via: 'DEPLOYED',
        population: 1000,
        dispositif: dispositif('dis:a', 'Plateforme "mobilité", Gironde'),
        through: [{ id: 'dep:33', name: 'Gironde' }],
      },
      {
        via: 'PARTIAL',
        population: 10,
        dispositif: dispositif('dis:b', 'Jobeurs'),
        through: [{ id: 'com:33063', name: 'Bordeaux' }],
      },
    ],
  ],
]);

describe('toCoverageCsv', () => {
  it('writes a header and one row per cell, dispositifs named with how they apply', () => {
    const csv = toCoverageCsv(toCoverageResult([GIRONDE, CREUSE], SUMMARY), APPLICATIONS);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'territoire_id,territoire,code,niveau,departement_id,statut,statut_libelle,population,population_couverte,nb_dispositifs,dispositifs',
    );
    expect(lines[1]).toBe(
      'dep:33,Gironde,33,DEPARTEMENT,dep:33,COVERED,Couvert,1000,1000,2,"Plateforme ""mobilité"", Gironde (déployé ici) | Jobeurs (partiel)"',
    );
    expect(lines[2]).toBe('dep:23,Creuse,23,DEPARTEMENT,dep:00,NONE,Aucun dispositif recensé,5,0,0,');
    expect(lines[3]).toBe('');
    expect(lines).toHaveLength(4);
  });

  it('names the dispositifs of the applications fetched, and leaves them out when not fetched', () => {
    const applications = new Map<string, CellApplication[]>([
      [
        'dep:33',
        [{ via: 'INHERITED', population: 1000, dispositif: dispositif('dis:x', 'Relais'), through: [] }],
      ],
    ]);
    expect(toCoverageCsv(toCoverageResult([GIRONDE], SUMMARY), applications)).toContain(
      ',2,Relais (hérité)\r\n',
    );
    expect(toCoverageCsv(toCoverageResult([GIRONDE], SUMMARY))).toContain(',1000,1000,2,\r\n');
  });
});

describe("toCoverageCsv with the table's rows", () => {
  it('writes the filter first, then exactly the rows given, in their order', () => {
    const csv = toCoverageCsv(toCoverageResult([GIRONDE, CREUSE], SUMMARY), APPLICATIONS, {
      rows: [CREUSE],
      heading: 'Départements — Mobilité\n; lignes : aucun dispositif recensé',
    });
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('# Départements — Mobilité ; lignes : aucun dispositif recensé');
    expect(lines[1]).toMatch(/^territoire_id,/);
    expect(lines.slice(2)).toEqual([
      'dep:23,Creuse,23,DEPARTEMENT,dep:00,NONE,Aucun dispositif recensé,5,0,0,',
      '',
    ]);
  });
});

describe('csvField', () => {
  it('quotes separators, quotes and line breaks only', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });
});

describe('coverageCsvFileName', () => {
  it('names the file after the scope and filter, without accents or prefixes', () => {
    expect(coverageCsvFileName(['Communes', 'reg:75', 'theme:mobilite', null, '2019-06-01'])).toBe(
      'couverture-communes-75-mobilite-2019-06-01.csv',
    );
    expect(coverageCsvFileName(['Départements', 'dep:33', ''])).toBe('couverture-departements-33.csv');
    expect(coverageCsvFileName([])).toBe('couverture-territoires.csv');
    // The search's folding: ligatures spelt out, apostrophes and hyphens as separators.
    expect(coverageCsvFileName(['Œuvres', "public:l'économie-sociale"])).toBe(
      'couverture-oeuvres-l-economie-sociale.csv',
    );
  });
});
