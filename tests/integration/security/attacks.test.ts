import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUERY_LIMITS } from '../../../server/armor.js';
import {
  codeOf,
  postFromChild,
  postGraphQL,
  requestApp,
  slowestHealthAtRest,
  slowestHealthDuring,
} from '../../helpers/http.js';
import { createTestApi, firstErrorCode } from '../../helpers/graphql.js';

/**
 * What one anonymous request may try, each refused with its code while the
 * server keeps answering others (/health probed meanwhile). Rows of the
 * hardening issue's table; add a case here with each new field.
 */
const api = createTestApi();
afterAll(() => api.close());

/**
 * /health must keep answering while an attack is refused: within 100 ms, on top
 * of the slowest answer seen at rest just before (a shared, loaded machine).
 */
let HEALTH_BUDGET_MS = 100;
beforeAll(async () => {
  HEALTH_BUDGET_MS = 100 + (await slowestHealthAtRest());
});

/** A document of about `count` tokens (one-letter field names: the most tokens per byte). */
const manyTokens = (count: number) => `{ stats { ${Array.from({ length: count }, () => 'a').join(' ')} } }`;
/** The page's largest request: 2,000 ids on the canvas. */
const idList = (count: number) => Array.from({ length: count }, (_, i) => `"com:${i}"`).join(' ');

describe('refused before any work', () => {
  it('a 6 MB document of a million tokens: QUERY_TOO_COMPLEX, /health stays fast', async () => {
    const ids = Array.from({ length: 1_000_000 }, (_, i) => `"x${i}"`).join(',');
    const body = JSON.stringify({ query: `{ nodes(ids: [${ids}]) { id } }` });
    expect(body.length).toBeGreaterThan(6_000_000);
    const { result, slowestMs } = await slowestHealthDuring(() => postFromChild(body));
    expect(result.status).toBe(413);
    expect(codeOf(result)).toBe('QUERY_TOO_COMPLEX');
    expect(slowestMs).toBeLessThan(HEALTH_BUDGET_MS);
  });

  it('a body just under the byte limit but over the token limit: QUERY_TOO_COMPLEX', async () => {
    const query = manyTokens(100_000);
    expect(query.length).toBeLessThan(QUERY_LIMITS.bodyBytes);
    const { result, slowestMs } = await slowestHealthDuring(() => postFromChild(JSON.stringify({ query })));
    expect(codeOf(result)).toBe('QUERY_TOO_COMPLEX');
    expect(slowestMs).toBeLessThan(HEALTH_BUDGET_MS);
  });

  it('each limit fires: tokens, depth, aliases, directives, cost', async () => {
    const deep = (levels: number) => {
      let selection = 'id';
      for (let i = 0; i < levels; i += 1) selection = `parent { ${selection} }`;
      return `{ node(id: "com:33243") { ... on Territory { ${selection} } } }`;
    };
    const cases: Record<string, string> = {
      tokens: manyTokens(QUERY_LIMITS.tokens + 1),
      depth: deep(QUERY_LIMITS.depth + 1),
      aliases: `{ ${Array.from({ length: QUERY_LIMITS.aliases + 1 }, (_, i) => `a${i}: stats { totalNodes }`).join(' ')} }`,
      directives: `{ stats { totalNodes ${Array.from({ length: QUERY_LIMITS.directives + 1 }, () => '@include(if: true)').join(' ')} } }`,
      cost: `{ node(id: "dep:33") { ... on Territory { children { id parents { id children { id parents { id } } } } } } }`,
    };
    for (const [limit, query] of Object.entries(cases)) {
      expect(firstErrorCode(await api.execute(query)), limit).toBe('QUERY_TOO_COMPLEX');
    }
    // What the page sends at its largest passes.
    expect((await api.execute(`{ nodes(ids: [${idList(2000)}]) { id } }`)).errors).toBeUndefined();
    expect((await api.execute(deep(3))).errors).toBeUndefined();
  });

  it('nested lists that would multiply: children × parents, three levels of relations', async () => {
    const attacks = [
      `{ node(id: "dep:33") { ... on Territory { children { id parents { id children { id parents { id } } } } } } }`,
      `{ node(id: "org:region-nouvelle-aquitaine") { relations { node { relations { node { relations { node { id } } } } } } } }`,
      `{ a: node(id: "reg:75") { ... on Territory { children { children { children { id } } } } } }`,
    ];
    for (const query of attacks) {
      const { result, slowestMs } = await slowestHealthDuring(() => postGraphQL({ query }));
      expect(codeOf(result), query).toBe('QUERY_TOO_COMPLEX');
      expect(slowestMs).toBeLessThan(HEALTH_BUDGET_MS);
    }
  });
});

describe('ids shaped like object keys', () => {
  it.each(['constructor:x', '__proto__:x', 'toString:x', 'hasOwnProperty:y'])(
    '%s is NOT_FOUND and spoils nothing else in the batch',
    async (id) => {
      expect(firstErrorCode(await api.execute(`{ node(id: "${id}") { id } }`))).toBe('NOT_FOUND');
      const batch = await api.execute<{ nodes: { id: string }[] }, { ids: string[] }>(
        `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
        { ids: [id, 'org:wejob', 'reg:75'] },
      );
      expect(batch.errors).toBeUndefined();
      expect(batch.data?.nodes.map((n) => n.id).sort()).toEqual(['org:wejob', 'reg:75']);
    },
  );
});

describe('malformed requests get BAD_USER_INPUT, never a 500', () => {
  it.each([
    ['variables', '{bad'],
    ['variables', '[1,2]'],
    ['extensions', '{"persistedQuery":'],
    ['extensions', '"text"'],
  ])('GET with %s=%s', async (name, value) => {
    const search = new URLSearchParams({ query: '{ stats { totalNodes } }', [name]: value });
    const answer = await requestApp(`/graphql?${search}`, { headers: { accept: 'application/json' } });
    expect(answer.status).toBe(400);
    expect(codeOf(answer)).toBe('BAD_USER_INPUT');
  });

  it('a variable of the wrong type carries a code', async () => {
    const answer = await postGraphQL({
      query: 'query($n: Int) { search(text: "wejob", first: $n) { score } }',
      variables: { n: 'many' },
    });
    expect(codeOf(answer)).toBe('BAD_USER_INPUT');
  });

  it('a body that is not JSON carries a code', async () => {
    const answer = await postGraphQL('{"query": ');
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(codeOf(answer)).toBe('BAD_USER_INPUT');
  });
});
