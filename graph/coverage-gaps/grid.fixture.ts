import type { TerritoryLevel } from '../model.js';
import type { TerritoryFacts } from './grid.js';

/**
 * A made-up grid, small enough to check by hand:
 *
 *   reg:R ⊃ dep:A, dep:B
 *   epci:1 (→ dep:A) = com:a1, com:a2
 *   epci:2 (→ dep:A, by majority) = com:a3 (dep:A), com:b1 (dep:B)
 *   com:b2 in dep:B, in no EPCI
 *   bassin:x (→ dep:A) = a1, a2, a3;  bassin:y (→ dep:A, dep:B) = a2, b1
 *   com:out outside the région
 */
export const POPULATION: Record<string, number> = {
  'com:a1': 100,
  'com:a2': 200,
  'com:a3': 300,
  'com:b1': 1000,
  'com:b2': 50,
  'com:out': 7,
};

function territory(
  id: string,
  level: TerritoryLevel,
  parents: string[],
  extra: Record<string, unknown> = {},
): TerritoryFacts {
  const code = id.slice(id.indexOf(':') + 1);
  return {
    row: {
      id,
      label: 'Territory',
      props: { name: `T ${code}`, code, level, outsideRegion: false, ...extra },
    },
    parents,
  };
}

const sum = (ids: string[]) => ids.reduce((total, id) => total + (POPULATION[id] ?? 0), 0);

export const FACTS: TerritoryFacts[] = [
  territory('reg:R', 'REGION', [], { population: sum(['com:a1', 'com:a2', 'com:a3', 'com:b1', 'com:b2']) }),
  territory('dep:A', 'DEPARTEMENT', ['reg:R'], { population: sum(['com:a1', 'com:a2', 'com:a3']) }),
  territory('dep:B', 'DEPARTEMENT', ['reg:R'], { population: sum(['com:b1', 'com:b2']) }),
  territory('epci:1', 'EPCI', ['dep:A'], { population: sum(['com:a1', 'com:a2']) }),
  territory('epci:2', 'EPCI', ['dep:A'], { population: sum(['com:a3', 'com:b1']) }),
  territory('bassin:x', 'BASSIN', ['dep:A'], { population: sum(['com:a1', 'com:a2', 'com:a3']) }),
  territory('bassin:y', 'BASSIN', ['dep:A', 'dep:B'], { population: sum(['com:a2', 'com:b1']) }),
  territory('com:a1', 'COMMUNE', ['epci:1', 'dep:A', 'bassin:x'], { population: POPULATION['com:a1'] }),
  territory('com:a2', 'COMMUNE', ['epci:1', 'dep:A', 'bassin:x', 'bassin:y'], {
    population: POPULATION['com:a2'],
  }),
  territory('com:a3', 'COMMUNE', ['epci:2', 'dep:A', 'bassin:x'], { population: POPULATION['com:a3'] }),
  territory('com:b1', 'COMMUNE', ['epci:2', 'dep:B', 'bassin:y'], { population: POPULATION['com:b1'] }),
  territory('com:b2', 'COMMUNE', ['dep:B'], { population: POPULATION['com:b2'] }),
  territory('com:out', 'COMMUNE', [], { population: POPULATION['com:out'], outsideRegion: true }),
];
