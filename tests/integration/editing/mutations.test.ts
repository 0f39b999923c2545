import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createDb } from '../../../graph/driver.js';
import { countChanges } from '../../../graph/queries/changes.js';
import { schema } from '../../../server/yoga.js';
import { operationsForRootFields } from '../../helpers/schema-queries.js';
import { gqlMultipart, hasFiles, structuresFile } from '../import-api-upload.js';
import { codeOf, createAccount, FIELD_KNOWLEDGE, gql, type Account } from './accounts.js';
import { createBuilder } from './fixtures.js';

const db = createDb(inject('neo4j'));
afterAll(() => db.close());

// The editor under test is limited to Gironde; "outside" targets sit in Charente-Maritime.
const INSIDE = { commune: 'com:33243', departement: 'dep:33' };
const OUTSIDE = { commune: 'dep:17', departement: 'dep:17' };

let admin: Account;
let reader: Account;
let editor: Account;
let build: ReturnType<typeof createBuilder>;

beforeAll(async () => {
  admin = await createAccount(db, 'admin');
  reader = await createAccount(db, 'reader');
  editor = await createAccount(db, 'editor', [INSIDE.departement]);
  build = createBuilder(admin);
});

type Place = typeof INSIDE;
type Variables = Record<string, unknown>;

/**
 * Variables for each mutation, on fresh data in a given département. Every mutation of
 * the schema must have an entry: the test below fails for one that has none.
 */
const VARIABLES: Record<string, (place: Place) => Promise<Variables>> = {
  createOrganisation: async (place) => ({
    input: { name: `Nouvelle structure ${build.unique()}`, type: 'ASSO', territory: place.commune },
  }),
  updateOrganisation: async (place) => {
    const org = await build.organisation(place.commune);
    return { id: org.id, version: org.version, patch: { description: 'Corrigée sur le terrain' } };
  },
  createDispositif: async (place) => ({
    input: {
      name: `Nouveau dispositif ${build.unique()}`,
      type: 'action',
      status: 'active',
      territories: [place.departement],
    },
  }),
  updateDispositif: async (place) => {
    const dis = await build.dispositif([place.departement]);
    return { id: dis.id, version: dis.version, patch: { status: 'ended', endDate: '2024-12-31' } };
  },
  createPerson: async (place) => {
    const org = await build.organisation(place.commune);
    return { input: { name: `Personne ${build.unique()}`, organisation: org.id } };
  },
  updatePerson: async (place) => {
    const person = await build.person((await build.organisation(place.commune)).id);
    return { id: person.id, version: person.version, patch: { role: 'directrice' } };
  },
  addRelationship: async (place) => {
    const org = await build.organisation(place.commune);
    const dis = await build.dispositif([place.departement]);
    return {
      input: { type: 'PARTNERS_IN', from: org.id, to: dis.id, role: 'accueil', evidence: 'vu en réunion' },
    };
  },
  removeRelationship: async (place) => {
    const org = await build.organisation(place.commune);
    const dis = await build.dispositif([place.departement]);
    await build.link('CARRIES', org.id, dis.id);
    return { ref: { type: 'CARRIES', from: org.id, to: dis.id } };
  },
  deleteNode: async (place) => {
    const person = await build.person((await build.organisation(place.commune)).id);
    return { id: person.id, version: person.version };
  },
  mergeNodes: async (place) => {
    const keep = await build.organisation(place.commune);
    const merge = await build.organisation(place.commune);
    return { keep: keep.id, merge: merge.id };
  },
  // Editors revert their own changes; "outside" is someone else's.
  revertChange: async (place) => {
    const org = await build.organisation(place.commune);
    const author = place === INSIDE ? editor : admin;
    const answer = await gql<{ updateOrganisation: { change: { id: string } } }>(
      `mutation($id: ID!, $version: Int!, $patch: OrganisationPatch!, $change: ChangeInput!) {
        updateOrganisation(id: $id, version: $version, patch: $patch, change: $change) { change { id } } }`,
      { id: org.id, version: org.version, patch: { website: 'https://exemple.fr' }, change: FIELD_KNOWLEDGE },
      author,
    );
    return { id: answer.data!.updateOrganisation.change.id };
  },
  // An analyst's own query; "outside" is someone else's, which no one else may change.
  saveAnalystQuery: async (place) => {
    const input = { title: `Requête ${build.unique()}`, cypher: 'MATCH (o:Organisation) RETURN o LIMIT 5' };
    return { input: place === INSIDE ? input : { ...input, id: await adminQuery() } };
  },
  deleteAnalystQuery: async (place) => ({
    id: place === INSIDE ? await adminQuery(editor) : await adminQuery(),
  }),
  // A one-structure data·inclusion export seated in the place's commune (La Rochelle outside).
  previewImport: async (place) => ({ files: [structuresFile(build.unique(), communeCode(place))] }),
  confirmImport: async (place) => ({
    files: [structuresFile(build.unique(), communeCode(place))],
    acceptedMatches: [],
  }),
};

const communeCode = (place: Place) => (place === INSIDE ? INSIDE.commune.slice('com:'.length) : '17300');

/** A saved query of `author`'s (the admin's unless told), through the API. */
async function adminQuery(author: Account = admin): Promise<string> {
  const answer = await gql<{ saveAnalystQuery: { query: { id: string } } }>(
    `mutation($input: AnalystQueryInput!, $change: ChangeInput!) {
      saveAnalystQuery(input: $input, change: $change) { query { id } } }`,
    { input: { title: `De l'auteur ${build.unique()}`, cypher: 'RETURN 1 AS one' }, change: FIELD_KNOWLEDGE },
    author,
  );
  return answer.data!.saveAnalystQuery.query.id;
}

const operations = operationsForRootFields(schema, 'mutation');

/** Mutations the schema marks `@writesNothing` (a preview that must be a mutation to take files) leave no :Change. */
const expectedChanges = (field: string) => {
  const directives = schema.getMutationType()!.getFields()[field]!.astNode?.directives ?? [];
  return directives.some((directive) => directive.name.value === 'writesNothing') ? 0 : 1;
};

async function run(field: string, place: Place, account: Account | null) {
  const operation = operations.find((op) => op.field === field)!;
  const variables = { ...operation.variables, change: FIELD_KNOWLEDGE, ...(await VARIABLES[field]!(place)) };
  const before = await countChanges(db);
  // Files travel as a multipart request, as the page sends them.
  const answer = hasFiles(variables)
    ? await gqlMultipart(operation.query, variables, account)
    : await gql(operation.query, variables, account);
  return { answer, changes: (await countChanges(db)) - before };
}

describe('every mutation of the schema', () => {
  it('has test variables (a new mutation must be added here)', () => {
    expect(operations.length).toBeGreaterThanOrEqual(11);
    expect(operations.map((op) => op.field).sort()).toEqual(Object.keys(VARIABLES).sort());
  });

  describe.each(operations.map((op) => op.field))('%s', (field) => {
    it('is refused anonymously (UNAUTHENTICATED) and for a reader (FORBIDDEN), writing nothing', async () => {
      const anonymous = await run(field, INSIDE, null);
      expect(codeOf(anonymous.answer)).toBe('UNAUTHENTICATED');
      expect(anonymous.changes).toBe(0);
      const asReader = await run(field, INSIDE, reader);
      expect(codeOf(asReader.answer)).toBe('FORBIDDEN');
      expect(asReader.changes).toBe(0);
    });

    it('is refused to an editor outside its départements, writing nothing', async () => {
      const outside = await run(field, OUTSIDE, editor);
      expect(codeOf(outside.answer)).toBe('FORBIDDEN');
      expect(outside.changes).toBe(0);
    });

    it('is allowed to an editor within its départements, leaving exactly one :Change (none if it writes nothing)', async () => {
      const inside = await run(field, INSIDE, editor);
      expect(inside.answer.errors).toBeUndefined();
      expect(inside.changes).toBe(expectedChanges(field));
    });
  });
});
