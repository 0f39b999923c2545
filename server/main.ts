import type { Server } from 'node:http';
import type { Db } from '../graph/driver.js';
import { COVERAGE_WITHIN_LEVELS } from '../graph/coverage-gaps/grid.js';
import { readCoverageReport } from '../graph/coverage-gaps/report.js';
import type { TerritoryLevel } from '../graph/model.js';
import { loadCoverageIndex, planCoveragePatch, prepareCoverageGrid } from '../graph/queries/coverage.js';
import { findGraphVersion } from '../graph/queries/graph-version.js';
import { REGION_ID } from '../seeds/grid/build-grid.js';
import { createAppServer } from './app.js';
import { fromCoverageFilter } from './schema/filters.js';

/**
 * The coverage the page opens on, the région's at each level without a filter, as a
 * request would read it: a first reader of a national graph would otherwise wait for
 * the ~20,000 dispositifs that reach its communes to be read and classified.
 */
async function prepareRegionCoverage(db: Db): Promise<void> {
  const index = await loadCoverageIndex(db);
  if (!index.grid.territories.has(REGION_ID)) return;
  const levels = Object.keys(COVERAGE_WITHIN_LEVELS) as TerritoryLevel[];
  for (const level of levels) {
    const report = await readCoverageReport(
      db,
      index,
      { level, within: REGION_ID, only: null },
      fromCoverageFilter({}),
    );
    report.map();
  }
}

/**
 * What a server reads before it listens (`npm start`, the bench's app process): the coverage
 * grid, which only a load changes, and the région's coverage, so that no request waits for them.
 */
export async function prepareServer(db: Db, log: (line: string) => void): Promise<void> {
  const started = performance.now();
  const { territories } = await prepareCoverageGrid(db);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  log(`Coverage grid read: ${territories.size} territories in ${seconds} s`);
  const coverageStarted = performance.now();
  try {
    await Promise.all([prepareRegionCoverage(db), planCoveragePatch(db)]);
    log(`Coverage of the région prepared in ${((performance.now() - coverageStarted) / 1000).toFixed(1)} s`);
  } catch (error) {
    // A head start, not a condition of serving: the first request reads what is missing.
    log(`Coverage of the région not prepared (${error instanceof Error ? error.message : error})`);
  }
}

/**
 * Prepares the région's coverage again each time the graph version moves (an edit or an
 * import, by this process or another), looked at every `intervalMs`: the next reader
 * finds it ready rather than paying for the read, which after a national import is a
 * read of everything. Gives the function that stops it.
 */
export function keepCoveragePrepared(
  db: Db,
  { intervalMs = 2_000, onPrepared }: { intervalMs?: number; onPrepared?: (version: number) => void } = {},
): () => void {
  let prepared: number | undefined;
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void (async () => {
      const version = await findGraphVersion(db);
      if (version !== prepared) {
        await prepareRegionCoverage(db);
        prepared = version;
        onPrepared?.(version);
      }
    })()
      // Tried again at the next look; a request meanwhile reads what it needs.
      .catch(() => {})
      .finally(() => (busy = false));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** Starts listening; resolves once the port is bound. */
export function listen(db: Db, port: number, host = '127.0.0.1'): Promise<Server> {
  const server = createAppServer(db);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
