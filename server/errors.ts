import { GraphQLError } from 'graphql';

/**
 * The closed set of error codes clients may rely on (DOMAIN.md §6), plus the two
 * yoga gives documents it cannot parse or validate, and the code of masked
 * unexpected failures ("Unexpected error.").
 */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'QUERY_TOO_COMPLEX',
  'DATABASE_UNAVAILABLE',
  'TIMEOUT',
  'CONFLICT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

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

/** `httpStatus` for refusals before execution (yoga answers with it and strips it from the body). */
export const forbidden = (message: string, httpStatus?: number) =>
  errorWith('FORBIDDEN', message, httpStatus ? { http: { status: httpStatus } } : {});

/** A request that could not be read as GraphQL at all (malformed variables, extensions…). */
export const badRequest = (argument: string, message: string) =>
  errorWith('BAD_USER_INPUT', message, { argument, http: { status: 400 } });

export const unauthenticated = (message = 'Log in to do this.') => errorWith('UNAUTHENTICATED', message);

/** A write against a stale version, or over a later change: nothing was written. */
export const conflict = (message: string, extensions: Record<string, unknown> = {}) =>
  errorWith('CONFLICT', message, extensions);
