import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { createDb, type Db } from '../../../graph/driver.js';
import { createAccount, FIELD_KNOWLEDGE, gql, type Account } from './accounts.js';

/** Builds nodes through the real mutations (as an admin), so that tests edit their own data, never the seed's. */
export function createBuilder(admin: Account) {
  const unique = () => randomUUID().slice(0, 8);

  async function mutate<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const answer = await gql<T>(query, { change: FIELD_KNOWLEDGE, ...variables }, admin);
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    return answer.data!;
  }

  return {
    unique,
    async organisation(territory: string, name = `Organisation test ${unique()}`) {
      const data = await mutate<{ createOrganisation: { node: { id: string; version: number } } }>(
        `mutation($input: OrganisationInput!, $change: ChangeInput!) {
          createOrganisation(input: $input, change: $change) { node { id ... on Organisation { version } } } }`,
        { input: { name, type: 'ASSO', territory } },
      );
      return data.createOrganisation.node;
    },
    async dispositif(territories: string[], name = `Dispositif test ${unique()}`) {
      const data = await mutate<{ createDispositif: { node: { id: string; version: number } } }>(
        `mutation($input: DispositifInput!, $change: ChangeInput!) {
          createDispositif(input: $input, change: $change) { node { id ... on Dispositif { version } } } }`,
        { input: { name, type: 'action', status: 'active', territories } },
      );
      return data.createDispositif.node;
    },
    async person(organisation: string) {
      const data = await mutate<{ createPerson: { node: { id: string; version: number } } }>(
        `mutation($input: PersonInput!, $change: ChangeInput!) {
          createPerson(input: $input, change: $change) { node { id ... on Person { version } } } }`,
        { input: { name: `Personne test ${unique()}`, role: 'chargée de mission', organisation } },
      );
      return data.createPerson.node;
    },
    async link(type: string, from: string, to: string) {
      await mutate(
        `mutation($input: RelationshipInput!, $change: ChangeInput!) {
          addRelationship(input: $input, change: $change) { change { id } } }`,
        { input: { type, from, to, evidence: 'lien de test' } },
      );
    },
  };
}

/** A test file's database, and an admin with its builder once `beforeAll` has run; closed after. */
export function setUpAdminBuilder(): { db: Db; admin: Account; build: ReturnType<typeof createBuilder> } {
  const db = createDb(inject('neo4j'));
  const held = { db } as { db: Db; admin: Account; build: ReturnType<typeof createBuilder> };
  beforeAll(async () => {
    held.admin = await createAccount(db, 'admin');
    held.build = createBuilder(held.admin);
  });
  afterAll(() => db.close());
  return held;
}
