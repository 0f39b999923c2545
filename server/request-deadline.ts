import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GraphQLContext } from './context.js';
import { timeout } from './errors.js';

/** Resolves with a TIMEOUT result once the request's signal aborts. */
function whenEnded(signal: AbortSignal): Promise<ExecutionResult> {
  return new Promise((resolve) => {
    const end = () => resolve({ errors: [timeout()] });
    if (signal.aborted) end();
    else signal.addEventListener('abort', end, { once: true });
  });
}

/**
 * Answers TIMEOUT at the request's deadline even while resolvers still await:
 * their queries stop on their own (the scoped database refuses and terminates
 * them), this makes sure the client is not kept waiting meanwhile.
 */
export function useRequestDeadline(): Plugin<GraphQLContext> {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn(async (args) => {
        const { signal, release } = args.contextValue as GraphQLContext;
        try {
          return await Promise.race([executeFn(args), whenEnded(signal)]);
        } finally {
          release();
        }
      });
    },
  };
}
