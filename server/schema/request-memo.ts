import type { GraphQLContext } from '../context.js';

/**
 * Computes once per request and key: `coverage` and `coverageSummary` asked in
 * one operation share one analysis. The key names the kind of work first.
 */
export function memoOnRequest<T>(
  ctx: GraphQLContext,
  key: readonly unknown[],
  compute: () => Promise<T>,
): Promise<T> {
  const id = JSON.stringify(key);
  let result = ctx.memo.get(id) as Promise<T> | undefined;
  if (!result) {
    result = compute();
    ctx.memo.set(id, result);
  }
  return result;
}
