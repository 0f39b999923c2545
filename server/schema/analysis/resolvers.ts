import { MAX_CONSOLE_ROWS, runConsoleQuery } from '../../../graph/queries/cypher-console.js';
import { badUserInput } from '../../errors.js';
import type { Resolvers } from '../resolvers-types.generated.js';
import { consoleError } from './errors.js';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The analyst's console query and its parameters, checked before Neo4j sees them. */
function consoleArguments(query: string, params: unknown, limit: number | null | undefined) {
  if (!query.trim()) throw badUserInput('query', 'The query is empty.');
  if (query.length > 20_000) throw badUserInput('query', 'The query is longer than 20,000 characters.');
  if (params !== null && params !== undefined && !isPlainObject(params))
    throw badUserInput('params', 'params must be a JSON object of named parameters.');
  const rows = limit ?? 1000;
  if (rows < 1 || rows > MAX_CONSOLE_ROWS)
    throw badUserInput('limit', `limit must be between 1 and ${MAX_CONSOLE_ROWS}.`);
  return { query, params: (params ?? {}) as Record<string, unknown>, limit: rows };
}

export const analysisResolvers: Resolvers = {
  Query: {
    cypher: async (_parent, { query, params, limit }, ctx) => {
      try {
        return await runConsoleQuery(ctx.db, consoleArguments(query, params, limit));
      } catch (error) {
        throw consoleError(error);
      }
    },
  },
};
