import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createDb } from '../../../graph/driver.js';
import { GraphError } from '../../../graph/errors.js';
import { createContext } from '../../../server/context.js';
import { createAtlasYoga } from '../../../server/yoga.js';
import '../../helpers/test-env.js';

const db = createDb(inject('neo4j'));
afterAll(() => db.close());

/** A read that would run for many seconds: a count over a billion numbers. */
const SLOW_READ = 'UNWIND range(1, 1000000000) AS x RETURN count(x) AS n';
/**
 * A slow request the API accepts: a console count over a billion numbers. The
 * console's own timeout (5 s) would end it too: the checks below wait less.
 */
const SLOW_REQUEST = `{ cypher(query: "UNWIND range(1, 1000000000) AS x RETURN count(x) AS slowConsole") { rows } }`;

/** Transactions still running whose query text contains `fragment`. */
async function runningWith(fragment: string): Promise<number> {
  const rows = await db.read<{ n: number }>(
    `SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $fragment AND NOT currentQuery CONTAINS 'SHOW TRANSACTIONS' RETURN count(*) AS n`,
    { fragment },
  );
  return rows[0]?.n ?? 0;
}

async function eventually(check: () => Promise<boolean>, withinMs: number): Promise<boolean> {
  const until = Date.now() + withinMs;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

describe('queries end with their request', () => {
  it('an aborted scope fails its query at once and terminates it on the server', async () => {
    const controller = new AbortController();
    const scoped = db.scoped({ signal: controller.signal, deadline: Date.now() + 60_000 });
    const pending = scoped.read(SLOW_READ);
    await eventually(async () => (await runningWith('range(1, 1000000000)')) > 0, 5_000);
    controller.abort();
    const abortedAt = performance.now();
    const error = await pending.catch((e: unknown) => e);
    expect(performance.now() - abortedAt).toBeLessThan(100);
    expect(error).toBeInstanceOf(GraphError);
    expect((error as GraphError).code).toBe('CANCELLED');
    expect(await eventually(async () => (await runningWith('range(1, 1000000000)')) === 0, 5_000)).toBe(true);
  });

  it('a scope past its deadline ends its query with TIMEOUT', async () => {
    const scoped = db.scoped({ signal: AbortSignal.timeout(500), deadline: Date.now() + 500 });
    const error = await scoped.read(SLOW_READ).catch((e: unknown) => e);
    expect((error as GraphError).code).toBe('TIMEOUT');
    expect(await eventually(async () => (await runningWith('range(1, 1000000000)')) === 0, 5_000)).toBe(true);
  });

  it('a scope already over refuses to start a query', async () => {
    const scoped = db.scoped({ signal: AbortSignal.abort(), deadline: Date.now() + 1_000 });
    expect(((await scoped.read('RETURN 1 AS one').catch((e: unknown) => e)) as GraphError).code).toBe(
      'CANCELLED',
    );
  });
});

describe('the per-request deadline', () => {
  it('answers TIMEOUT when the request runs past it', async () => {
    // A deadline already over by the time the first query would start.
    const yoga = createAtlasYoga(db, { requestTimeoutMs: 1 });
    const response = await yoga.fetch('http://atlas.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ stats { totalNodes } }' }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    expect(body.errors?.[0]?.extensions?.code).toBe('TIMEOUT');
  });

  it("binds the request's queries to its client: an abandoned request's query is terminated", async () => {
    const client = new AbortController();
    const context = createContext(db, { signal: client.signal }, 60_000);
    const pending = context.db.read(SLOW_READ);
    expect(await eventually(async () => (await runningWith('range(1, 1000000000)')) > 0, 5_000)).toBe(true);
    client.abort();
    expect(((await pending.catch((e: unknown) => e)) as GraphError).code).toBe('CANCELLED');
    expect(await eventually(async () => (await runningWith('range(1, 1000000000)')) === 0, 5_000)).toBe(true);
  });

  it('ends the context at its deadline even when the client stays', async () => {
    const context = createContext(db, { signal: new AbortController().signal }, 300);
    const error = await context.db.read(SLOW_READ).catch((e: unknown) => e);
    expect((error as GraphError).code).toBe('TIMEOUT');
    expect(context.signal.aborted).toBe(true);
  });

  it('stops the work of an HTTP request its client abandoned', async () => {
    const yoga = createAtlasYoga(db, { requestTimeoutMs: 60_000 });
    const controller = new AbortController();
    const answer = Promise.resolve(
      yoga.fetch('http://atlas.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: SLOW_REQUEST }),
        signal: controller.signal,
      }),
    ).catch(() => undefined);
    expect(await eventually(async () => (await runningWith('slowConsole')) > 0, 5_000)).toBe(true);
    controller.abort();
    await answer;
    expect(await eventually(async () => (await runningWith('slowConsole')) === 0, 5_000)).toBe(true);
  });
});
