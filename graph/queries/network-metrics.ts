import type { Db } from '../driver.js';
import {
  computePairNetworkMetrics,
  type NetworkMetricsRow,
  type PairNetwork,
} from '../analysis/network-metrics.js';
import type { CoverageIndex } from './coverage.js';
import type { DispositifFilterParams } from './dispositif-filter.js';
import { findPartnershipPairs } from './partners.js';
import type { NodeRow } from './rows.js';

export interface VersionedNetworkMetrics extends NetworkMetricsRow {
  graphVersion: number;
}

interface MetricsCache {
  version: number;
  byFilter: Map<string, Promise<VersionedNetworkMetrics>>;
}

// Per database connection (the unscoped view every request shares), emptied when the graph version moves.
const caches = new WeakMap<Db, MetricsCache>();
/** Filters remembered per graph version: each is a few KB of metrics (a few MB nationally). */
const MAX_CACHED_FILTERS = 200;

// The name and type of each organisation of the network: the national one has ~33,000,
// whose full properties took ~25 s to read and decode.
const FIND_ORGANISATION_HEADERS = /* cypher */ `
  UNWIND $ids AS id
  MATCH (o:Organisation {id: id})
  RETURN o.id AS id, o.name AS name, o.type AS type`;

async function findOrganisationHeaders(db: Db, ids: readonly string[]): Promise<NodeRow[]> {
  const rows = await db.read<{ id: string; name: string | null; type: string | null }>(
    FIND_ORGANISATION_HEADERS,
    { ids },
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => {
    const row = byId.get(id);
    const props: Record<string, unknown> = { name: row?.name ?? id };
    if (row?.type) props.type = row.type;
    return { id, label: 'Organisation', props };
  });
}

/**
 * The pairs the metrics are computed on, heaviest first: Louvain over the national
 * network's 7.3 million pairs (one dispositif of 1,941 organisations makes 1.9 million)
 * took minutes of the server's only thread.
 */
export const MAX_METRICS_PAIRS = 200_000;

/**
 * The partnership projection a filter selects (the pairs of `partnershipNetwork`, up
 * to MAX_METRICS_PAIRS rather than its 5,000, heaviest first), as arrays over the
 * organisations the pairs kept reach, numbered in id order.
 */
export async function findPairNetwork(
  db: Db,
  index: CoverageIndex,
  params: DispositifFilterParams,
  maxPairs = MAX_METRICS_PAIRS,
): Promise<PairNetwork> {
  const { organisations, pairs, total } = await findPartnershipPairs(db, index, params, maxPairs);
  const order = [...pairs].sort((x, y) => x.a - y.a || x.b - y.b);
  // Organisations renumbered over the pairs kept: one left without any is not in the network.
  const ends = [...new Set(order.flatMap((pair) => [pair.a, pair.b]))].sort((a, b) => a - b);
  const renumber = new Map(ends.map((end, i) => [end, i]));
  return {
    nodes: await findOrganisationHeaders(
      db,
      ends.map((end) => organisations[end]!),
    ),
    sources: Int32Array.from(order, (pair) => renumber.get(pair.a)!),
    targets: Int32Array.from(order, (pair) => renumber.get(pair.b)!),
    weights: Float64Array.from(order, (pair) => pair.weight),
    truncated: total > pairs.length,
  };
}

/**
 * Metrics of the partnership network a filter selects (the same projection as
 * `partnershipNetwork`, graph/queries/partners.ts), cached until the graph changes.
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
  const computing = findPairNetwork(scopedDb, index, params).then((network) => ({
    ...computePairNetworkMetrics(network),
    graphVersion: version,
  }));
  const byFilter = cache.byFilter;
  byFilter.set(key, computing);
  computing.catch(() => {
    if (byFilter.get(key) === computing) byFilter.delete(key);
  });
  return computing;
}
