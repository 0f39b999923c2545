import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import type { SeedGraph } from '../../graph/model.js';
import { countGraph } from '../../graph/queries/stats.js';
import { countStagingNodes, loadSeedGraph } from '../../graph/queries/import.js';
import { loadDataset } from '../../seeds/load.js';
import { createTestApi } from '../helpers/graphql.js';
import { removeSyntheticNodes } from '../helpers/synthetic-graph.js';

const api = createTestApi();
afterAll(() => api.close());

/** `count` new organisations, each partner of the next, seated in Libourne: several staged batches. */
function probeGraph(prefix: string, count: number): SeedGraph {
  const ids = Array.from({ length: count }, (_, i) => `org:test-${prefix}-${String(i).padStart(5, '0')}`);
  return {
    nodes: ids.map((id) => ({ label: 'Organisation', id, props: { name: `Sonde ${id}`, aliases: [] } })),
    relationships: [
      ...ids.slice(1).map((id, i) => ({
        type: 'PARTNERS_WITH' as const,
        from: ids[i]!,
        to: id,
        sources: ['src:x'],
        props: {},
      })),
      ...ids.map((id) => ({
        type: 'LOCATED_IN' as const,
        from: id,
        to: 'com:33243',
        sources: ['src:x'],
        props: {},
      })),
    ],
  };
}

const NODE_QUERY = /* GraphQL */ `
  query ($id: ID!) {
    node(id: $id) {
      id
    }
    search(text: "Sonde") {
      node {
        id
      }
    }
  }
`;

describe('seed loading', () => {
  it('changes nothing when the dataset is loaded a second time', async () => {
    const before = await countGraph(api.db);
    await loadDataset(api.db, () => {});
    expect(await countGraph(api.db)).toEqual(before);
  });

  it('writes nothing when one relationship points at a missing node', async () => {
    const before = await countGraph(api.db);
    const attempt = loadSeedGraph(api.db, {
      nodes: [
        { label: 'Organisation', id: 'org:atomicity-probe', props: { name: 'Atomicity probe', aliases: [] } },
      ],
      relationships: [
        { type: 'CARRIES', from: 'org:atomicity-probe', to: 'dis:missing', sources: ['src:x'], props: {} },
      ],
    });
    await expect(attempt).rejects.toThrow(/missing nodes/);
    expect(await countGraph(api.db)).toEqual(before);
    expect(await countStagingNodes(api.db)).toBe(0);
  });

  it('leaves the database as before when a batch fails midway, and shows nothing while staging', async () => {
    const before = await countGraph(api.db);
    const seen: unknown[] = [];
    const attempt = loadSeedGraph(api.db, probeGraph('atomic', 12_000), {
      beforeStagedBatch: async (staged) => {
        if (staged < 4) return;
        // Nodes and relationships are staged: the app must not see any of them yet
        seen.push((await api.execute(NODE_QUERY, { id: 'org:test-atomic-00001' })).data);
        expect(await countStagingNodes(api.db)).toBeGreaterThanOrEqual(12_000);
        throw new Error('batch failed midway');
      },
    });
    await expect(attempt).rejects.toThrow(/midway/);
    expect(seen).toEqual([{ node: null, search: [] }]);
    expect(await countGraph(api.db)).toEqual(before);
    expect(await countStagingNodes(api.db)).toBe(0);
  });

  it('makes a staged load visible all at once, relationships to existing nodes included', async () => {
    const before = await countGraph(api.db);
    const graph = probeGraph('staged', 6_000);
    onTestFinished(() =>
      removeSyntheticNodes(
        api.db,
        graph.nodes.map((node) => node.id),
      ),
    );
    const counts = await loadSeedGraph(api.db, graph);
    expect(counts.nodes.Organisation).toBe(6_000);
    expect(counts.relationships).toMatchObject({ PARTNERS_WITH: 5_999, LOCATED_IN: 6_000 });
    const after = await countGraph(api.db);
    const count = (stats: typeof before, name: string) =>
      [
        ...stats.nodes.map((n) => [n.label, n.count] as const),
        ...stats.relationships.map((r) => [r.type, r.count] as const),
      ].find(([key]) => key === name)?.[1] ?? 0;
    expect(count(after, 'Organisation') - count(before, 'Organisation')).toBe(6_000);
    expect(count(after, 'LOCATED_IN') - count(before, 'LOCATED_IN')).toBe(6_000);
    const { data } = await api.execute(NODE_QUERY, { id: 'org:test-staged-05999' });
    expect(data).toMatchObject({ node: { id: 'org:test-staged-05999' } });
    expect((data as { search: unknown[] }).search.length).toBeGreaterThan(0);
    expect(await countStagingNodes(api.db)).toBe(0);
    // A second load of the same graph writes over the visible nodes, and changes nothing
    await loadSeedGraph(api.db, graph);
    expect(await countGraph(api.db)).toEqual(after);
  });

  it('refuses an invalid dataset, naming the file and line, and loads nothing', async () => {
    const before = await countGraph(api.db);
    await expect(loadDataset(api.db, () => {}, 'seeds/dataset/fixtures/unknown-id')).rejects.toThrow(
      /\.yaml:\d+ /,
    );
    expect(await countGraph(api.db)).toEqual(before);
  });
});
