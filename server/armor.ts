import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import type { DocumentNode, ValidationContext, GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { createGraphVersionCache } from '../graph/version-cache.js';
import { queryTooComplex } from './errors.js';
import { costOfOperation, MAX_QUERY_COST } from './query-cost.js';

/**
 * Limits sized so the page's own queries pass with room to spare (the details
 * panel is the deepest; coverage of every commune the costliest).
 */
export const QUERY_LIMITS = {
  depth: 10,
  cost: MAX_QUERY_COST,
  aliases: 20,
  directives: 20,
  tokens: 5_000,
  /** Bytes of a request body: the page's largest (2,000 ids) is ~60 KB. */
  bodyBytes: 256 * 1024,
} as const;

// graphql-armor's own errors carry its code; clients rely on QUERY_TOO_COMPLEX.
// Validation rules report through their context; the token limit fires while
// parsing, where there is no context, so it throws and the parse stops there.
const rejectAsTooComplex = {
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) => {
      const rejection = queryTooComplex(error.message.replace(/^Syntax Error: /, ''));
      if (!context) throw rejection;
      context.reportError(rejection);
    },
  ],
};

/** Variables longer than this as JSON (a page's 2,000 ids) are costed again rather than kept. */
const COSTS_KEPT_UP_TO = 4_096;

/**
 * Rejects an operation whose cost (lists multiplied by their sizes) is over the limit,
 * before it runs. The cost depends on the document, the operation and the variables
 * only: it is computed once for each (yoga parses a document once and hands the same
 * node to every request that sends it), not per request — it was the app's largest
 * piece of work per request outside execution.
 */
function useQueryCostLimit(): Plugin {
  // Scoped by document (no graph version: a cost does not depend on the data).
  const costs = createGraphVersionCache<number>({ maxEntries: 64 });
  return {
    onExecute({ args }) {
      const variables = args.variableValues as Record<string, unknown> | undefined;
      const compute = () =>
        costOfOperation({
          schema: args.schema,
          document: args.document,
          variables,
          operationName: args.operationName,
        });
      const key = `${args.operationName ?? ''}:${JSON.stringify(variables ?? {})}`;
      const cost =
        key.length > COSTS_KEPT_UP_TO ? compute() : costs.get(args.document as DocumentNode, 0, key, compute);
      if (cost > QUERY_LIMITS.cost) {
        throw queryTooComplex(`Query cost ${cost} exceeds the limit of ${QUERY_LIMITS.cost}.`);
      }
    },
  };
}

/** Plugins that reject documents too large, deep, wide or costly before they run. */
export const armorPlugins = (): Plugin[] => [
  maxTokensPlugin({ n: QUERY_LIMITS.tokens, ...rejectAsTooComplex }),
  maxDepthPlugin({ n: QUERY_LIMITS.depth, ignoreIntrospection: true, ...rejectAsTooComplex }),
  maxAliasesPlugin({ n: QUERY_LIMITS.aliases, ...rejectAsTooComplex }),
  maxDirectivesPlugin({ n: QUERY_LIMITS.directives, ...rejectAsTooComplex }),
  useQueryCostLimit(),
];
