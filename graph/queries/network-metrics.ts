import type { Db } from '../driver.js';
import { computeNetworkMetrics, type NetworkMetricsRow } from '../analysis/network-metrics.js';
import type { CoverageIndex } from './coverage.js';
import type { DispositifFilterParams } from './dispositif-filter.js';
import { findPartnershipNetwork } from './partners.js';

export interface VersionedNetworkMetrics extends NetworkMetricsRow {
  graphVersion: number;
}

interface MetricsCache {
  version: number;
  byFilter: Map<string, Promise<VersionedNetworkMetrics>>;
}

// Per database connection (the unscoped view every request shares), emptied when the graph version moves.
const caches = new WeakMap<Db, MetricsCache>();
/** Filters remembered per graph version: each is a few KB of metrics. */
const MAX_CACHED_FILTERS = 200;

/**
 * Metrics of the partnership network a filter selects (graph/queries/partners.ts,
 * the same projection as `partnershipNetwork`), cached until the graph changes.
 */
export async function findNetworkMetrics(
  scopedDb: Db,
  index: CoverageIndex,
  params: DispositifFilterParams,
): Promise<VersionedNetworkMetrics> {
  // The coverage index was read at the current graph version.
  const version = index.version;
  const db = scopedDb.base;
  let cache = caches.get(db);
  if (!cache || cache.version !== version) {
    cache = { version, byFilter: new Map() };
    caches.set(db, cache);
  }
  const key = JSON.stringify(params);
  const cached = cache.byFilter.get(key);
  if (cached) return cached;
  if (cache.byFilter.size >= MAX_CACHED_FILTERS) cache.byFilter.clear();
  // Read through the request's own view, so that an abandoned request stops its read;
  // a failed computation is forgotten rather than served.
  const computing = findPartnershipNetwork(scopedDb, index, params).then((slice) => ({
    ...computeNetworkMetrics(slice),
    graphVersion: version,
  }));
  const byFilter = cache.byFilter;
  byFilter.set(key, computing);
  computing.catch(() => {
    if (byFilter.get(key) === computing) byFilter.delete(key);
  });
  return computing;
}
