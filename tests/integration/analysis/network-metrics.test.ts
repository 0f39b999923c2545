import { afterAll, describe, expect, it } from 'vitest';
import { loadCoverageIndex } from '../../../graph/queries/coverage.js';
import { toDispositifFilterParams } from '../../../graph/queries/dispositif-filter.js';
import { computeNetworkMetricsOf, MAX_METRICS_PAIRS } from '../../../graph/queries/network-metrics.js';
import { createTestApi } from '../../helpers/graphql.js';

const api = createTestApi();
afterAll(() => api.close());

const METRICS = /* GraphQL */ `
  query Metrics($territory: ID, $theme: ID, $public: ID, $activeOn: Date) {
    networkMetrics(territory: $territory, theme: $theme, public: $public, activeOn: $activeOn) {
      modularity
      betweennessMethod
      graphVersion
      truncated
      maxPairs
      nodes {
        node {
          id
        }
        degree
        weightedDegree
        betweenness
        pageRank
        community
      }
      communities {
        id
        size
        central {
          id
        }
      }
    }
    partnershipNetwork(territory: $territory, theme: $theme, public: $public, activeOn: $activeOn) {
      nodes {
        id
      }
      edges {
        source
        target
      }
    }
  }
`;

interface MetricsAnswer {
  data?: {
    networkMetrics: {
      modularity: number;
      betweennessMethod: string;
      graphVersion: number;
      truncated: boolean;
      maxPairs: number;
      nodes: {
        node: { id: string };
        degree: number;
        weightedDegree: number;
        betweenness: number;
        pageRank: number;
        community: number;
      }[];
      communities: { id: number; size: number; central: { id: string }[] }[];
    };
    partnershipNetwork: { nodes: { id: string }[]; edges: { source: string; target: string }[] };
  } | null;
  errors?: { extensions?: Record<string, unknown> }[];
}

const metricsOf = async (variables: Record<string, unknown> = {}) =>
  (await api.execute(METRICS, variables)) as MetricsAnswer;

describe('networkMetrics', () => {
  it('covers the partnership network: same organisations, degrees from its edges', async () => {
    const { data, errors } = await metricsOf();
    expect(errors).toBeUndefined();
    const { networkMetrics: metrics, partnershipNetwork: network } = data!;
    expect(new Set(metrics.nodes.map((row) => row.node.id))).toEqual(
      new Set(network.nodes.map((node) => node.id)),
    );
    const wejob = metrics.nodes.find((row) => row.node.id === 'org:wejob')!;
    const wejobEdges = network.edges.filter(
      (edge) => edge.source === 'org:wejob' || edge.target === 'org:wejob',
    );
    expect(wejob.degree).toBe(wejobEdges.length);
    expect(wejob.weightedDegree).toBeGreaterThanOrEqual(wejob.degree);
    expect(metrics.betweennessMethod).toBe('EXACT');
    // The cap the panel words `truncated` with, from the API rather than the page.
    expect(metrics.maxPairs).toBe(MAX_METRICS_PAIRS);
    expect(metrics.truncated).toBe(false);
  });

  it('computes the same metrics on the worker thread as on the server thread', async () => {
    const index = await loadCoverageIndex(api.db);
    const params = toDispositifFilterParams({}, index);
    // Cut to fewer pairs than the seed network has, so that both cut it the same way.
    const [inline, offThread] = await Promise.all([
      computeNetworkMetricsOf(api.db, { version: index.version, index }, params, {
        maxPairs: 60,
        offThread: false,
      }),
      computeNetworkMetricsOf(api.db, { version: index.version, index }, params, {
        maxPairs: 60,
        offThread: true,
      }),
    ]);
    expect(offThread.truncated).toBe(true);
    expect(offThread.nodes.length).toBeGreaterThan(10);
    expect(offThread).toEqual(inline);
  });

  it('finds communities with their central members, and ranks hubs first', async () => {
    const metrics = (await metricsOf()).data!.networkMetrics;
    expect(metrics.communities.length).toBeGreaterThan(1);
    expect(metrics.modularity).toBeGreaterThan(0.2);
    expect(metrics.communities.reduce((sum, community) => sum + community.size, 0)).toBe(
      metrics.nodes.length,
    );
    const ids = new Set(metrics.communities.map((community) => community.id));
    for (const row of metrics.nodes) expect(ids.has(row.community)).toBe(true);
    const top = metrics.nodes.slice(0, 5).map((row) => row.node.id);
    expect(top).toContain('org:pole-emploi');
    const broker = [...metrics.nodes].sort((a, b) => b.betweenness - a.betweenness)[0]!;
    expect(broker.betweenness).toBeGreaterThan(0);
  });

  it('follows the filter, as partnershipNetwork does', async () => {
    const all = (await metricsOf()).data!.networkMetrics;
    const { data } = await metricsOf({ theme: 'theme:trouver-un-emploi' });
    expect(data!.networkMetrics.nodes.length).toBe(data!.partnershipNetwork.nodes.length);
    expect(data!.networkMetrics.nodes.length).toBeLessThan(all.nodes.length);
  });

  it('is cached at one graph version: a second answer is the same', async () => {
    const first = (await metricsOf()).data!.networkMetrics;
    const started = performance.now();
    const second = (await metricsOf()).data!.networkMetrics;
    expect(second).toEqual(first);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('refuses an unknown theme as BAD_USER_INPUT naming it', async () => {
    const answer = await metricsOf({ theme: 'theme:nope' });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'theme' });
  });
});
