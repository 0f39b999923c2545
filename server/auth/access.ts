import type { Plugin } from 'graphql-yoga';
import type { GraphQLContext } from '../context.js';
import { unauthenticated } from '../errors.js';

/** Anonymous reading: on unless ATLAS_ANONYMOUS_READ=false. */
export function anonymousReadFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.ATLAS_ANONYMOUS_READ !== 'false';
}

/** With anonymous reading off, an operation without a viewer gets UNAUTHENTICATED and runs nothing. */
export function useAnonymousRead(allowed: boolean): Plugin<GraphQLContext> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      if (allowed || args.contextValue.viewer) return;
      setResultAndStopExecution({ errors: [unauthenticated()] });
    },
  };
}
