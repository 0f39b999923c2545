import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { checkPeriod, cleanAliases, cleanText, cleanUrl, newNodeId } from './validate.js';

const argumentOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return error instanceof GraphQLError ? [error.extensions.code, error.extensions.argument] : error;
  }
  return undefined;
};

describe('edit validation', () => {
  it('names the field it refuses', () => {
    expect(argumentOf(() => cleanText('  ', 'patch.name'))).toEqual(['BAD_USER_INPUT', 'patch.name']);
    expect(argumentOf(() => cleanUrl('javascript:alert(1)', 'patch.website'))).toEqual([
      'BAD_USER_INPUT',
      'patch.website',
    ]);
    expect(argumentOf(() => newNodeId('org', 'dis:x', 'X'))).toEqual(['BAD_USER_INPUT', 'input.id']);
    expect(argumentOf(() => checkPeriod('2020-01-01', '2019-01-01', 'patch'))).toEqual([
      'BAD_USER_INPUT',
      'patch',
    ]);
    expect(argumentOf(() => cleanAliases(['a', ''], 'input.aliases'))).toEqual([
      'BAD_USER_INPUT',
      'input.aliases[1]',
    ]);
  });

  it('makes readable ids from names and keeps null (a cleared field) apart from absent', () => {
    expect(newNodeId('org', undefined, 'Mission locale de Saintes')).toBe('org:mission-locale-de-saintes');
    expect(cleanText(null, 'x')).toBeNull();
    expect(cleanText(undefined, 'x')).toBeUndefined();
    expect(cleanText('  Wejob ', 'x')).toBe('Wejob');
  });
});
