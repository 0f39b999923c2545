import { GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SERVER_ERROR_CODES } from '../../client/api/graphql-client.js';
import { ERROR_CODES } from '../../server/errors.js';
import { schema } from '../../server/yoga.js';

/** One closed set of error codes: the server's list, the schema's enum, and the client's copy. */
describe('error codes', () => {
  const inSchema = (schema.getType('ErrorCode') as GraphQLEnumType).getValues().map((value) => value.name);

  it('the schema declares exactly the codes the server gives', () => {
    expect([...inSchema].sort()).toEqual([...ERROR_CODES].sort());
  });

  it('the page knows every code the server may give, and no other', () => {
    const pageCodes = new Set<string>([
      ...SERVER_ERROR_CODES,
      'INTERNAL_SERVER_ERROR',
      'GRAPHQL_PARSE_FAILED',
      'GRAPHQL_VALIDATION_FAILED',
    ]);
    expect([...pageCodes].sort()).toEqual([...ERROR_CODES].sort());
  });
});
