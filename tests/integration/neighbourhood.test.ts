import { afterAll, describe, expect, it } from 'vitest';
// The page's own document (client/features/graph/queries.ts): what the canvas sends is what is tested.
import { NEIGHBOURHOOD_QUERY as NEIGHBOURHOOD } from '../../client/features/graph/queries.js';
import { createTestApi, firstErrorCode } from '../helpers/graphql.js';

const api = createTestApi();
afterAll(() => api.close());

describe('neighbourhood', () => {
  it('expands a département to its communes, capped and flagged truncated', async () => {
    const { data } = await api.execute(NEIGHBOURHOOD, {
      ids: ['dep:33'],
      relations: ['PART_OF'],
      limit: 50,
    });
    expect(data?.neighbourhood.nodes.length).toBe(50);
    expect(data?.neighbourhood.truncated).toBe(true);
    const ids = new Set(data?.neighbourhood.nodes.map((node) => node.id));
    // Every edge joins two nodes of the slice, and carries its provenance.
    for (const edge of data?.neighbourhood.edges ?? []) {
      expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
      expect(edge.type).toBe('PART_OF');
      expect(edge.sources).toContain('src:decoupage-administratif');
    }
  });

  it('walks two hops: commune → EPCI → its other communes', async () => {
    const { data } = await api.execute(NEIGHBOURHOOD, {
      ids: ['com:33243'],
      depth: 2,
      relations: ['PART_OF'],
      limit: 1000,
    });
    const ids = data?.neighbourhood.nodes.map((node) => node.id) ?? [];
    expect(ids).toContain('reg:75');
    expect(ids.filter((id) => id.startsWith('com:')).length).toBeGreaterThan(10);
  });

  it.each([
    [{ ids: ['com:33243'], depth: 4 }, 'BAD_USER_INPUT'],
    [{ ids: ['com:33243'], limit: 1001 }, 'BAD_USER_INPUT'],
    [{ ids: ['com:33243'], relations: ['KNOWS'] }, 'BAD_USER_INPUT'],
    [{ ids: ['org:does-not-exist'] }, 'NOT_FOUND'],
  ])('rejects %o with %s', async (variables, code) => {
    expect(firstErrorCode(await api.execute(NEIGHBOURHOOD, variables))).toBe(code);
  });
});
