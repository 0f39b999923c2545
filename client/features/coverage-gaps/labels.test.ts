import { describe, expect, it } from 'vitest';
import { countOf, dispositifsOf } from './labels.js';
import { describeSources, plural } from './honest-gaps.js';

describe('plurals', () => {
  it('agrees with the count', () => {
    expect(countOf('DEPARTEMENT', 1)).toBe('1 département');
    expect(countOf('DEPARTEMENT', 0)).toBe('0 départements');
    expect(countOf('COMMUNE', 4293)).toBe('4\u202f293 communes');
    expect(countOf('EPCI', 2)).toBe('2 EPCI');
    expect(dispositifsOf(1)).toBe('1 dispositif');
    expect(plural(3, 'organisation', 'organisations')).toBe('3 organisations');
  });
});

describe('describeSources', () => {
  it('says what was loaded, by kind, with the years of the sources', () => {
    expect(
      describeSources([
        {
          kind: 'article',
          publisher: 'Cap Métiers',
          count: 17,
          firstDate: '2019-02-01',
          lastDate: '2019-11-21',
        },
        { kind: 'user-import', publisher: null, count: 1, firstDate: '2026-11-30', lastDate: '2026-12-01' },
        {
          kind: 'referential',
          publisher: 'Etalab',
          count: 2,
          firstDate: '2024-01-01',
          lastDate: '2026-01-01',
        },
      ]),
    ).toBe('17 articles de 2019 (Cap Métiers), 1 import de 2026, 2 référentiels de 2024–2026 (Etalab)');
    expect(describeSources([])).toBe('aucune source chargée');
  });
});
