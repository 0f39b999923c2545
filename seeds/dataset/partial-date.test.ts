import { describe, expect, it } from 'vitest';
import { isPartialDate, normalisePartialDate } from './partial-date.js';

describe('normalisePartialDate', () => {
  it('expands a year to its first or last day', () => {
    expect(normalisePartialDate('2019', 'start')).toBe('2019-01-01');
    expect(normalisePartialDate('2019', 'end')).toBe('2019-12-31');
  });

  it('expands a month to its first or last day, leap years included', () => {
    expect(normalisePartialDate('2019-09', 'start')).toBe('2019-09-01');
    expect(normalisePartialDate('2019-09', 'end')).toBe('2019-09-30');
    expect(normalisePartialDate('2020-02', 'end')).toBe('2020-02-29');
    expect(normalisePartialDate('2019-02', 'end')).toBe('2019-02-28');
    expect(normalisePartialDate('1900-02', 'end')).toBe('1900-02-28');
  });

  it('keeps a full date', () => {
    expect(normalisePartialDate('2019-04-25', 'start')).toBe('2019-04-25');
    expect(normalisePartialDate('2019-04-25', 'end')).toBe('2019-04-25');
  });

  it('refuses what is not a calendar period', () => {
    for (const text of ['19', '2019-13', '2019-00', '2019-02-30', '2019-4', '2019/04', 'avril 2019', '']) {
      expect(isPartialDate(text)).toBe(false);
      expect(() => normalisePartialDate(text, 'start')).toThrow();
    }
  });
});
