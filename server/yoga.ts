import { createSchema, createYoga, maskError as maskUnexpectedError } from 'graphql-yoga';
import { GraphQLError } from 'graphql';
import type { Db } from '../graph/driver.js';
import { GraphError } from '../graph/errors.js';
import { armorPlugins } from './armor.js';
import { createContext, type GraphQLContext } from './context.js';
import { databaseUnavailable, timeout } from './errors.js';
import { resolvers } from './schema/resolvers.js';
import { typeDefs } from './schema/type-defs.js';

/** Database failures become their stable codes; anything else unexpected stays masked. */
function maskError(error: unknown, message: string, isDev?: boolean): Error {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (original instanceof GraphError) {
    if (original.code === 'DATABASE_UNAVAILABLE') return databaseUnavailable();
    if (original.code === 'TIMEOUT') return timeout();
  }
  return maskUnexpectedError(error, message, isDev);
}

export const schema = createSchema<GraphQLContext>({ typeDefs, resolvers });

export function createAtlasYoga(db: Db) {
  return createYoga({
    schema,
    context: () => createContext(db),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    maskedErrors: { maskError },
    graphiql: { title: 'Atlas des acteurs — GraphQL' },
    plugins: armorPlugins(),
  });
}
