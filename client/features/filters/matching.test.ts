import { describe, expect, it } from 'vitest';
import { setActiveOn, setTerritory, togglePublic, toggleStatus, toggleTheme } from './transitions';
import { hasDispositifCriteria, toDispositifFilter } from './matching';
import { NO_FILTERS } from './types';

describe('toDispositifFilter', () => {
  it('sends the dispositif criteria only, leaving out empty ones and the territory', () => {
    expect(hasDispositifCriteria(setTerritory(NO_FILTERS, 'dep:33'))).toBe(false);
    const filters = setActiveOn(
      toggleStatus(togglePublic(toggleTheme(NO_FILTERS, 'theme:mobilite'), 'public:jeunes'), 'active'),
      '2019-06-01',
    );
    expect(toDispositifFilter(filters)).toEqual({
      themes: ['theme:mobilite'],
      publics: ['public:jeunes'],
      statuses: ['active'],
      activeOn: '2019-06-01',
    });
    expect(hasDispositifCriteria(filters)).toBe(true);
    expect(toDispositifFilter(NO_FILTERS)).toEqual({
      themes: null,
      publics: null,
      statuses: null,
      activeOn: null,
    });
  });
});
