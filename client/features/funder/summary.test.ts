import { describe, expect, it } from 'vitest';
import { edge, JOBEURS_SLICE, node } from '../../test-fixtures/slices';
import { mergeSlices } from '../graph/slices';
import { parseAmount, summariseFunder } from './summary';

describe('funder summary', () => {
  it('parses stated amounts', () => {
    expect(parseAmount('50 000 €')).toBe(50000);
    expect(parseAmount('1,2 M€')).toBe(1_200_000);
    expect(parseAmount('30000 euros')).toBe(30000);
    expect(parseAmount('non précisé')).toBeNull();
    expect(parseAmount(null)).toBeNull();
  });

  it('lists what a funder funds, carriers, co-funders, places and themes', () => {
    const slice = mergeSlices([
      JOBEURS_SLICE,
      {
        truncated: false,
        nodes: [
          node('dis:boite-aux-metiers', 'DISPOSITIF', 'Boîte aux métiers'),
          node('com:33243', 'TERRITORY', 'Libourne'),
        ],
        edges: [
          edge('org:ag2r-la-mondiale', 'FUNDS', 'dis:boite-aux-metiers', { amount: '10 000 €' }),
          edge('dis:boite-aux-metiers', 'DEPLOYED_IN', 'com:33063'),
        ],
      },
    ]);
    const summary = summariseFunder(slice, 'org:ag2r-la-mondiale');
    expect(summary.funded.map((item) => item.id)).toEqual(['dis:boite-aux-metiers', 'dis:jobeurs-seniors']);
    expect(summary.carriers).toEqual([{ id: 'org:wejob', name: 'WeJOB', count: 1 }]);
    expect(summary.coFunders.map((item) => item.id)).toEqual(['org:direccte-nouvelle-aquitaine']);
    expect(summary.territories).toEqual([{ id: 'com:33063', name: 'Bordeaux', count: 2, amount: 60000 }]);
    expect(summary.themes).toEqual([{ id: 'theme:trouver-un-emploi', name: 'Trouver un emploi', count: 1 }]);
  });
});
