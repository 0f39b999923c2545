import { describe, expect, it } from 'vitest';
import { toLuceneQuery } from './search.js';

describe('toLuceneQuery', () => {
  it('requires every word, as a whole word or a prefix', () => {
    expect(toLuceneQuery('Mission loc')).toBe('+(mission^3 OR mission*) +(loc^3 OR loc*)');
  });

  it('folds the query as the index is folded', () => {
    expect(toLuceneQuery('ÉCOLE')).toBe(toLuceneQuery('ecole'));
  });

  it('neutralises Lucene syntax and yields nothing for an empty query', () => {
    expect(toLuceneQuery('a:b OR (c)~')).toBe('+(a^3 OR a*) +(b^3 OR b*) +(or^3 OR or*) +(c^3 OR c*)');
    expect(toLuceneQuery(' *?" ')).toBeUndefined();
  });
});
