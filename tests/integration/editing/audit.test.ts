import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createDb } from '../../../graph/driver.js';
import { codeOf, createAccount, FIELD_KNOWLEDGE, gql, type Account } from './accounts.js';
import { createBuilder } from './fixtures.js';

const db = createDb(inject('neo4j'));
afterAll(() => db.close());

let admin: Account;
let editor: Account;
let otherEditor: Account;
let build: ReturnType<typeof createBuilder>;

beforeAll(async () => {
  admin = await createAccount(db, 'admin');
  editor = await createAccount(db, 'editor');
  otherEditor = await createAccount(db, 'editor');
  build = createBuilder(admin);
});

const ORGANISATION = `query($id: ID!) { node(id: $id) { id name ... on Organisation { version website description aliases
  sources { id } carries { dispositif { id } } } } }`;
const UPDATE_ORG = `mutation($id: ID!, $version: Int!, $patch: OrganisationPatch!, $change: ChangeInput!) {
  updateOrganisation(id: $id, version: $version, patch: $patch, change: $change) {
    change { id kind fields nodeIds authorEmail source { id } before after }
    node { id name ... on Organisation { version } } } }`;
const REVERT = `mutation($id: ID!) { revertChange(id: $id) { change { id kind revertOf } node { id name } } }`;
const HISTORY = `query($id: ID!) { history(id: $id) { id kind operation authorEmail reason revertedBy } }`;

type OrgNode = {
  id: string;
  name: string;
  version: number;
  website: string | null;
  description: string | null;
  aliases: string[];
  sources: { id: string }[];
  carries: { dispositif: { id: string } }[];
};
const readOrg = async (id: string) =>
  (await gql<{ node: OrgNode | null }>(ORGANISATION, { id })).data?.node ?? null;

describe('an update', () => {
  it('records who, what before and after, and its user-edit source; the node cites it', async () => {
    const org = await build.organisation('com:33243', 'Structure mal nommée');
    const answer = await gql<{
      updateOrganisation: {
        change: Record<string, unknown> & { source: { id: string } };
        node: { version: number };
      };
    }>(
      UPDATE_ORG,
      {
        id: org.id,
        version: org.version,
        patch: { name: 'Structure bien nommée' },
        change: { source: { url: 'https://exemple.fr/annuaire' }, reason: 'nom officiel' },
      },
      editor,
    );
    expect(answer.errors).toBeUndefined();
    const { change, node } = answer.data!.updateOrganisation;
    expect(change.kind).toBe('UPDATE');
    expect(change.authorEmail).toBe(editor.email);
    expect(change.fields).toContain(`${org.id}.name`);
    expect(change.before).toMatchObject({ nodes: { [org.id]: { props: { name: 'Structure mal nommée' } } } });
    expect(change.after).toMatchObject({ nodes: { [org.id]: { props: { name: 'Structure bien nommée' } } } });
    expect(change.source.id).toMatch(/^src:edit-/);
    expect(node.version).toBe(org.version + 1);
    const stored = await readOrg(org.id);
    expect(stored?.name).toBe('Structure bien nommée');
    expect(stored?.sources.map((s) => s.id)).toContain(change.source.id);
  });

  it('with a stale version gets CONFLICT and changes nothing', async () => {
    const org = await build.organisation('com:33243');
    const first = await gql(
      UPDATE_ORG,
      { id: org.id, version: org.version, patch: { description: 'première' }, change: FIELD_KNOWLEDGE },
      editor,
    );
    expect(first.errors).toBeUndefined();
    const stale = await gql(
      UPDATE_ORG,
      { id: org.id, version: org.version, patch: { description: 'seconde' }, change: FIELD_KNOWLEDGE },
      otherEditor,
    );
    expect(codeOf(stale)).toBe('CONFLICT');
    expect((await readOrg(org.id))?.description).toBe('première');
  });

  it('from two editors at once: one succeeds, the other gets CONFLICT, nothing is lost', async () => {
    const org = await build.organisation('com:33243');
    const answers = await Promise.all(
      [editor, otherEditor].map((account, i) =>
        gql<{ updateOrganisation: { node: { version: number } } }>(
          UPDATE_ORG,
          {
            id: org.id,
            version: org.version,
            patch: { description: `version ${i}` },
            change: FIELD_KNOWLEDGE,
          },
          account,
        ),
      ),
    );
    const codes = answers.map((answer) => codeOf(answer) ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const winner = answers.findIndex((answer) => !answer.errors);
    const stored = await readOrg(org.id);
    expect(stored?.description).toBe(`version ${winner}`);
    expect(stored?.version).toBe(org.version + 1);
    const history = (await gql<{ history: { kind: string }[] }>(HISTORY, { id: org.id })).data!.history;
    expect(history.map((h) => h.kind)).toEqual(['UPDATE', 'CREATE']);
  });

  it('is validated like the seeds, naming the field', async () => {
    const org = await build.organisation('com:33243');
    const cases: [Record<string, unknown>, string][] = [
      [{ website: 'pas une url' }, 'patch.website'],
      [{ name: '   ' }, 'patch.name'],
      [{ name: null }, 'patch.name'],
    ];
    for (const [patch, argument] of cases) {
      const answer = await gql(
        UPDATE_ORG,
        { id: org.id, version: org.version, patch, change: FIELD_KNOWLEDGE },
        editor,
      );
      expect(codeOf(answer), argument).toBe('BAD_USER_INPUT');
      expect(answer.errors?.[0]?.extensions?.argument).toBe(argument);
    }
    const wrongEnd = await gql(
      `mutation($input: RelationshipInput!, $change: ChangeInput!) { addRelationship(input: $input, change: $change) { change { id } } }`,
      { input: { type: 'DEPLOYED_IN', from: org.id, to: 'dep:33' }, change: FIELD_KNOWLEDGE },
      editor,
    );
    expect(wrongEnd.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input.from',
    });
    const badDates = await gql(
      `mutation($input: DispositifInput!, $change: ChangeInput!) { createDispositif(input: $input, change: $change) { change { id } } }`,
      {
        input: {
          name: 'Dates à l’envers',
          type: 'action',
          status: 'active',
          startDate: '2020-01-01',
          endDate: '2019-01-01',
        },
        change: FIELD_KNOWLEDGE,
      },
      editor,
    );
    expect(badDates.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input.endDate',
    });
    const badSource = await gql(
      UPDATE_ORG,
      {
        id: org.id,
        version: org.version,
        patch: { description: 'x' },
        change: { source: { id: 'src:nulle-part' } },
      },
      editor,
    );
    expect(badSource.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'change.source.id',
    });
  });
});

describe('the journal and reverts', () => {
  it('lists changes by author and kind, pages through them, and an admin reverts one', async () => {
    const org = await build.organisation('com:33243', 'Nom exact');
    const update = await gql<{ updateOrganisation: { change: { id: string } } }>(
      UPDATE_ORG,
      { id: org.id, version: org.version, patch: { name: 'Nom erroné' }, change: FIELD_KNOWLEDGE },
      editor,
    );
    const changeId = update.data!.updateOrganisation.change.id;
    const journal = await gql<{
      changes: { changes: { id: string; authorEmail: string }[]; endCursor: string | null };
    }>(
      `query($author: String) { changes(author: $author, kind: UPDATE, first: 1) { changes { id authorEmail } endCursor } }`,
      { author: editor.email },
    );
    expect(journal.data!.changes.changes).toEqual([{ id: changeId, authorEmail: editor.email }]);
    expect(journal.data!.changes.endCursor).not.toBeNull();
    const next = await gql<{ changes: { changes: { id: string }[] } }>(
      `query($after: String) { changes(first: 5, after: $after) { changes { id } } }`,
      { after: journal.data!.changes.endCursor },
    );
    expect(next.data!.changes.changes.map((c) => c.id)).not.toContain(changeId);

    expect(codeOf(await gql(REVERT, { id: changeId }, otherEditor))).toBe('FORBIDDEN');
    const reverted = await gql<{ revertChange: { change: { kind: string; revertOf: string } } }>(
      REVERT,
      { id: changeId },
      admin,
    );
    expect(reverted.errors).toBeUndefined();
    expect(reverted.data!.revertChange.change).toMatchObject({ kind: 'REVERT', revertOf: changeId });
    expect((await readOrg(org.id))?.name).toBe('Nom exact');
    expect(codeOf(await gql(REVERT, { id: changeId }, admin))).toBe('CONFLICT');
    const history = (
      await gql<{ history: { id: string; revertedBy: string | null }[] }>(HISTORY, { id: org.id })
    ).data!.history;
    expect(history.find((h) => h.id === changeId)?.revertedBy).toBeTruthy();
  });

  it('refuses with CONFLICT a revert over a later change of the same field, and allows one over another field', async () => {
    const org = await build.organisation('com:33243');
    const first = await gql<{ updateOrganisation: { change: { id: string }; node: { version: number } } }>(
      UPDATE_ORG,
      {
        id: org.id,
        version: org.version,
        patch: { description: 'a', website: 'https://a.fr' },
        change: FIELD_KNOWLEDGE,
      },
      editor,
    );
    const v1 = first.data!.updateOrganisation;
    const second = await gql<{ updateOrganisation: { change: { id: string }; node: { version: number } } }>(
      UPDATE_ORG,
      { id: org.id, version: v1.node.version, patch: { description: 'b' }, change: FIELD_KNOWLEDGE },
      otherEditor,
    );
    expect(codeOf(await gql(REVERT, { id: v1.change.id }, admin))).toBe('CONFLICT');
    expect((await readOrg(org.id))?.description).toBe('b');
    // The later change alone can go back: nothing came after it.
    expect(
      (await gql(REVERT, { id: second.data!.updateOrganisation.change.id }, admin)).errors,
    ).toBeUndefined();
    expect((await readOrg(org.id))?.description).toBe('a');
  });

  it('restores a deleted node with its links', async () => {
    const org = await build.organisation('com:33243');
    const dis = await build.dispositif(['dep:33']);
    await build.link('CARRIES', org.id, dis.id);
    const current = await readOrg(org.id);
    const deleted = await gql<{ deleteNode: { change: { id: string; kind: string } } }>(
      `mutation($id: ID!, $version: Int!, $change: ChangeInput!) { deleteNode(id: $id, version: $version, change: $change) { change { id kind } } }`,
      { id: org.id, version: current!.version, change: FIELD_KNOWLEDGE },
      editor,
    );
    expect(deleted.data!.deleteNode.change.kind).toBe('DELETE');
    expect(await readOrg(org.id)).toBeNull();
    expect((await gql(REVERT, { id: deleted.data!.deleteNode.change.id }, admin)).errors).toBeUndefined();
    const restored = await readOrg(org.id);
    expect(restored?.carries.map((c) => c.dispositif.id)).toEqual([dis.id]);
  });

  it('merges two nodes: links, aliases and sources move to the kept one', async () => {
    const keep = await build.organisation('com:33243', 'Mission locale du Libournais');
    const merge = await build.organisation('com:33243', 'ML Libournais');
    const dis = await build.dispositif(['dep:33']);
    await build.link('CARRIES', merge.id, dis.id);
    const merged = await gql(
      `mutation($keep: ID!, $merge: ID!, $change: ChangeInput!) { mergeNodes(keep: $keep, merge: $merge, change: $change) { change { kind } } }`,
      { keep: keep.id, merge: merge.id, change: FIELD_KNOWLEDGE },
      editor,
    );
    expect(merged.errors).toBeUndefined();
    expect(await readOrg(merge.id)).toBeNull();
    const kept = await readOrg(keep.id);
    expect(kept?.aliases).toContain('ML Libournais');
    expect(kept?.carries.map((c) => c.dispositif.id)).toEqual([dis.id]);
  });
});

describe('the coverage grid', () => {
  it('shows a new dispositif at once (the graph version moves with the edit)', async () => {
    const COVERAGE = `query($public: ID) { coverage(level: DEPARTEMENT, within: "reg:75", public: $public) { territory { id } status } }`;
    const candidates = [
      'public:mineurs-non-accompagnes',
      'public:personnes-exilees',
      'public:seniors',
      'public:femmes',
      'public:jeunes',
    ];
    let found: { public: string; departement: string } | undefined;
    for (const candidate of candidates) {
      const cells =
        (
          await gql<{ coverage: { territory: { id: string }; status: string }[] }>(COVERAGE, {
            public: candidate,
          })
        ).data?.coverage ?? [];
      const gap = cells.find((cell) => cell.status === 'NONE');
      if (gap) {
        found = { public: candidate, departement: gap.territory.id };
        break;
      }
    }
    expect(found).toBeDefined();
    const dis = await build.dispositif([found!.departement]);
    await build.link('TARGETS', dis.id, found!.public);
    const after = (
      await gql<{ coverage: { territory: { id: string }; status: string }[] }>(COVERAGE, {
        public: found!.public,
      })
    ).data!.coverage;
    expect(after.find((cell) => cell.territory.id === found!.departement)?.status).toBe('COVERED');
  });
});

describe('the partnership network', () => {
  it('shows a new partnership at once, in the territory it is deployed in', async () => {
    const NETWORK = `query($territory: ID) { partnershipNetwork(territory: $territory) { edges { source target } } }`;
    const pairs = async (territory: string | null) =>
      (
        await gql<{ partnershipNetwork: { edges: { source: string; target: string }[] } }>(NETWORK, {
          territory,
        })
      ).data!.partnershipNetwork.edges.map((edge) => [edge.source, edge.target].sort().join(' '));
    // Read once, so that the projection of this graph version is cached.
    const before = await pairs('dep:33');
    const carrier = await build.organisation('com:33243', 'Porteur nouveau');
    const funder = await build.organisation('com:33243', 'Financeur nouveau');
    const dis = await build.dispositif(['dep:33']);
    await build.link('CARRIES', carrier.id, dis.id);
    await build.link('FUNDS', funder.id, dis.id);
    const pair = [carrier.id, funder.id].sort().join(' ');
    expect(before).not.toContain(pair);
    expect(await pairs('dep:33')).toContain(pair);
    expect(await pairs(null)).toContain(pair);
    expect(await pairs('dep:24')).not.toContain(pair);
  });
});
