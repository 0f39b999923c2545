import { loadCoverageIndex } from '../../../graph/queries/coverage.js';
import {
  findConsoleSchema,
  MAX_CONSOLE_ROWS,
  runConsoleQuery,
} from '../../../graph/queries/cypher-console.js';
import { toDispositifFilterParams } from '../../../graph/queries/dispositif-filter.js';
import { findGraphVersion } from '../../../graph/queries/graph-version.js';
import { findNetworkMetrics, WHOLE_NETWORK } from '../../../graph/queries/network-metrics.js';
import {
  findSavedQuery,
  runSavedQueryCypher,
  SAVED_QUERIES,
  type SavedQuery,
} from '../../../graph/queries/saved-queries.js';
import { badUserInput, notFound } from '../../errors.js';
import type { GraphQLContext } from '../../context.js';
import type { Resolvers, SavedQuery as SavedQueryView } from '../resolvers-types.generated.js';
import { kindOfLabel } from '../shared.js';
import { assertKnownFilterIds, fromDispositifFilter } from '../filters.js';
import { deleteOwnAnalystQuery, myQueries, saveAnalystQuery } from './analyst-queries.js';
import { consoleError } from './errors.js';
import { assertNodeCheck, parseSavedQueryParams } from './saved-query-params.js';

// The flat arguments of networkMetrics, by the criterion each stands for (as partnershipNetwork's).
const NETWORK_ARGUMENTS = { themes: 'theme', publics: 'public', territory: 'territory' } as const;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function rowLimit(limit: number | null | undefined) {
  const rows = limit ?? 1000;
  if (rows < 1 || rows > MAX_CONSOLE_ROWS)
    throw badUserInput('limit', `limit must be between 1 and ${MAX_CONSOLE_ROWS}.`);
  return rows;
}

/** The analyst's console query and its parameters, checked before Neo4j sees them. */
function consoleArguments(query: string, params: unknown, limit: number | null | undefined) {
  if (!query.trim()) throw badUserInput('query', 'The query is empty.');
  if (query.length > 20_000) throw badUserInput('query', 'The query is longer than 20,000 characters.');
  if (params !== null && params !== undefined && !isPlainObject(params))
    throw badUserInput('params', 'params must be a JSON object of named parameters.');
  return { query, params: (params ?? {}) as Record<string, unknown>, limit: rowLimit(limit) };
}

/** A saved query as the schema shows it: kinds as NodeKind, every list present. */
function savedQueryView(query: SavedQuery): SavedQueryView {
  return {
    id: query.id,
    title: query.title,
    description: query.description,
    audience: query.audience,
    cypher: query.cypher.trim(),
    parameters: query.parameters.map((parameter) => ({
      name: parameter.name,
      label: parameter.label,
      type: parameter.type,
      required: parameter.required,
      default: parameter.default ?? null,
      kinds: parameter.type === 'NODE' ? parameter.kinds.map(kindOfLabel) : [],
      levels: parameter.type === 'TERRITORY' ? [...parameter.levels] : [],
      values: parameter.type === 'ENUM' ? [...parameter.values] : [],
      min: parameter.type === 'NUMBER' ? parameter.min : null,
      max: parameter.type === 'NUMBER' ? parameter.max : null,
      integer: parameter.type === 'NUMBER' && parameter.integer,
    })),
  };
}

async function savedQueryParams(ctx: GraphQLContext, query: SavedQuery, params: unknown) {
  const { values, checks } = parseSavedQueryParams(query, params);
  const found = await Promise.all(checks.map((check) => ctx.loaders.node.load(check.id)));
  checks.forEach((check, index) => assertNodeCheck(check, found[index] ?? null));
  return values;
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
    cypherSchema: (_parent, _args, ctx) => findConsoleSchema(ctx.db),
    myQueries: (_parent, _args, ctx) => myQueries(ctx),
    savedQueries: () => SAVED_QUERIES.map(savedQueryView),
    runSavedQuery: async (_parent, { id, params, limit }, ctx) => {
      const query = findSavedQuery(id);
      if (!query) throw notFound(id);
      const rows = rowLimit(limit);
      const values = await savedQueryParams(ctx, query, params);
      try {
        return await runSavedQueryCypher(ctx.db, query, values, rows);
      } catch (error) {
        throw consoleError(error, 'params');
      }
    },
    networkMetrics: async (_parent, { territory, theme, public: publicId, activeOn }, ctx) => {
      // The whole network does not wait for the coverage index (seconds to read nationally).
      if (!territory && !theme && !publicId && !activeOn)
        return findNetworkMetrics(ctx.db, { version: await findGraphVersion(ctx.db) }, WHOLE_NETWORK);
      const dispositifs = fromDispositifFilter({
        themes: theme ? [theme] : null,
        publics: publicId ? [publicId] : null,
        activeOn,
        territory,
      });
      const index = await loadCoverageIndex(ctx.db);
      assertKnownFilterIds(index, dispositifs, (criterion) => NETWORK_ARGUMENTS[criterion]);
      return findNetworkMetrics(
        ctx.db,
        { version: index.version, index },
        toDispositifFilterParams(dispositifs, index),
      );
    },
  },
  Mutation: {
    saveAnalystQuery: (_parent, { input, change }, ctx) => saveAnalystQuery(ctx, input, change),
    deleteAnalystQuery: (_parent, { id, change }, ctx) => deleteOwnAnalystQuery(ctx, id, change),
  },
};
