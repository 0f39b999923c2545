import { GraphQLError } from 'graphql';

/** The closed set of error codes clients may rely on (DOMAIN.md §6). */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'QUERY_TOO_COMPLEX'
  | 'DATABASE_UNAVAILABLE'
  | 'TIMEOUT';

function errorWith(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

export const badUserInput = (argument: string, message: string) =>
  errorWith('BAD_USER_INPUT', message, { argument });

export const notFound = (id: string) => errorWith('NOT_FOUND', `Nothing has the id "${id}".`, { id });

export const databaseUnavailable = () =>
  errorWith('DATABASE_UNAVAILABLE', 'The graph database is unavailable; try again shortly.');

export const timeout = () => errorWith('TIMEOUT', 'The query took too long.');

export const queryTooComplex = (message: string) => errorWith('QUERY_TOO_COMPLEX', message);
