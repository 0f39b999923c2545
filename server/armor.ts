import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import type { ValidationContext, GraphQLError } from 'graphql';
import { queryTooComplex } from './errors.js';

/** Limits sized so the page's own queries pass with room to spare (the details panel is the deepest). */
export const QUERY_LIMITS = { depth: 10, cost: 20_000, aliases: 20, tokens: 5_000 } as const;

// graphql-armor's own errors carry its code; clients rely on QUERY_TOO_COMPLEX.
const rejectAsTooComplex = {
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(queryTooComplex(error.message)),
  ],
};

/** Envelop plugins that reject documents too deep, costly or large before they run. */
export const armorPlugins = () => [
  maxDepthPlugin({ n: QUERY_LIMITS.depth, ignoreIntrospection: true, ...rejectAsTooComplex }),
  costLimitPlugin({ maxCost: QUERY_LIMITS.cost, ignoreIntrospection: true, ...rejectAsTooComplex }),
  maxAliasesPlugin({ n: QUERY_LIMITS.aliases, ...rejectAsTooComplex }),
  maxTokensPlugin({ n: QUERY_LIMITS.tokens, ...rejectAsTooComplex }),
];
