import { describe, expect, it } from 'vitest';
import { dependenciesCsv, distanceText, offerCsv, singlePointsOfFailureCsv } from './what-if-csv.js';

describe('what-if CSV', () => {
  it('writes one line per dependency, quoting names holding commas', () => {
    const csv = dependenciesCsv([
      {
        population: 1200,
        territory: { id: 'com:1', name: 'Saint-Un, bourg', code: '00001' },
        departement: null,
        theme: { id: 'theme:a', name: 'Mobilité' },
        dispositifs: [
          { id: 'dis:a', name: 'A' },
          { id: 'dis:b', name: 'B' },
        ],
      },
    ]);
    expect(csv.split('\r\n')).toEqual([
      'theme,territoire_id,territoire,code,population,dispositifs',
      'Mobilité,com:1,"Saint-Un, bourg",00001,1200,A | B',
      '',
    ]);
  });

  it('counts the territories of a single point of failure and names the offer’s scale', () => {
    const csv = singlePointsOfFailureCsv([
      {
        population: 10,
        organisation: { id: 'org:x', name: 'X' },
        cells: [
          { id: 'epci:1', name: 'E1' },
          { id: 'epci:2', name: 'E2' },
        ],
        dispositifs: [],
      },
    ]);
    expect(csv.split('\r\n')[1]).toBe('org:x,X,10,2,E1 | E2,');
    expect(distanceText(2)).toBe('département');
    expect(offerCsv([]).split('\r\n')).toHaveLength(2);
  });
});
