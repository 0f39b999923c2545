import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../graph/local/free-port.js';
import { startLocalNeo4j, type LocalNeo4j } from '../../graph/local/instance.js';
import { createTestApi, firstErrorCode, type TestApi } from '../helpers/graphql.js';

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
  });
  afterAll(async () => {
    await api?.close();
    await neo4j?.stop();
  });

  it('answers DATABASE_UNAVAILABLE within 2 s, then recovers by itself', async () => {
    expect((await api.execute(STATS)).errors).toBeUndefined();

    await neo4j.stop();
    const started = performance.now();
    const down = await api.execute(STATS);
    const elapsed = performance.now() - started;
    expect(firstErrorCode(down)).toBe('DATABASE_UNAVAILABLE');
    expect(elapsed).toBeLessThan(2_000);

    await neo4j.restart();
    const back = await api.execute(STATS);
    expect(back.errors).toBeUndefined();
  });
});
