import { Neo4jError } from 'neo4j-driver';

/** Failures of the database layer that callers may turn into user-facing errors. */
export type GraphErrorCode = 'DATABASE_UNAVAILABLE' | 'TIMEOUT' | 'CANCELLED' | 'CONFLICT';

export class GraphError extends Error {
  constructor(
    readonly code: GraphErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'GraphError';
  }
}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

/** Translates a driver error once, so layers above never inspect Neo4j codes. */
export function translateDriverError(error: unknown): unknown {
  if (!(error instanceof Neo4jError)) return error;
  const code = error.code ?? '';
  if (
    UNAVAILABLE_CODES.has(code) ||
    /connection acquisition timed out|Failed to connect/i.test(error.message)
  ) {
    return new GraphError('DATABASE_UNAVAILABLE', 'The graph database is unreachable.', { cause: error });
  }
  if (
    code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') ||
    code.includes('TransactionTimedOut')
  ) {
    return new GraphError('TIMEOUT', 'The query took too long.', { cause: error });
  }
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new GraphError('CONFLICT', 'The write conflicts with existing data.', { cause: error });
  }
  return error;
}
