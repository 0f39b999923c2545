import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import type { SeedGraph } from '../../graph/model.js';
import { countGraph } from '../../graph/queries/stats.js';
import {
  countStagingNodes,
  finalStepSize,
  findTransactionMemoryLimit,
  LoadTooLargeError,
  loadSeedGraph,
  removeStaging,
} from '../../graph/queries/import.js';
import { loadDataset } from '../../seeds/load.js';
import { createTestApi } from '../helpers/graphql.js';
import { createAccount, gql, type Account } from './editing/accounts.js';
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

const NODE_PROPS = /* GraphQL */ `
  query ($id: ID!) {
    node(id: $id) {
      id
      name
      ... on Organisation {
        version
        aliases
        description
      }
      ... on Person {
        version
      }
    }
  }
`;

/**
 * What the app shows around the existing nodes a staged load links to: their relations and
 * counts, a neighbourhood (degrees included), a path between them, the counts by type.
 */
const AROUND_EXISTING = /* GraphQL */ `
  query ($commune: ID!, $org: ID!) {
    node(id: $commune) {
      id
      relations {
        type
        node {
          id
        }
      }
      relationCounts {
        type
        direction
        count
      }
      ... on Territory {
        organisations {
          organisation {
            id
          }
        }
      }
    }
    org: node(id: $org) {
      relationCounts {
        type
        direction
        count
      }
    }
    neighbourhood(ids: [$commune, $org], depth: 1, limit: 1000) {
      nodes {
        id
        degrees {
          type
          direction
          count
        }
      }
      edges {
        source
        target
        type
      }
      truncated
    }
    shortestPath(from: $commune, to: $org) {
      nodes {
        id
      }
    }
    stats {
      nodes {
        kind
        count
      }
      relationships {
        type
        count
      }
    }
  }
`;

describe('seed loading', () => {
  it('changes nothing when the dataset is loaded a second time', async () => {
    const before = await countGraph(api.db);
    const sample = await api.execute(NODE_PROPS, { id: 'org:beta-pi' });
    const counts = await loadDataset(api.db, () => {});
    expect(counts.conflicts).toEqual([]);
    expect(await countGraph(api.db)).toEqual(before);
    expect(await api.execute(NODE_PROPS, { id: 'org:beta-pi' })).toEqual(sample);
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
    // Search forgives a typo ("Sonde" meets « Monde »): none of its hits may be a staged probe.
    const probesFound = (seen as { search: { node: { id: string } }[] }[]).map((answer) =>
      answer.search.filter((hit) => hit.node.id.startsWith('org:test-')),
    );
    expect(seen).toMatchObject([{ node: null }]);
    expect(probesFound).toEqual([[]]);
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

  it('keeps a revealed load when interrupted before its pending marks are stripped', async () => {
    const graph = probeGraph('revealed', 300);
    onTestFinished(() =>
      removeSyntheticNodes(
        api.db,
        graph.nodes.map((node) => node.id),
      ),
    );
    const attempt = loadSeedGraph(api.db, graph, {
      afterReveal: () => {
        throw new Error('killed after the final transaction');
      },
    });
    await expect(attempt).rejects.toThrow(/killed/);
    const probe = { id: 'org:test-revealed-00299' };
    expect((await api.execute(NODE_QUERY, probe)).data).toMatchObject({ node: probe });
    expect(await countStagingNodes(api.db)).toBe(300);
    // The next load's clean-up strips the labels of what is visible, and deletes none of it.
    await removeStaging(api.db);
    expect(await countStagingNodes(api.db)).toBe(0);
    expect((await api.execute(NODE_QUERY, probe)).data).toMatchObject({ node: probe });
  });

  it('shows nothing of a staged load around the existing nodes it links to, from either end, until it is visible', async () => {
    const around = { commune: 'com:33243', org: 'org:beta-pi' };
    const graph = probeGraph('linked', 6_000);
    // Each probe also partners an existing organisation: a path commune → probe → org would appear.
    graph.relationships.push(
      ...graph.nodes.map((node) => ({
        type: 'PARTNERS_WITH' as const,
        from: 'org:beta-pi',
        to: node.id,
        sources: ['src:x'],
        props: {},
      })),
    );
    const before = await api.execute(AROUND_EXISTING, around);
    expect(before.errors).toBeUndefined();
    const seen: unknown[] = [];
    const attempt = loadSeedGraph(api.db, graph, {
      beforeStagedBatch: async () => {
        if ((await countStagingNodes(api.db)) === 0) return;
        seen.push(await api.execute(AROUND_EXISTING, around));
      },
    });
    onTestFinished(() =>
      removeSyntheticNodes(
        api.db,
        graph.nodes.map((node) => node.id),
      ),
    );
    await attempt;
    // Read before each staged batch once some nodes are staged: always as before.
    expect(seen.length).toBeGreaterThanOrEqual(1);
    for (const answer of seen) expect(answer).toEqual(before);
    const after = await api.execute(AROUND_EXISTING, around);
    expect(after).not.toEqual(before);
    const territory = (after.data as { node: { organisations: unknown[] } }).node;
    expect(territory.organisations.length).toBe(
      (before.data as { node: { organisations: unknown[] } }).node.organisations.length + 6_000,
    );
    expect(await countStagingNodes(api.db)).toBe(0);
  });

  it('writes, atomically, more new nodes than one transaction could hold; refuses, before staging, a reload rewriting them all', async () => {
    const limit = await findTransactionMemoryLimit(api.db);
    expect(limit).toBe(192 * 2 ** 20);
    // More nodes than one transaction could write: a reveal per node would not fit
    const count = Math.ceil(limit! / finalStepSize(1, 0).bytes) + 1;
    const graphOf = (name: string): SeedGraph => ({
      nodes: Array.from({ length: count }, (_, i) => ({
        label: 'Organisation' as const,
        id: `org:test-huge-${i}`,
        props: { name: `${name} ${i}`, aliases: [] },
      })),
      relationships: [],
    });
    onTestFinished(async () => {
      for (let i = 0; i < count; i += 10_000) {
        const ids = Array.from({ length: Math.min(10_000, count - i) }, (_, j) => `org:test-huge-${i + j}`);
        await removeSyntheticNodes(api.db, ids);
      }
    });
    const before = await countGraph(api.db);
    await loadSeedGraph(api.db, graphOf('Trop'));
    const loaded = await countGraph(api.db);
    expect(loaded.nodes.find((n) => n.label === 'Organisation')!.count).toBe(
      before.nodes.find((n) => n.label === 'Organisation')!.count + count,
    );
    expect(await countStagingNodes(api.db)).toBe(0);
    // Every one of them changed: the final step would rewrite them all
    let batches = 0;
    const attempt = loadSeedGraph(api.db, graphOf('Renommée'), { beforeStagedBatch: () => void batches++ });
    await expect(attempt).rejects.toThrow(LoadTooLargeError);
    await expect(attempt).rejects.toThrow(new RegExp(`${count} nodes and 0 links.*over the 192 MB`));
    expect(batches).toBe(0);
    expect(await countStagingNodes(api.db)).toBe(0);
    expect(await countGraph(api.db)).toEqual(loaded);
    const { data } = await api.execute(NODE_PROPS, { id: 'org:test-huge-0' });
    expect(data).toMatchObject({ node: { name: 'Trop 0' } });
  }, 600_000);

  it('refuses an invalid dataset, naming the file and line, and loads nothing', async () => {
    const before = await countGraph(api.db);
    await expect(loadDataset(api.db, () => {}, 'seeds/dataset/fixtures/unknown-id')).rejects.toThrow(
      /\.yaml:\d+ /,
    );
    expect(await countGraph(api.db)).toEqual(before);
  });
});

// Seed nodes of article 13 (Niort) and 01: edited here through the API, restored by reverts at the end.
const SOURCE = { source: { id: 'src:2019-06-20-fablab-niortais-industrie-metiers-d-art' }, reason: 'test' };
const EDITED_NAME = 'La Bêta-Pi (Niort)';

describe('seed loading over users’ edits', () => {
  let admin: Account;
  const changes: string[] = [];

  async function mutate(query: string, variables: Record<string, unknown>) {
    const answer = await gql<Record<string, { change: { id: string } }>>(
      query,
      { change: SOURCE, ...variables },
      admin,
    );
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    changes.push(Object.values(answer.data!)[0]!.change.id);
  }
  const versionOf = async (id: string) =>
    ((await api.execute(NODE_PROPS, { id })).data as { node: { version: number } }).node.version;

  afterAll(async () => {
    // Newest first, so that no revert meets a later change of the same field.
    for (const id of changes.reverse()) {
      const answer = await gql(
        `mutation($id: ID!) { revertChange(id: $id) { change { id } } }`,
        { id },
        admin,
      );
      expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    }
    // Reverted edits are the data's again: the next load has nothing to say about them.
    expect((await loadDataset(api.db, () => {})).conflicts).toEqual([]);
  });

  it('keeps edited names and links, does not bring back what was removed, and reports each conflict', async () => {
    admin = await createAccount(api.db, 'admin');
    await mutate(
      `mutation($id: ID!, $version: Int!, $patch: OrganisationPatch!, $change: ChangeInput!) {
        updateOrganisation(id: $id, version: $version, patch: $patch, change: $change) { change { id } } }`,
      { id: 'org:beta-pi', version: await versionOf('org:beta-pi'), patch: { name: EDITED_NAME } },
    );
    await mutate(
      `mutation($input: RelationshipInput!, $change: ChangeInput!) {
        addRelationship(input: $input, change: $change) { change { id } } }`,
      { input: { type: 'PARTNERS_IN', from: 'org:beta-pi', to: 'dis:lab-eno', role: 'co-animation' } },
    );
    await mutate(
      `mutation($id: ID!, $version: Int!, $change: ChangeInput!) {
        deleteNode(id: $id, version: $version, change: $change) { change { id } } }`,
      { id: 'per:julien-simonnet', version: await versionOf('per:julien-simonnet') },
    );
    await mutate(
      `mutation($ref: RelationshipRef!, $change: ChangeInput!) {
        removeRelationship(ref: $ref, change: $change) { change { id } } }`,
      { ref: { type: 'CARRIES', from: 'org:la-bouillonneuse', to: 'dis:centre-formation-emaillage' } },
    );
    const edited = await countGraph(api.db);
    const editedNode = await api.execute(NODE_PROPS, { id: 'org:beta-pi' });

    const lines: string[] = [];
    const { conflicts } = await loadDataset(api.db, (line) => lines.push(line));

    const byTarget = new Map(conflicts.map((conflict) => [conflict.target, conflict]));
    expect(byTarget.get('org:beta-pi')).toEqual({
      target: 'org:beta-pi',
      kind: 'edited',
      fields: [{ field: 'name', seed: 'La Bêta-Pi', edited: EDITED_NAME }],
    });
    const link = byTarget.get('PARTNERS_IN|org:beta-pi|dis:lab-eno');
    expect(link?.kind).toBe('edited');
    expect(link?.fields).toContainEqual({ field: 'role', seed: 'cofondateur', edited: 'co-animation' });
    expect(byTarget.get('per:julien-simonnet')).toMatchObject({ kind: 'removed' });
    expect(byTarget.get('per:julien-simonnet')?.links).toBeGreaterThanOrEqual(1);
    expect(byTarget.get('CARRIES|org:la-bouillonneuse|dis:centre-formation-emaillage')).toMatchObject({
      kind: 'removed',
    });
    expect(conflicts).toHaveLength(4);
    expect(lines.join('\n')).toContain(
      `org:beta-pi name: dataset « "La Bêta-Pi" », kept as edited « "${EDITED_NAME}" »`,
    );
    expect(lines.join('\n')).toMatch(/per:julien-simonnet: removed by a user, not brought back/);

    // The graph is as the user left it: nothing rewritten, nothing resurrected.
    expect(await countGraph(api.db)).toEqual(edited);
    expect(await api.execute(NODE_PROPS, { id: 'org:beta-pi' })).toEqual(editedNode);
    const gone = await api.execute(NODE_PROPS, { id: 'per:julien-simonnet' });
    expect(gone.data).toEqual({ node: null });
    const [carries] = await api.db.read<{ count: number }>(
      `MATCH (:Organisation {id: $from})-[r:CARRIES]->(:Dispositif {id: $to}) RETURN count(r) AS count`,
      { from: 'org:la-bouillonneuse', to: 'dis:centre-formation-emaillage' },
    );
    expect(carries?.count).toBe(0);

    // Loading again says the same, and still changes nothing.
    const again = await loadDataset(api.db, () => {});
    expect(again.conflicts).toEqual(conflicts);
    expect(await countGraph(api.db)).toEqual(edited);
    expect(await api.execute(NODE_PROPS, { id: 'org:beta-pi' })).toEqual(editedNode);
  });
});
