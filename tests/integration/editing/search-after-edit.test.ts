/**
 * Search's index is eventually consistent (migration 0011): a commit does not wait
 * for it. An edit must still reach search promptly, and the old name must leave it.
 */
import { describe, expect, it } from 'vitest';
import { FIELD_KNOWLEDGE, gql } from './accounts.js';
import { setUpAdminBuilder } from './fixtures.js';

const held = setUpAdminBuilder();

const SEARCH = `query($text: String!) { search(text: $text, kinds: [ORGANISATION]) { node { id } } }`;

async function idsFound(text: string): Promise<string[]> {
  const answer = await gql<{ search: { node: { id: string } }[] }>(SEARCH, { text });
  return answer.data?.search.map((hit) => hit.node.id) ?? [];
}

/** What search answers once it holds (or lets go of) `id`, asking for at most 5 s. */
async function searchUntil(text: string, id: string, present: boolean): Promise<string[]> {
  const until = Date.now() + 5_000;
  for (;;) {
    const ids = await idsFound(text);
    if (ids.includes(id) === present || Date.now() > until) return ids;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('search after an edit', () => {
  it('finds a created organisation, then its new name and no longer its old one', async () => {
    const word = `zqx${held.build.unique()}`;
    const org = await held.build.organisation('com:33243', `Atelier ${word}`);
    expect(await searchUntil(word, org.id, true)).toContain(org.id);

    const renamed = `ykw${held.build.unique()}`;
    const answer = await gql(
      `mutation($id: ID!, $version: Int!, $patch: OrganisationPatch!, $change: ChangeInput!) {
        updateOrganisation(id: $id, version: $version, patch: $patch, change: $change) { change { id } } }`,
      { id: org.id, version: org.version, patch: { name: `Atelier ${renamed}` }, change: FIELD_KNOWLEDGE },
      held.admin,
    );
    expect(answer.errors).toBeUndefined();
    expect(await searchUntil(renamed, org.id, true)).toContain(org.id);
    expect(await searchUntil(word, org.id, false)).not.toContain(org.id);
  });
});
