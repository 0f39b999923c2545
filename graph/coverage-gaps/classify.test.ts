import { describe, expect, it } from 'vitest';
import { classifyCoverage, compareCoverage, summariseCoverage, type DeployedDispositif } from './classify.js';
import { FACTS } from './grid.fixture.js';
import { buildCoverageGrid, cellsWithin } from './grid.js';

const grid = buildCoverageGrid(FACTS);
const dispositif = (id: string, territories: string[]): DeployedDispositif => ({ id, name: id, territories });
const classify = (level: 'DEPARTEMENT' | 'EPCI' | 'COMMUNE' | 'BASSIN', dispositifs: DeployedDispositif[]) =>
  classifyCoverage(grid, cellsWithin(grid, level, 'reg:R'), dispositifs);
const statuses = (cells: ReturnType<typeof classify>) =>
  Object.fromEntries(cells.map((cell) => [cell.territory, cell.status]));

describe('classifyCoverage', () => {
  it('says NONE everywhere when nothing matches', () => {
    expect(statuses(classify('DEPARTEMENT', []))).toEqual({ 'dep:A': 'NONE', 'dep:B': 'NONE' });
  });

  it('covers every département from a région-wide dispositif', () => {
    const cells = classify('DEPARTEMENT', [dispositif('dis:r', ['reg:R'])]);
    expect(statuses(cells)).toEqual({ 'dep:A': 'COVERED', 'dep:B': 'COVERED' });
    expect(cells[0]!.applications).toEqual([
      { dispositif: 'dis:r', via: 'INHERITED', through: ['reg:R'], population: 600 },
    ]);
    expect(cells[0]!.coveredPopulation).toBe(600);
  });

  it('marks the territory a dispositif is deployed in as DEPLOYED', () => {
    const [a] = classify('DEPARTEMENT', [dispositif('dis:a', ['dep:A'])]);
    expect(a!.applications).toEqual([
      { dispositif: 'dis:a', via: 'DEPLOYED', through: ['dep:A'], population: 600 },
    ]);
  });

  it('makes an EPCI straddling two départements partial for a départemental dispositif', () => {
    const cells = classify('EPCI', [dispositif('dis:a', ['dep:A'])]);
    expect(statuses(cells)).toEqual({ 'epci:1': 'COVERED', 'epci:2': 'PARTIAL' });
    expect(cells[1]!.applications).toEqual([
      { dispositif: 'dis:a', via: 'PARTIAL', through: ['dep:A'], population: 300 },
    ]);
    expect(cells[1]!.coveredPopulation).toBe(300);
  });

  it('makes a bassin’s EPCI covered or partial according to their communes', () => {
    const cells = classify('EPCI', [dispositif('dis:x', ['bassin:x'])]);
    expect(statuses(cells)).toEqual({ 'epci:1': 'COVERED', 'epci:2': 'PARTIAL' });
    expect(cells[0]!.applications[0]).toMatchObject({ via: 'INHERITED', through: ['bassin:x'] });
    // The bassin holds all of dep:A's communes: dep:A is covered through it.
    expect(statuses(classify('DEPARTEMENT', [dispositif('dis:x', ['bassin:x'])]))).toEqual({
      'dep:A': 'COVERED',
      'dep:B': 'NONE',
    });
  });

  it('covers the communes of a bassin, and makes the départements it overlaps partial', () => {
    expect(statuses(classify('COMMUNE', [dispositif('dis:y', ['bassin:y'])]))).toEqual({
      'com:a1': 'NONE',
      'com:a2': 'COVERED',
      'com:a3': 'NONE',
      'com:b1': 'COVERED',
      'com:b2': 'NONE',
    });
    expect(statuses(classify('DEPARTEMENT', [dispositif('dis:y', ['bassin:y'])]))).toEqual({
      'dep:A': 'PARTIAL',
      'dep:B': 'PARTIAL',
    });
  });

  it('makes a container partial when dispositifs are deployed only inside it', () => {
    const cells = classify('DEPARTEMENT', [dispositif('dis:c', ['com:b2'])]);
    expect(statuses(cells)).toEqual({ 'dep:A': 'NONE', 'dep:B': 'PARTIAL' });
    expect(cells[1]!.applications).toEqual([
      { dispositif: 'dis:c', via: 'PARTIAL', through: ['com:b2'], population: 50 },
    ]);
  });

  it('covers a cell whose communes one dispositif reaches through several deployments', () => {
    const [epci1] = classify('EPCI', [dispositif('dis:two', ['com:a1', 'com:a2'])]);
    expect(epci1).toMatchObject({ status: 'COVERED', coveredPopulation: 300 });
    expect(epci1!.applications[0]).toMatchObject({ via: 'INHERITED', through: ['com:a1', 'com:a2'] });
  });

  it('keeps a cell partial when only different dispositifs reach different parts of it', () => {
    const [epci1] = classify('EPCI', [dispositif('dis:1', ['com:a1']), dispositif('dis:2', ['com:a2'])]);
    expect(epci1).toMatchObject({ status: 'PARTIAL', coveredPopulation: 300 });
  });

  it('ignores deployments outside the grid', () => {
    expect(statuses(classify('DEPARTEMENT', [dispositif('dis:o', ['com:out', 'place:nowhere'])]))).toEqual({
      'dep:A': 'NONE',
      'dep:B': 'NONE',
    });
  });

  it('orders applications deployed, inherited, partial, then by name', () => {
    const [a] = classify('DEPARTEMENT', [
      dispositif('dis:p', ['com:a1']),
      dispositif('dis:r', ['reg:R']),
      dispositif('dis:d', ['dep:A']),
      { id: 'dis:b', name: 'Aaa', territories: ['reg:R'] },
    ]);
    expect(a!.applications.map((x) => x.dispositif)).toEqual(['dis:d', 'dis:b', 'dis:r', 'dis:p']);
  });
});

describe('summariseCoverage', () => {
  it('weighs gaps by people', () => {
    const cells = classify('COMMUNE', [dispositif('dis:y', ['bassin:y']), dispositif('dis:b2', ['com:b2'])]);
    expect(summariseCoverage(cells)).toEqual({
      cells: 5,
      population: 1650,
      coveredPopulation: 1250,
      covered: { cells: 3, population: 1250 },
      partial: { cells: 0, population: 0 },
      none: { cells: 2, population: 400 },
      dispositifs: 2,
    });
  });
});

describe('compareCoverage', () => {
  it('lists the cells whose status changed, with the dispositifs lost and gained', () => {
    const before = classify('DEPARTEMENT', [dispositif('dis:a', ['dep:A']), dispositif('dis:c', ['com:b2'])]);
    const after = classify('DEPARTEMENT', [
      dispositif('dis:c', ['com:b2']),
      dispositif('dis:y', ['bassin:y']),
    ]);
    expect(compareCoverage(before, after)).toEqual([
      {
        territory: 'dep:A',
        before: 'COVERED',
        after: 'PARTIAL',
        lost: ['dis:a'],
        gained: ['dis:y'],
        population: 600,
      },
    ]);
  });
});
