import { Kind } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DateScalar, isIsoDate } from './date-scalar.js';

describe('Date scalar', () => {
  it('keeps real calendar days as strings', () => {
    expect(DateScalar.parseValue('2019-09-01')).toBe('2019-09-01');
    expect(DateScalar.parseLiteral({ kind: Kind.STRING, value: '2024-02-29' })).toBe('2024-02-29');
    expect(DateScalar.serialize('2015-01-01')).toBe('2015-01-01');
  });

  it('rejects impossible or malformed dates as BAD_USER_INPUT', () => {
    expect(isIsoDate('2019-02-30')).toBe(false);
    expect(isIsoDate('2019-9-1')).toBe(false);
    expect(() => DateScalar.parseValue('2019-02-30')).toThrow(/YYYY-MM-DD/);
    try {
      DateScalar.parseValue(20190901);
    } catch (error) {
      expect((error as { extensions: unknown }).extensions).toEqual({ code: 'BAD_USER_INPUT' });
    }
  });
});
