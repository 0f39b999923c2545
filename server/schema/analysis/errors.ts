import { GraphQLError } from 'graphql';
import { CypherConsoleError } from '../../../graph/queries/cypher-console.js';
import type { ErrorCode } from '../../errors.js';

const CODE_BY_KIND = {
  FORBIDDEN: 'FORBIDDEN',
  SYNTAX: 'BAD_USER_INPUT',
  INVALID: 'BAD_USER_INPUT',
  TOO_LARGE: 'QUERY_TOO_COMPLEX',
} as const satisfies Record<CypherConsoleError['kind'], ErrorCode>;

/** A console refusal as the client sees it: the code, and the operator, line and column it names. */
export function consoleError(error: unknown, argument = 'query'): unknown {
  if (!(error instanceof CypherConsoleError)) return error;
  const { reason, line, column } = error.detail;
  return new GraphQLError(error.message, {
    extensions: {
      code: CODE_BY_KIND[error.kind],
      ...(error.kind === 'FORBIDDEN' ? {} : { argument }),
      ...(reason === undefined ? {} : { reason }),
      ...(line === undefined ? {} : { line }),
      ...(column === undefined ? {} : { column }),
    },
  });
}
