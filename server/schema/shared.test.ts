import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { parseRelationshipTypes } from './shared.js';

describe('parseRelationshipTypes', () => {
  it('accepts names from the closed list and treats an empty list as "all"', () => {
    expect(parseRelationshipTypes(['CARRIES', 'FUNDS'])).toEqual(['CARRIES', 'FUNDS']);
    expect(parseRelationshipTypes([])).toBeUndefined();
    expect(parseRelationshipTypes(null)).toBeUndefined();
  });

  it('rejects anything else as BAD_USER_INPUT naming the argument', () => {
    try {
      parseRelationshipTypes(['CARRIES', 'DETACH DELETE'], 'relations');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(GraphQLError);
      expect((error as GraphQLError).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'relations',
      });
    }
  });
});
