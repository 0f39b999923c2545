import type { Db } from '../driver.js';
import {
  computePairNetworkMetrics,
  type NetworkMetricsRow,
  type PairNetwork,
} from '../analysis/network-metrics.js';
import type { DispositifFilterParams } from './dispositif-filter.js';
import { findGraphVersion } from './graph-version.js';
import { findNetworkMembers } from './partners.js';
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
 * The partnership projection a filter selects (the pairs of `partnershipNetwork`,
 * up to MAX_METRICS_PAIRS rather than its 5,000), as arrays: organisations
 * numbered in id order, each pair of a dispositif as one number in a typed array,
 * sorted and counted in runs — the national network is ~10^7 pair occurrences
 * making 7.3 million pairs, which a Map of pairs holds far more slowly.
 */
export async function findPairNetwork(
  db: Db,
  params: DispositifFilterParams,
  maxPairs = MAX_METRICS_PAIRS,
): Promise<PairNetwork> {
  const { involvements, directRows: direct, ids, number } = await findNetworkMembers(db, params);
  const width = ids.length;
  let count = 0;
  for (const row of involvements) count += (row.organisations.length * (row.organisations.length - 1)) / 2;
  const occurrences = new Float64Array(count);
  let at = 0;
  for (const row of involvements) {
    const members = row.organisations.map((id) => number.get(id)!).sort((a, b) => a - b);
    for (let i = 0; i < members.length; i += 1)
      for (let j = i + 1; j < members.length; j += 1) occurrences[at++] = members[i]! * width + members[j]!;
  }
  occurrences.sort();
  // An explicit partnership counts once per pair, whichever way and however often it is written.
  const explicit = new Set(
    direct.map((row) => {
      const [a, b] = [number.get(row.a)!, number.get(row.b)!];
      return Math.min(a, b) * width + Math.max(a, b);
    }),
  );
  const keys: number[] = [];
  const weights: number[] = [];
  for (let i = 0; i < occurrences.length;) {
    const key = occurrences[i]!;
    let j = i;
    while (j < occurrences.length && occurrences[j] === key) j += 1;
    keys.push(key);
    weights.push(j - i + (explicit.delete(key) ? 1 : 0));
    i = j;
  }
  for (const key of explicit) {
    keys.push(key);
    weights.push(1);
  }
  const kept = heaviestPairs(weights, maxPairs);
  const order = kept.sort((x, y) => keys[x]! - keys[y]!);
  // Organisations renumbered over the pairs kept: one left without any is not in the network.
  const ends = [...new Set(order.flatMap((i) => [Math.floor(keys[i]! / width), keys[i]! % width]))].sort(
    (a, b) => a - b,
  );
  const renumber = new Map(ends.map((end, i) => [end, i]));
  return {
    nodes: await findOrganisationHeaders(
      db,
      ends.map((end) => ids[end]!),
    ),
    sources: Int32Array.from(order, (i) => renumber.get(Math.floor(keys[i]! / width))!),
    targets: Int32Array.from(order, (i) => renumber.get(keys[i]! % width)!),
    weights: Float64Array.from(order, (i) => weights[i]!),
    truncated: kept.length < keys.length,
  };
}

/**
 * Indices of the `max` heaviest pairs (ties: the first ones), in one pass over a
 * histogram of the weights rather than a sort of millions of pairs.
 */
export function heaviestPairs(weights: readonly number[], max: number): number[] {
  if (weights.length <= max) return weights.map((_, i) => i);
  const histogram = new Map<number, number>();
  for (const weight of weights) histogram.set(weight, (histogram.get(weight) ?? 0) + 1);
  let room = max;
  let threshold = Infinity;
  let atThreshold = 0;
  for (const weight of [...histogram.keys()].sort((a, b) => b - a)) {
    const count = histogram.get(weight)!;
    threshold = weight;
    if (count >= room) {
      atThreshold = room;
      break;
    }
    room -= count;
  }
  const kept: number[] = [];
  weights.forEach((weight, i) => {
    if (weight > threshold) kept.push(i);
    else if (weight === threshold && atThreshold > 0) {
      kept.push(i);
      atThreshold -= 1;
    }
  });
  return kept;
}

/**
 * Metrics of the partnership network a filter selects (the same projection as
 * `partnershipNetwork`, graph/queries/partners.ts), cached until the graph changes.
 */
export async function findNetworkMetrics(
  scopedDb: Db,
  params: DispositifFilterParams,
): Promise<VersionedNetworkMetrics> {
  const version = await findGraphVersion(scopedDb);
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
  const computing = findPairNetwork(scopedDb, params).then((network) => ({
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
