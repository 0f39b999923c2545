import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ERROR_CODES, type ErrorCode } from './errors.js';

const KNOWN_CODES = new Set<string>(ERROR_CODES);

/**
 * Every error a client sees carries a code of the closed set. Those without one
 * (or with one of yoga's own, like BAD_REQUEST) at this point are the client's
 * own doing — variables of the wrong type, a body that is not JSON: BAD_USER_INPUT.
 * Unexpected failures were masked, with their own code, before.
 */
function withCode(error: GraphQLError): GraphQLError {
  const code = error.extensions?.code;
  if (typeof code === 'string' && KNOWN_CODES.has(code)) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code: 'BAD_USER_INPUT' satisfies ErrorCode },
  });
}

export function useClosedErrorCodes(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || !result || typeof result !== 'object' || !('errors' in result)) return;
      const errors = result.errors as readonly GraphQLError[] | undefined;
      if (!errors?.some((error) => !KNOWN_CODES.has(String(error.extensions?.code)))) return;
      setResult({ ...result, errors: errors.map((error) => withCode(error)) });
    },
  };
}
