import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../../graph/driver.js';
import { applyEditWrites, loadEditState } from '../../graph/queries/edits.js';
import { awaitSearchIndex } from '../../graph/queries/search.js';
import { createBenchEditor } from './editor.js';
import type { BenchSuite } from './harness.js';
import { timeInTurns, timeMedian } from './harness.js';

/** The organisation the floor edits: WeJOB's like (the same properties, as many links), not WeJOB, whose versions follow the timed edits. */
const FLOOR_ORGANISATION = 'org:afdas';

// The least a mutation's transaction can be over the raw driver: lock the graph version
// and read the node, then write one property, with none of the Atlas's data around it.
const FLOOR_LOCK_AND_READ = /* cypher */ `
  MERGE (v:GraphVersion {key: 'graph'})
  SET v.value = coalesce(v.value, 0) + 1
  WITH v
  MATCH (o:Organisation {id: $id})
  RETURN v.value AS seq, properties(o) AS props`;
const FLOOR_WRITE = /* cypher */ `
  MATCH (v:GraphVersion {key: 'graph'})
  SET v.benchFloor = $round`;
const FLOOR_CLEAN = /* cypher */ `
  MATCH (v:GraphVersion {key: 'graph'})
  REMOVE v.benchFloor`;

/**
 * The floor of updateOrganisation: its own Cypher (graph/queries/edits.ts) over the driver,
 * in one transaction as the mutation runs it. Lock the graph version, check the credential
 * and read the node; then write its new properties, a new user-edit source cited by it and
 * the :Change. What it leaves out: HTTP, GraphQL, the recorder's bookkeeping. It edits
 * another organisation than the timed mutation, whose versions must follow its own edits.
 */
async function updateByDriver(
  db: Db,
  p: { id: string; description: string; author: { id: string; email: string }; tokenHash: string },
): Promise<void> {
  await db.writeTransaction(async (tx) => {
    const loaded = await loadEditState(tx, {
      ids: [p.id],
      links: [],
      linksOf: [],
      departements: null,
      credential: { kind: 'session', tokenHash: p.tokenHash, now: Date.now() },
    });
    const node = loaded.nodes[0];
    if (!node || !loaded.credentialUser) throw new Error(`floor: ${p.id} or the session is missing`);
    const sourceId = `src:edit-${new Date().toISOString().slice(0, 10)}-${randomBytes(4).toString('hex')}`;
    const state = { label: node.state.label, props: { ...node.state.props, description: p.description } };
    const link = `MENTIONED_IN|${p.id}|${sourceId}`;
    const cited = { type: 'MENTIONED_IN' as const, from: p.id, to: sourceId, props: { sources: [sourceId] } };
    await applyEditWrites(tx, {
      source: { id: sourceId, title: 'connaissance de terrain', url: null, author: p.author.email },
      nodes: [{ id: p.id, state }],
      links: [{ ...cited, fromLabel: 'Organisation', toLabel: 'Source' }],
      removedLinks: [],
      removedNodes: [],
      change: {
        uid: `chg:${randomUUID()}`,
        seq: loaded.seq,
        at: new Date().toISOString(),
        authorId: p.author.id,
        authorEmail: p.author.email,
        operation: 'updateOrganisation',
        kind: 'UPDATE',
        nodeIds: [p.id, sourceId],
        fields: [link, `${p.id}.description`],
        reason: 'bench',
        sourceId,
        before: JSON.stringify({ nodes: { [p.id]: node.state }, links: { [link]: null } }),
        after: JSON.stringify({ nodes: { [p.id]: state }, links: { [link]: cited } }),
        revertOf: null,
        revertedBy: null,
      },
    });
  });
}

/** Issue 12: a typical mutation (rename an organisation of the seed) through HTTP, as the page sends it. */
export const editingBench: BenchSuite = async ({ db, appUrl }) => {
  // The seed load just queued its whole graph for the search index: timed edits wait for none of it.
  await awaitSearchIndex(db);
  const { uid, email, tokenHash, mutate } = await createBenchEditor(db, appUrl);

  // Edits WeJOB's description, each time from the version the last edit returned (the
  // first from the one it has: a kept database may hold earlier runs' edits).
  let version = (
    await mutate<{ node: { version: number } }>(
      `query($id: ID!) { node(id: $id) { ... on Organisation { version } } }`,
      { id: 'org:wejob' },
    )
  ).node.version;
  let round = 0;
  const rename = async () => {
    const data = await mutate<{ updateOrganisation: { node: { version: number } } }>(
      `mutation($id: ID!, $version: Int!, $patch: OrganisationPatch!, $change: ChangeInput!) {
        updateOrganisation(id: $id, version: $version, patch: $patch, change: $change) {
          change { id } node { ... on Organisation { version } } } }`,
      { id: 'org:wejob', version, patch: { description: `Relu sur le terrain (${(round += 1)})` } },
    );
    version = data.updateOrganisation.node.version;
  };
  const link = () =>
    mutate(
      `mutation($input: RelationshipInput!, $change: ChangeInput!) {
        addRelationship(input: $input, change: $change) { change { id } } }`,
      {
        input: {
          type: 'PARTNERS_IN',
          from: 'org:pole-emploi',
          to: 'dis:jobeurs-seniors',
          role: `accueil ${(round += 1)}`,
        },
      },
    );
  const create = () =>
    mutate(
      `mutation($input: DispositifInput!, $change: ChangeInput!) {
        createDispositif(input: $input, change: $change) { node { id } } }`,
      {
        input: {
          name: `Dispositif de banc ${randomUUID().slice(0, 8)}`,
          type: 'action',
          status: 'active',
          territories: ['dep:33'],
        },
      },
    );
  const sameCypher = () =>
    updateByDriver(db, {
      id: FLOOR_ORGANISATION,
      description: `Relu sur le terrain (${(round += 1)})`,
      author: { id: uid, email },
      tokenHash,
    });
  const floor = () =>
    db.writeTransaction(async (tx) => {
      await tx.run(FLOOR_LOCK_AND_READ, { id: 'org:wejob' });
      await tx.run(FLOOR_WRITE, { round: (round += 1) });
    });
  // Alternated in one run: the floors move with the machine's load as much as the mutation does.
  const {
    update,
    floor: floorMs,
    least: leastMs,
  } = await timeInTurns({ update: rename, floor: sameCypher, least: floor }, 31, 5);
  await db.write(FLOOR_CLEAN);
  return [
    {
      name: 'editing: updateOrganisation over HTTP (p50, seed graph)',
      value: update,
      target: 30,
      note: `session cookie, user-edit source, :Change in the same transaction; ${(update / floorMs).toFixed(2)}× its Cypher over the driver`,
    },
    {
      name: 'editing: floor, its Cypher in one transaction over the raw driver (p50)',
      value: floorMs,
      note: 'BEGIN, lock + credential + read, the writes with the source and the :Change, COMMIT: no HTTP, no GraphQL',
    },
    {
      name: 'editing: least transaction, one property written (p50)',
      value: leastMs,
      note: 'BEGIN, lock and read, one property written, COMMIT',
    },
    { name: 'editing: addRelationship over HTTP (p50)', value: await timeMedian(link, 31, 5) },
    {
      name: 'editing: createDispositif with a territory over HTTP (p50)',
      value: await timeMedian(create, 31, 5),
    },
  ];
};
