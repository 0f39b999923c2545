import { afterAll, describe, expect, it } from 'vitest';
import { QUERY_LIMITS } from '../../server/armor.js';
import { createTestApi, firstErrorCode } from '../helpers/graphql.js';

const api = createTestApi();
afterAll(() => api.close());

/** `{ node(id) { … on Territory { parent { parent { … } } } } }`, nested `levels` deep. */
function nestedParents(levels: number): string {
  let selection = 'id';
  for (let i = 0; i < levels; i += 1) selection = `parent { ${selection} }`;
  return `{ node(id: "com:33243") { ... on Territory { ${selection} } } }`;
}

describe('query limits', () => {
  it('accepts a reasonably nested query', async () => {
    const result = await api.execute(nestedParents(3));
    expect(result.errors).toBeUndefined();
  });

  it('rejects a query nested beyond the depth limit with QUERY_TOO_COMPLEX', async () => {
    const result = await api.execute(nestedParents(QUERY_LIMITS.depth + 2));
    expect(firstErrorCode(result)).toBe('QUERY_TOO_COMPLEX');
  });

  it('rejects a query with too many aliases', async () => {
    const aliases = Array.from({ length: QUERY_LIMITS.aliases + 5 }, (_, i) => `a${i}: stats { totalNodes }`);
    expect(firstErrorCode(await api.execute(`{ ${aliases.join(' ')} }`))).toBe('QUERY_TOO_COMPLEX');
  });

  it('costs an operation with its variables: the same document passes or not with them', async () => {
    // Relations of relations: about 2 × first² objects, over the limit from first ≈ 710.
    const document = `query ($first: Int) { node(id: "org:wejob") {
      relations(first: $first) { node { relations(first: $first) { node { id } } } } } }`;
    for (const round of [1, 2]) {
      const small = await api.execute(document, { first: 10 });
      expect(small.errors, `round ${round}`).toBeUndefined();
      expect(firstErrorCode(await api.execute(document, { first: 1000 })), `round ${round}`).toBe(
        'QUERY_TOO_COMPLEX',
      );
    }
  });
});
