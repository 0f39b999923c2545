import { describe, expect, it } from 'vitest';
import { toLuceneQuery } from './search.js';

describe('toLuceneQuery', () => {
  it('requires every word, as a whole word or a prefix, with a typo allowed from five letters', () => {
    expect(toLuceneQuery('Mission loc')).toBe('+(mission^3 OR mission* OR mission~1) +(loc^3 OR loc*)');
    expect(toLuceneQuery('libournais')).toBe('+(libournais^3 OR libournais* OR libournais~2)');
  });

  it('folds the query as the index is folded', () => {
    expect(toLuceneQuery('ÉCOLE')).toBe(toLuceneQuery('ecole'));
  });

  it('matches abbreviations and what they stand for, both ways', () => {
    expect(toLuceneQuery('St Émilion')).toBe(
      '+(st^3 OR st* OR saint^3 OR saint* OR saint~1) +(emilion^3 OR emilion* OR emilion~1)',
    );
    expect(toLuceneQuery('CC Blaye')).toBe(
      '+(cc^3 OR cc* OR "communaute de communes"^3) +(blaye^3 OR blaye* OR blaye~1)',
    );
    expect(toLuceneQuery("Communauté d'agglomération")).toBe('+("communaute d agglomeration"^3 OR ca^3)');
  });

  it('neutralises Lucene syntax and yields nothing for an empty query', () => {
    expect(toLuceneQuery('a:b OR (c)~')).toBe('+(a^3 OR a*) +(b^3 OR b*) +(or^3 OR or*) +(c^3 OR c*)');
    expect(toLuceneQuery('AND NOT -x')).toBe('+(and^3 OR and*) +(not^3 OR not*) +(x^3 OR x*)');
    expect(toLuceneQuery(' *?" ')).toBeUndefined();
  });
});
