import type { ExecutionResult } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_CONSOLE_BYTES } from '../../../graph/queries/cypher-console.js';
import { CYPHER_QUERY } from '../../../client/features/analysis/queries.js';
import type { AnalysisCypherQuery } from '../../../client/gql/graphql.js';
import { createTestApi } from '../../helpers/graphql.js';

const api = createTestApi();
afterAll(() => api.close());

// The page's own document; its JSON rows read as objects keyed by column.
type ConsoleAnswer = ExecutionResult<{
  cypher: Omit<AnalysisCypherQuery['cypher'], 'rows'> & { rows: Record<string, unknown>[] };
}>;

const codeOf = (answer: ConsoleAnswer) => answer.errors?.[0]?.extensions?.code;

const run = async (query: string, params?: Record<string, unknown>, limit?: number) =>
  (await api.execute(CYPHER_QUERY, { query, params, limit })) as ConsoleAnswer;

describe('cypher console', () => {
  it('answers a two-hop pattern with node and relationship refs, and the slice to draw', async () => {
    const { data, errors } = await run(
      'MATCH (o:Organisation {id: $id})-[r:CARRIES]->(d:Dispositif) RETURN o, r, d.name AS name ORDER BY name',
      { id: 'org:wejob' },
    );
    expect(errors).toBeUndefined();
    const result = data!.cypher;
    expect(result.columns).toEqual(['o', 'r', 'name']);
    expect(result.rows.length).toBeGreaterThan(0);
    const [first] = result.rows;
    expect(first!.o).toEqual({ id: 'org:wejob', kind: 'ORGANISATION', name: expect.any(String) });
    const rel = first!.r as { id: string; type: string; source: string; target: string };
    expect(rel).toMatchObject({ type: 'CARRIES', source: 'org:wejob' });
    expect(rel.target).toMatch(/^dis:/);
    expect(rel.id).toBe(`org:wejob|CARRIES|${rel.target}`);
    // The dispositif was not returned as a node, but the edge needs its end: the slice has it.
    const ids = result.graph.nodes.map((node) => node.id);
    expect(ids).toContain('org:wejob');
    expect(ids).toContain(rel.target);
    expect(result.graph.edges.map((edge) => edge.id)).toContain(rel.id);
    expect(result.truncated).toBe(false);
  });

  it('returns paths as their nodes and relationships', async () => {
    const { data } = await run(
      "MATCH p = (:Territory {id: 'com:33063'})-[:PART_OF*1..2]->(:Territory) RETURN p LIMIT 1",
    );
    const path = data!.cypher.rows[0]!.p as { nodes: { id: string }[]; relationships: { type: string }[] };
    expect(path.nodes[0]!.id).toBe('com:33063');
    expect(path.relationships.length).toBe(path.nodes.length - 1);
    expect(path.relationships.every((rel) => rel.type === 'PART_OF')).toBe(true);
  });

  it('gives plain values: numbers, dates, maps', async () => {
    const { data } = await run("RETURN 1 + 1 AS two, date('2024-05-01') AS day, {a: [1, 2.5, 'x']} AS map");
    expect(data!.cypher.rows).toEqual([{ two: 2, day: '2024-05-01', map: { a: [1, 2.5, 'x'] } }]);
  });

  it('caps rows at the limit and says so', async () => {
    const { data } = await run('UNWIND range(1, 100) AS x RETURN x', undefined, 10);
    expect(data!.cypher.rows.map((row) => row.x)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(data!.cypher.truncated).toBe(true);
  });

  it('caps the answer at 2 MB of rows', async () => {
    const { data } = await run(
      "UNWIND range(1, 5000) AS i RETURN i, reduce(s = '', x IN range(1, 100) | s + 'xxxxxxxxxx') AS pad",
      undefined,
      5000,
    );
    const rows = data!.cypher.rows;
    expect(data!.cypher.truncated).toBe(true);
    expect(rows.length).toBeLessThan(5000);
    expect(JSON.stringify(rows).length).toBeLessThanOrEqual(MAX_CONSOLE_BYTES);
  });

  it('reports a syntax error with the line and column Neo4j gives', async () => {
    const answer = await run('MATCH (n:Theme)\nRETURN n +');
    expect(codeOf(answer)).toBe('BAD_USER_INPUT');
    expect(answer.errors![0]!.extensions).toMatchObject({ line: 2, column: 11 });
    expect(answer.errors![0]!.message).toContain('(line 2, column 11)');
  });

  it('names the operator it refuses', async () => {
    const answer = await run('MATCH (n:Theme) SET n.x = 1');
    expect(codeOf(answer)).toBe('FORBIDDEN');
    expect(answer.errors![0]!.extensions!.reason).toBe('SetProperty');
  });

  it('runs the read procedures it allows', async () => {
    const { data, errors } = await run('CALL db.labels() YIELD label RETURN label ORDER BY label');
    expect(errors).toBeUndefined();
    expect(data!.cypher.rows.map((row) => row.label)).toContain('Organisation');
  });

  it('ends a slow query with TIMEOUT, on the server', async () => {
    const started = Date.now();
    const answer = await run('MATCH (a), (b), (c) WHERE a.id < b.id AND b.id < c.id RETURN count(*)');
    expect(codeOf(answer)).toBe('TIMEOUT');
    expect(Date.now() - started).toBeLessThan(8_000);
  });

  it.each([
    [{ query: '   ' }, 'query'],
    [{ query: 'RETURN 1', params: [1, 2] }, 'params'],
    [{ query: 'RETURN 1', limit: 0 }, 'limit'],
    [{ query: 'RETURN 1', limit: 5001 }, 'limit'],
    [{ query: 'RETURN $missing' }, 'query'],
  ])('rejects %o as BAD_USER_INPUT naming %s', async (variables, argument) => {
    const answer = (await api.execute(CYPHER_QUERY, variables)) as ConsoleAnswer;
    expect(codeOf(answer)).toBe('BAD_USER_INPUT');
    expect(answer.errors![0]!.extensions!.argument).toBe(argument);
  });
});

describe('the layers under the plan check, each on its own', () => {
  it('the READ-mode transaction refuses a write the plan check never saw', async () => {
    const write = api.db.readRaw((tx) => tx.run('CREATE (:Intruder) RETURN 1'), { timeoutMs: 2_000 });
    await expect(write).rejects.toMatchObject({ code: 'Neo.ClientError.Statement.AccessMode' });
  });

  it('the server-chosen timeout ends a transaction', async () => {
    const slow = api.db.readRaw(
      (tx) => tx.run('MATCH (a), (b), (c) WHERE a.id < b.id AND b.id < c.id RETURN count(*)'),
      { timeoutMs: 500 },
    );
    await expect(slow).rejects.toMatchObject({ code: 'TIMEOUT' });
  });

  it('db.memory.transaction.max stops a transaction that holds too much', async () => {
    const big = api.db.readRaw(
      (tx) => tx.run('UNWIND range(1, 50000000) AS x WITH collect(toString(x)) AS l RETURN size(l)'),
      { timeoutMs: 30_000 },
    );
    await expect(big).rejects.toMatchObject({ code: expect.stringContaining('MemoryPoolOutOfMemoryError') });
  });
});
