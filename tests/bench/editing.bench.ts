import { randomUUID } from 'node:crypto';
import { awaitSearchIndex } from '../../graph/queries/search.js';
import { createUser } from '../../graph/queries/users.js';
import { hashPassword } from '../../server/auth/secrets.js';
import { CSRF_HEADER } from '../../server/csrf.js';
import type { BenchSuite } from './harness.js';
import { timeAlternated, timeMedian } from './harness.js';

const CHANGE = { source: { title: 'connaissance de terrain' }, reason: 'bench' };

// The floor of a mutation over the raw driver: the same transaction's shape (lock the graph
// version and read the node, then one write) with none of the Atlas's work around it.
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

/** An editor logged in through /auth/login: its session cookie. */
async function logIn(appUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${appUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`login failed: ${response.status}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0]!;
}

/** Issue 12: a typical mutation (rename an organisation of the seed) through HTTP, as the page sends it. */
export const editingBench: BenchSuite = async ({ db, appUrl }) => {
  // The seed load just queued its whole graph for the search index: timed edits wait for none of it.
  await awaitSearchIndex(db);
  const email = `bench-${randomUUID().slice(0, 8)}@bench.atlas`;
  const password = `pw-${randomUUID()}`;
  await createUser(db, {
    uid: randomUUID(),
    email,
    passwordHash: await hashPassword(password),
    role: 'editor',
    departements: [],
  });
  const cookie = await logIn(appUrl, email, password);

  async function mutate<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const response = await fetch(`${appUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1', cookie },
      body: JSON.stringify({ query, variables: { change: CHANGE, ...variables } }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!;
  }

  // Edits WeJOB's description, each time from the version the last edit returned.
  let version = 0;
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
  const floor = () =>
    db.writeTransaction(async (tx) => {
      await tx.run(FLOOR_LOCK_AND_READ, { id: 'org:wejob' });
      await tx.run(FLOOR_WRITE, { round: (round += 1) });
    });
  // Alternated in one run: the floor moves with the machine's load as much as the mutation does.
  const { a: update, b: floorMs } = await timeAlternated(rename, floor, 31, 5);
  await db.write(FLOOR_CLEAN);
  return [
    {
      name: 'editing: updateOrganisation over HTTP (p50, seed graph)',
      value: update,
      target: 30,
      note: `session cookie, user-edit source, :Change in the same transaction; ${(update / floorMs).toFixed(2)}× the floor`,
    },
    {
      name: 'editing: floor, the same transaction shape over the raw driver (p50)',
      value: floorMs,
      note: 'BEGIN, lock and read, one write, COMMIT: no HTTP, no GraphQL',
    },
    { name: 'editing: addRelationship over HTTP (p50)', value: await timeMedian(link, 31, 5) },
    {
      name: 'editing: createDispositif with a territory over HTTP (p50)',
      value: await timeMedian(create, 31, 5),
    },
  ];
};
