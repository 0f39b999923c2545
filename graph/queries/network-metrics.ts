import type { Db } from '../driver.js';
import { createGraphVersionCache } from '../version-cache.js';
import {
  computeMetricArrays,
  toNetworkMetricsRow,
  type NetworkMetricsRow,
} from '../analysis/network-metrics.js';
import { computeMetricsOffThread } from '../analysis/off-thread.js';
import { heaviestPairNetwork, pairOccurrences } from '../analysis/pair-network.js';
import { isFiltering, type DispositifFilterParams } from './dispositif-filter.js';
import { visible } from './fragments.js';
import { findPartnershipSelection, type ProjectionSource } from './partners.js';
import type { NodeRow } from './rows.js';

export interface VersionedNetworkMetrics extends NetworkMetricsRow {
  graphVersion: number;
  /** The cap on the pairs the metrics were computed on, for `truncated` to be worded. */
  maxPairs: number;
}

/** Filters remembered per graph version: each is a few KB of metrics (a few MB nationally). */
const metricsByFilter = createGraphVersionCache<Promise<VersionedNetworkMetrics>>({ maxEntries: 200 });

// The name and type of each organisation of the network: the national one has ~33,000,
// whose full properties took ~25 s to read and decode.
const FIND_ORGANISATION_HEADERS = /* cypher */ `
  UNWIND $ids AS id
  MATCH (o:Organisation {id: id}) WHERE ${visible('o')}
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
 * Above this many pair occurrences (a seed filter counts a few thousand, a national
 * département ~10^6, France 9.6·10^6) the pairs are counted and the metrics computed
 * on a worker thread, which seconds of CPU would otherwise take from every request.
 */
export const OFF_THREAD_MIN_OCCURRENCES = 200_000;

/**
 * Metrics of the projection a filter selects (the pairs of `partnershipNetwork`, up to
 * MAX_METRICS_PAIRS rather than its 5,000, heaviest first) over the organisations the
 * pairs kept reach; on a worker thread when large (or when `offThread` says so), where
 * the organisations' names are read while the metrics are computed.
 */
export async function computeNetworkMetricsOf(
  db: Db,
  at: ProjectionSource,
  params: DispositifFilterParams,
  { maxPairs = MAX_METRICS_PAIRS, offThread }: { maxPairs?: number; offThread?: boolean } = {},
): Promise<NetworkMetricsRow> {
  const { organisations, groups, links } = await findPartnershipSelection(db, at, params);
  const idsOf = (ends: Int32Array) => Array.from(ends, (end) => organisations[end]!);
  if (!(offThread ?? pairOccurrences(groups) > OFF_THREAD_MIN_OCCURRENCES)) {
    const network = heaviestPairNetwork(organisations.length, groups, links, maxPairs);
    const nodes = await findOrganisationHeaders(db, idsOf(network.ends));
    const { sources, targets, weights } = network;
    return toNetworkMetricsRow(
      nodes,
      computeMetricArrays(nodes.length, sources, targets, weights),
      network.total > sources.length,
    );
  }
  const job = computeMetricsOffThread({ width: organisations.length, groups, links, maxPairs });
  const { ends } = await job.ends;
  const [nodes, { network, metrics }] = await Promise.all([
    findOrganisationHeaders(db, idsOf(ends)),
    job.done,
  ]);
  return toNetworkMetricsRow(nodes, metrics, network.total > network.sources.length);
}

/** No criterion: the whole network, which needs the graph version only. */
export const WHOLE_NETWORK: DispositifFilterParams = {
  themes: null,
  publics: null,
  day: null,
  statuses: null,
  carrierTypes: null,
  funders: null,
  places: null,
  withoutOrganisations: null,
  withoutDispositifs: null,
};

/**
 * Metrics of the partnership network a filter selects (the same projection as
 * `partnershipNetwork`, graph/queries/partners.ts), cached until the graph changes.
 */
export async function findNetworkMetrics(
  scopedDb: Db,
  at: ProjectionSource,
  params: DispositifFilterParams,
): Promise<VersionedNetworkMetrics> {
  const { version } = at;
  const db = scopedDb.base;
  const key = isFiltering(params) ? JSON.stringify(params) : 'all';
  // Not bound to the request: a national computation may outlast one request's deadline
  // (that request answers TIMEOUT), and finishes for the next one rather than start over.
  // Once per filter and graph version, queued on the one worker.
  return metricsByFilter.get(db, version, key, () =>
    computeNetworkMetricsOf(db, at, params).then((metrics) => ({
      ...metrics,
      graphVersion: version,
      maxPairs: MAX_METRICS_PAIRS,
    })),
  );
}
