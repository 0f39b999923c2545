import { useGraphQlJit } from '@envelop/graphql-jit';
import type { DocumentNode } from 'graphql';

/**
 * Compiling a document costs about ten validations of it (a 925-token document of 20
 * aliases: 39 ms against 4 ms), all at once on the event loop. Only documents that come
 * back are worth it, and a client sending new ones must not stall the server with compiles.
 */
export interface CompilePolicyOptions {
  /** Characters of documents compiled per minute at most (~5 ms of compiling per KB here). */
  charactersPerMinute: number;
  now?: () => number;
}

/** 200 KB a minute: every document the page sends, a few times over; ≤ ~1 s of compiling a minute. */
const COMPILE_BUDGET: CompilePolicyOptions = { charactersPerMinute: 200 * 1024 };

const MINUTE_MS = 60_000;

/**
 * Whether a document runs compiled: from its second run on, while the minute's budget
 * lasts; otherwise graphql-js executes it. Documents are the parser cache's, so one text
 * is one object; a document without a location (no length to count) is never compiled.
 */
export function createCompilePolicy({ charactersPerMinute, now = Date.now }: CompilePolicyOptions) {
  // Each document run before: whether it runs compiled.
  const runs = new WeakMap<DocumentNode, boolean>();
  let minuteStart = now();
  let spent = 0;
  return (document: DocumentNode): boolean => {
    const compiled = runs.get(document);
    if (compiled) return true;
    if (compiled === undefined) {
      runs.set(document, false);
      return false;
    }
    const at = now();
    if (at - minuteStart >= MINUTE_MS) {
      minuteStart = at;
      spent = 0;
    }
    const length = document.loc?.end ?? Number.POSITIVE_INFINITY;
    if (spent + length > charactersPerMinute) return false;
    spent += length;
    runs.set(document, true);
    return true;
  };
}

/**
 * Compiled execution (graphql-jit) of the documents the policy picks: on answers of thousands
 * of objects (a hub's carries, a national theme), graphql-js's per-field promise and path
 * bookkeeping outweighs the Cypher. Compiled code awaits only what a resolver returns, never
 * a parent's property: a mapper field holding a promise needs a resolver.
 */
export function useCompiledExecution(options: CompilePolicyOptions = COMPILE_BUDGET) {
  const shouldCompile = createCompilePolicy(options);
  return useGraphQlJit({}, { enableIf: ({ document }) => shouldCompile(document) });
}
