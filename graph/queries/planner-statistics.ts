import type { Db } from '../driver.js';

/**
 * Index statistics the Cypher planner costs plans with. Neo4j samples an index in the
 * background, some seconds after enough of it changed: right after a load into an empty
 * database every index still counts zero entries, and a query planned then (the first
 * coverage read of a freshly seeded server) scanned a whole index once per row of its
 * UNWIND, 7–9 s instead of 0.3 s, and kept that plan for its next calls.
 */

const RESAMPLE_OUTDATED_INDEXES = /* cypher */ `CALL db.resampleOutdatedIndexes()`;

// Neo4j's own threshold for an outdated index (db.index_sampling.update_percentage, 5 % by
// default), and a hundred updates at least: a misjudged index of a few dozen entries costs nothing.
const COUNT_OUTDATED_INDEXES = /* cypher */ `
  CALL db.stats.retrieve('GRAPH COUNTS') YIELD data
  RETURN size([index IN data.indexes
    WHERE index.updatesSinceEstimation > 0.05 * index.totalSize + 100]) AS outdated`;

const CLEAR_QUERY_CACHES = /* cypher */ `CALL db.clearQueryCaches()`;

const WAIT_STEP_MS = 50;

/**
 * After a bulk load: samples the indexes it outdated, waits (up to `timeoutMs`) for the
 * samples, and drops the plans made with the old ones. Nothing when no index is outdated:
 * every cached plan would be made again (up to a second for the coverage reads).
 */
export async function refreshPlannerStatistics(db: Db, timeoutMs = 10_000): Promise<void> {
  try {
    if ((await countOutdatedIndexes(db)) === 0) return;
    await db.read(RESAMPLE_OUTDATED_INDEXES);
    const until = Date.now() + timeoutMs;
    while ((await countOutdatedIndexes(db)) > 0 && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
    }
    await db.read(CLEAR_QUERY_CACHES);
  } catch {
    // Best effort, and the load is already visible: a database that refuses these procedures
    // (a managed one, a user without admin rights) keeps Neo4j's own sampling schedule.
  }
}

export async function countOutdatedIndexes(db: Db): Promise<number> {
  const [row] = await db.read<{ outdated: number }>(COUNT_OUTDATED_INDEXES);
  return row?.outdated ?? 0;
}
