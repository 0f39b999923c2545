import { describe, expect, it } from 'vitest';
import { isOfLevels, matchVocabulary, searchKinds, wantsSearch } from './parameter-suggestions';

describe('parameter suggestions', () => {
  it('search the kinds a parameter allows', () => {
    expect(searchKinds('NODE', ['ORGANISATION'])).toEqual(['ORGANISATION']);
    expect(searchKinds('NODE', [])).toBeNull();
    expect(searchKinds('TERRITORY', [])).toEqual(['TERRITORY']);
    expect(searchKinds('THEME', [])).toBeNull();
  });

  it('keep territories of the allowed levels', () => {
    expect(isOfLevels('dep:33', ['DEPARTEMENT'])).toBe(true);
    expect(isOfLevels('epci:200070092', ['DEPARTEMENT', 'BASSIN'])).toBe(false);
    expect(isOfLevels('bassin:libournais', [])).toBe(true);
  });

  it('search typed names, not ids', () => {
    expect(wantsSearch('ré')).toBe(true);
    expect(wantsSearch('r')).toBe(false);
    expect(wantsSearch('org:wejob')).toBe(false);
  });

  it('match vocabulary names without accents', () => {
    const publics = [
      { id: 'public:jeunes', name: 'Jeunes' },
      { id: 'public:seniors', name: 'Séniors' },
    ];
    expect(matchVocabulary(publics, 'seni')).toEqual([{ id: 'public:seniors', name: 'Séniors' }]);
    expect(matchVocabulary(publics, 'public:j').map((entry) => entry.id)).toEqual(['public:jeunes']);
  });
});
