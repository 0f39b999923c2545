import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../graph/driver.js';
import { findFreePort } from '../../graph/local/free-port.js';
import { applyMigrations } from '../../graph/migrate.js';
import { loadDataset } from '../../seeds/load.js';
import { startLocalNeo4j, type LocalNeo4j } from '../../graph/local/instance.js';
import { schema } from '../../server/yoga.js';
import { createTestApi, firstErrorCode, type TestApi } from '../helpers/graphql.js';
import { operationsForRootFields } from '../helpers/schema-queries.js';

const STATS = `{ stats { totalNodes } }`;

/**
 * Stopping Neo4j must not hang the API nor crash the server: requests fail fast
 * with DATABASE_UNAVAILABLE and succeed again once Neo4j is back. This needs a
 * Neo4j of its own, since it stops it.
 */
describe('when Neo4j goes down', () => {
  let neo4j: LocalNeo4j;
  let api: TestApi;

  beforeAll(async () => {
    neo4j = await startLocalNeo4j({
      name: 'test-outage',
      boltPort: await findFreePort(),
      fresh: true,
      log: () => {},
    });
    api = createTestApi(neo4j.config);
    const db = createDb(neo4j.config);
    await applyMigrations(db);
    await loadDataset(db, () => {});
    await db.close();
  });
  afterAll(async () => {
    await api?.close();
    await neo4j?.stop();
  });

  // The saved-query library is code; an anonymous reader's own queries live in the browser;
  // an import's progress is kept in the process that runs it.
  const ANSWERED_WITHOUT_DATABASE = new Set(['savedQueries', 'myQueries', 'importProgress']);

  it(
    'answers DATABASE_UNAVAILABLE on every field within 2 s, then recovers by itself',
    { timeout: 180_000 },
    async () => {
      const operations = operationsForRootFields(schema);
      expect(operations.length).toBeGreaterThan(10);
      // Up, each operation answers (so that, down, an error can only come from the outage).
      for (const { field, query, variables } of operations) {
        expect((await api.execute(query, variables)).errors, field).toBeUndefined();
      }

      await neo4j.stop();
      for (const { field, query, variables } of operations) {
        const started = performance.now();
        const down = await api.execute(query, variables);
        if (ANSWERED_WITHOUT_DATABASE.has(field)) {
          expect(down.errors, field).toBeUndefined();
          continue;
        }
        expect(firstErrorCode(down), field).toBe('DATABASE_UNAVAILABLE');
        expect(performance.now() - started, field).toBeLessThan(2_000);
      }

      // `restart` returns once the database answers. What is timed is the app's own
      // recovery (its pool, its driver), so a fresh API over a new driver asks first:
      // a cold JVM planning the query is Neo4j's start-up, not the app being stuck.
      await neo4j.restart();
      const NODE = `{ node(id: "org:wejob") { id } }`;
      const fresh = createTestApi(neo4j.config);
      expect((await fresh.execute(NODE)).errors).toBeUndefined();
      await fresh.close();
      const started = performance.now();
      const back = await api.execute(NODE);
      expect(back.errors).toBeUndefined();
      expect(performance.now() - started).toBeLessThan(2_000);
      expect((await api.execute(STATS)).errors).toBeUndefined();
    },
  );

  it('stop() ends even when Neo4j was killed by a signal', async () => {
    const pid = neo4j.pid;
    expect(pid).toBeDefined();
    process.kill(pid!, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const stopped = await Promise.race([
      neo4j.stop().then(() => 'stopped'),
      new Promise((resolve) => setTimeout(() => resolve('hung'), 5_000)),
    ]);
    expect(stopped).toBe('stopped');
  });
});
