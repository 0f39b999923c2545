import { createLogger, type YogaLogger } from 'graphql-yoga';
import { GraphError } from '../graph/errors.js';

/** How often one kind of expected failure may be logged (an outage fails every request). */
const REPEAT_INTERVAL_MS = 10_000;

function graphErrorOf(value: unknown): GraphError | undefined {
  if (value instanceof GraphError) return value;
  const original = (value as { originalError?: unknown } | null)?.originalError;
  return original instanceof GraphError ? original : undefined;
}

/**
 * Yoga logs the stack of every error it masks. Database outages, timeouts and conflicts are
 * expected and already answered with their code: log them as one line, at most every 10 s
 * per code, and keep stacks for the unexpected.
 */
export function createAtlasLogger(
  base: YogaLogger = createLogger(),
  now: () => number = Date.now,
): YogaLogger {
  const lastLogged = new Map<string, number>();
  return {
    ...base,
    error(...args: unknown[]) {
      const known = args.length === 1 ? graphErrorOf(args[0]) : undefined;
      if (!known) return base.error(...args);
      const at = now();
      if (at - (lastLogged.get(known.code) ?? -Infinity) < REPEAT_INTERVAL_MS) return;
      lastLogged.set(known.code, at);
      base.warn(`${known.code}: ${known.message}`);
    },
  };
}
