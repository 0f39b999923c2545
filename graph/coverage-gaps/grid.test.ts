import { describe, expect, it } from 'vitest';
import { FACTS } from './grid.fixture.js';
import {
  buildCoverageGrid,
  canContain,
  cellsWithin,
  isCoverageLevel,
  placesReaching,
  territoryScopeOf,
} from './grid.js';

const grid = buildCoverageGrid(FACTS);
const communesOf = (id: string) =>
  [...(grid.territories.get(id)?.communes ?? [])].map((index) => grid.communes[index]!.id).sort();
const ids = (cells: { id: string }[]) => cells.map((cell) => cell.id);

describe('buildCoverageGrid', () => {
  it('takes the communes of the région as its unit, outside places excluded', () => {
    expect(ids([...grid.communes])).toEqual(['com:a1', 'com:a2', 'com:a3', 'com:b1', 'com:b2']);
    expect(communesOf('com:out')).toEqual([]);
  });

  it('gives each territory the communes it holds, by their own PART_OF edges', () => {
    expect(communesOf('reg:R')).toEqual(['com:a1', 'com:a2', 'com:a3', 'com:b1', 'com:b2']);
    // b1 belongs to an EPCI attached to dep:A, but lies in dep:B.
    expect(communesOf('dep:A')).toEqual(['com:a1', 'com:a2', 'com:a3']);
    expect(communesOf('dep:B')).toEqual(['com:b1', 'com:b2']);
    expect(communesOf('epci:2')).toEqual(['com:a3', 'com:b1']);
    expect(communesOf('bassin:y')).toEqual(['com:a2', 'com:b1']);
    expect(communesOf('com:a2')).toEqual(['com:a2']);
  });

  it('places a commune in its EPCI, département, bassins and région, never in its EPCI’s département', () => {
    expect([...grid.territories.get('com:b1')!.containers].sort()).toEqual([
      'bassin:y',
      'dep:B',
      'epci:2',
      'reg:R',
    ]);
    expect([...grid.territories.get('bassin:y')!.containers].sort()).toEqual(['dep:A', 'dep:B', 'reg:R']);
  });

  it('groups cells under a département: their own, or the one holding most of a bassin’s people', () => {
    const departement = (id: string) => grid.territories.get(id)?.departement;
    expect(departement('dep:A')).toBe('dep:A');
    expect(departement('com:b1')).toBe('dep:B');
    expect(departement('epci:2')).toBe('dep:A');
    expect(departement('bassin:y')).toBe('dep:B');
    expect(departement('reg:R')).toBeNull();
  });
});

describe('cellsWithin', () => {
  it('lists the cells of a level within a territory, grouped by département', () => {
    expect(ids(cellsWithin(grid, 'DEPARTEMENT', 'reg:R'))).toEqual(['dep:A', 'dep:B']);
    expect(ids(cellsWithin(grid, 'EPCI', 'dep:A'))).toEqual(['epci:1', 'epci:2']);
    expect(ids(cellsWithin(grid, 'EPCI', 'dep:B'))).toEqual([]);
    expect(ids(cellsWithin(grid, 'COMMUNE', 'dep:B'))).toEqual(['com:b1', 'com:b2']);
    expect(ids(cellsWithin(grid, 'COMMUNE', 'epci:2'))).toEqual(['com:a3', 'com:b1']);
    expect(ids(cellsWithin(grid, 'COMMUNE', 'bassin:y'))).toEqual(['com:a2', 'com:b1']);
    expect(ids(cellsWithin(grid, 'BASSIN', 'dep:B'))).toEqual(['bassin:y']);
    expect(ids(cellsWithin(grid, 'BASSIN', 'reg:R'))).toEqual(['bassin:x', 'bassin:y']);
  });
});

describe('levels', () => {
  it('maps départements, EPCI, communes and bassins, within a territory that can hold them', () => {
    expect(isCoverageLevel('REGION')).toBe(false);
    expect(isCoverageLevel('COMMUNE')).toBe(true);
    expect(canContain('REGION', 'DEPARTEMENT')).toBe(true);
    expect(canContain('DEPARTEMENT', 'DEPARTEMENT')).toBe(false);
    expect(canContain('DEPARTEMENT', 'BASSIN')).toBe(true);
    expect(canContain('BASSIN', 'EPCI')).toBe(false);
    expect(canContain('BASSIN', 'COMMUNE')).toBe(true);
    expect(canContain('COMMUNE', 'COMMUNE')).toBe(false);
  });
});

describe('placesReaching', () => {
  it('names the territory, those holding it and those sharing a commune with it', () => {
    expect(placesReaching(grid, 'epci:1')).toEqual(
      ['bassin:x', 'bassin:y', 'com:a1', 'com:a2', 'dep:A', 'epci:1', 'reg:R'].sort(),
    );
    // epci:2 is attached to dep:A, but b1 lies in dep:B only.
    expect(placesReaching(grid, 'com:b1')).toEqual(['bassin:y', 'com:b1', 'dep:B', 'epci:2', 'reg:R']);
    expect(placesReaching(grid, 'com:nope')).toBeNull();
  });
});

describe('territoryScopeOf', () => {
  it('contains by the grid: a bassin overlapping two départements lies in both, an EPCI in its own', () => {
    expect(territoryScopeOf(grid, 'dep:B')).toEqual({
      inside: ['bassin:y', 'com:b1', 'com:b2'],
      containing: ['reg:R'],
    });
    expect(territoryScopeOf(grid, 'com:b1')?.containing.sort()).toEqual([
      'bassin:y',
      'dep:B',
      'epci:2',
      'reg:R',
    ]);
    expect(territoryScopeOf(grid, 'com:nope')).toBeUndefined();
  });
});
