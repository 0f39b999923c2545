import { createSchema, createYoga, maskError as maskUnexpectedError, type CORSOptions } from 'graphql-yoga';
import { GraphQLError } from 'graphql';
import type { Db } from '../graph/driver.js';
import { GraphError } from '../graph/errors.js';
import { armorPlugins } from './armor.js';
import { anonymousReadFromEnv, useAnonymousRead } from './auth/access.js';
import type { Authenticator } from './auth/authenticator.js';
import { credentialsOf } from './auth/credentials.js';
import { createLocalAccounts, localAccountsOptionsFromEnv } from './auth/local-accounts.js';
import { createContext, requestTimeoutFromEnv, type GraphQLContext } from './context.js';
import { useCompiledExecution } from './compiled-execution.js';
import { CSRF_HEADER, useCsrfPrevention } from './csrf.js';
import { useClosedErrorCodes } from './error-codes.js';
import { conflict, databaseUnavailable, timeout } from './errors.js';
import { useGetParameterCheck } from './get-params.js';
import { renderGraphiQL } from './graphiql.js';
import { useRequestDeadline } from './request-deadline.js';
import { createAtlasLogger } from './yoga-logger.js';
import { onlyAmong, rootMutationFields } from './root-fields.js';
import { EDIT_FIELDS } from './schema/editing/operations.js';
import { IMPORT_FIELDS, importTimeoutFromEnv } from './schema/import/limits.js';
import { resolvers } from './schema/resolvers.js';
import { typeDefs } from './schema/type-defs.js';

/** Database failures become their stable codes; anything else unexpected stays masked. */
function maskError(error: unknown, message: string, isDev?: boolean): Error {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (original instanceof GraphError) {
    if (original.code === 'DATABASE_UNAVAILABLE') return databaseUnavailable();
    // A request abandoned by its client ends like one out of time: nobody reads it.
    if (original.code === 'TIMEOUT' || original.code === 'CANCELLED') return timeout();
    if (original.code === 'CONFLICT') return conflict(original.message);
  }
  return maskUnexpectedError(error, message, isDev);
}

export const schema = createSchema<GraphQLContext>({ typeDefs, resolvers });

export interface AtlasYogaOptions {
  /** How long one request may run, in ms (ATLAS_REQUEST_TIMEOUT_MS, 10 s by default). */
  requestTimeoutMs?: number;
  /**
   * Other origins whose pages may call the API with credentials (ATLAS_ALLOWED_ORIGINS,
   * comma-separated). None by default: only the app's own page.
   */
  allowedOrigins?: readonly string[];
  /** Who is who (local accounts in Neo4j by default). */
  authenticator?: Authenticator;
  /** May anonymous requests read (ATLAS_ANONYMOUS_READ, on by default)? */
  anonymousRead?: boolean;
}

export function allowedOriginsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.ATLAS_ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
}

/** Same-origin by default: a foreign Origin gets no CORS headers, hence no credentials nor answer. */
function corsFor(allowedOrigins: readonly string[]) {
  return (request: Request): CORSOptions | false => {
    const origin = request.headers.get('origin');
    if (!origin || !allowedOrigins.includes(origin)) return false;
    return {
      origin: [origin],
      credentials: true,
      methods: ['GET', 'POST'],
      allowedHeaders: ['content-type', 'authorization', CSRF_HEADER],
    };
  };
}

export function createAtlasYoga(db: Db, options: AtlasYogaOptions = {}) {
  const requestTimeoutMs = options.requestTimeoutMs ?? requestTimeoutFromEnv();
  const importTimeoutMs = importTimeoutFromEnv();
  const authenticator = options.authenticator ?? createLocalAccounts(db, localAccountsOptionsFromEnv());
  return createYoga({
    schema,
    context: async ({ request, params }) => {
      const credentials = credentialsOf(request.headers);
      // Parsed here once, and only for a mutation (yoga parses, once per document, later).
      const roots = rootMutationFields(params?.query, params?.operationName);
      // An editing mutation checks its credential again in its own transaction: the
      // viewer this process last read for it saves a query.
      const recalled = onlyAmong(roots, EDIT_FIELDS) ? authenticator.recall(credentials) : undefined;
      return createContext(
        db,
        request,
        // An upload is read, validated and written in one request: it gets the import's deadline.
        onlyAmong(roots, IMPORT_FIELDS) ? Math.max(requestTimeoutMs, importTimeoutMs) : requestTimeoutMs,
        recalled?.viewer ?? (await authenticator.authenticate(credentials)),
        recalled && { check: recalled.check, forget: () => authenticator.forget(recalled.check) },
      );
    },
    graphqlEndpoint: '/graphql',
    // The app reads every body under QUERY_LIMITS.bodyBytes before yoga sees it (server/app.ts):
    // yoga's own limit would pipe that buffered body through a stream again, ~40 µs a request.
    maxRequestBodySize: false,
    landingPage: false,
    logging: createAtlasLogger(),
    maskedErrors: { maskError },
    cors: corsFor(options.allowedOrigins ?? allowedOriginsFromEnv()),
    graphiql: { title: 'Atlas des acteurs — GraphQL' },
    renderGraphiQL,
    plugins: [
      // First: the plugins after it wrap the execution it sets (the deadline among them).
      useCompiledExecution(),
      useCsrfPrevention(),
      useGetParameterCheck(),
      ...armorPlugins(),
      useRequestDeadline(),
      useAnonymousRead(options.anonymousRead ?? anonymousReadFromEnv()),
      useClosedErrorCodes(),
    ],
  });
}
