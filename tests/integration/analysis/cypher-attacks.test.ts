import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findDatabaseFingerprint,
  type DatabaseFingerprint,
} from '../../../graph/queries/database-fingerprint.js';
import { createTestApi } from '../../helpers/graphql.js';

const api = createTestApi();
afterAll(() => api.close());

const CYPHER = /* GraphQL */ `
  query ConsoleAttack($query: String!, $params: JSON, $limit: Int) {
    cypher(query: $query, params: $params, limit: $limit) {
      columns
      rows
      truncated
    }
  }
`;

type Outcome = 'FORBIDDEN' | 'BAD_USER_INPUT' | 'TIMEOUT' | 'QUERY_TOO_COMPLEX' | 'bounded';

interface Answer {
  data?: { cypher: { columns: string[]; rows: unknown[]; truncated: boolean } } | null;
  errors?: { extensions?: { code?: string; reason?: string } }[];
}

const run = async (query: string, limit = 100, params?: Record<string, unknown>) =>
  (await api.execute(CYPHER, { query, limit, params })) as Answer;

/** What the console did with a query: the refusal's code, or "bounded" when it answered within its caps. */
function outcomeOf(answer: Answer, limit: number): Outcome | string {
  const code = answer.errors?.[0]?.extensions?.code;
  if (code) return code;
  const result = answer.data?.cypher;
  return result && result.rows.length <= limit ? 'bounded' : 'unbounded';
}

// [case, query, accepted outcomes, the operator or clause the refusal names]
const ATTACKS: [string, string, Outcome[], string?][] = [
  ['CREATE', "CREATE (:Organisation {id: 'org:intruder'})", ['FORBIDDEN'], 'Create'],
  ['CREATE … RETURN', "CREATE (n:Organisation {id: 'org:intruder'}) RETURN n", ['FORBIDDEN'], 'Create'],
  ['MERGE', "MERGE (n:Organisation {id: 'org:intruder'}) RETURN n", ['FORBIDDEN']],
  ['SET a property', "MATCH (n:Organisation) SET n.name = 'pwned' RETURN n", ['FORBIDDEN'], 'SetProperty'],
  ['SET a label', 'MATCH (n:Organisation) SET n:Hacked RETURN n', ['FORBIDDEN'], 'SetLabels'],
  ['SET from a map', "MATCH (n:Organisation) SET n += {name: 'x'} RETURN n", ['FORBIDDEN']],
  ['REMOVE a property', 'MATCH (n:Organisation) REMOVE n.name RETURN n', ['FORBIDDEN'], 'SetProperty'],
  ['REMOVE a label', 'MATCH (n:Organisation) REMOVE n:Organisation RETURN n', ['FORBIDDEN'], 'RemoveLabels'],
  ['DELETE', 'MATCH (n:Theme) DELETE n', ['FORBIDDEN']],
  ['DELETE a relationship', 'MATCH ()-[r:FUNDS]->() DELETE r', ['FORBIDDEN']],
  ['DETACH DELETE', 'MATCH (n) DETACH DELETE n', ['FORBIDDEN']],
  ['FOREACH', 'FOREACH (i IN [1, 2] | CREATE (:Intruder))', ['FORBIDDEN']],
  [
    'FOREACH over matches',
    'MATCH (n:Organisation) WITH collect(n) AS ns FOREACH (n IN ns | SET n.x = 1)',
    ['FORBIDDEN'],
  ],
  [
    'CALL {…} IN TRANSACTIONS (write)',
    'UNWIND [1, 2] AS i CALL (i) { CREATE (:Intruder) } IN TRANSACTIONS',
    ['FORBIDDEN', 'BAD_USER_INPUT'],
  ],
  [
    'CALL {…} IN TRANSACTIONS (read)',
    'UNWIND [1] AS i CALL (i) { MATCH (n:Theme) RETURN n } IN TRANSACTIONS RETURN n',
    ['FORBIDDEN', 'BAD_USER_INPUT'],
  ],
  [
    'a write inside a subquery',
    'MATCH (n:Organisation) CALL (n) { SET n.x = 1 } RETURN n',
    ['FORBIDDEN'],
    'SetProperty',
  ],
  [
    'a write inside a returning subquery',
    'MATCH (n:Theme) CALL (n) { CREATE (m:Intruder) RETURN m } RETURN n, m',
    ['FORBIDDEN'],
  ],
  [
    'a write after a read procedure',
    'CALL db.labels() YIELD label CALL (label) { CREATE (:Intruder) } RETURN label',
    ['FORBIDDEN'],
  ],
  [
    'LOAD CSV from file://',
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    ['FORBIDDEN'],
    'LoadCSV',
  ],
  [
    'LOAD CSV from http://127.0.0.1',
    "LOAD CSV FROM 'http://127.0.0.1:9/' AS line RETURN line",
    ['FORBIDDEN'],
    'LoadCSV',
  ],
  [
    'LOAD CSV then CREATE',
    "LOAD CSV WITH HEADERS FROM 'http://127.0.0.1:9/x.csv' AS row CREATE (:Intruder {x: row.x})",
    ['FORBIDDEN'],
  ],
  ['dbms.listConfig', 'CALL dbms.listConfig()', ['FORBIDDEN'], 'procedure dbms.listConfig'],
  ['dbms.listConnections', 'CALL dbms.listConnections()', ['FORBIDDEN'], 'procedure dbms.listConnections'],
  [
    'dbms.killConnections',
    "CALL dbms.killConnections(['bolt-1'])",
    ['FORBIDDEN'],
    'procedure dbms.killConnections',
  ],
  ['dbms.queryJmx', "CALL dbms.queryJmx('*:*')", ['FORBIDDEN'], 'procedure dbms.queryJmx'],
  ['db.clearQueryCaches', 'CALL db.clearQueryCaches()', ['FORBIDDEN'], 'procedure db.clearQueryCaches'],
  ['tx.setMetaData', 'CALL tx.setMetaData({atlasQuery: "x"})', ['FORBIDDEN'], 'procedure tx.setMetaData'],
  ['db.createLabel', "CALL db.createLabel('Hacked')", ['FORBIDDEN'], 'procedure db.createLabel'],
  ['db.createProperty', "CALL db.createProperty('hacked')", ['FORBIDDEN']],
  ['db.awaitIndexes', 'CALL db.awaitIndexes(1000)', ['FORBIDDEN'], 'procedure db.awaitIndexes'],
  [
    'apoc.* procedure (absent)',
    "CALL apoc.cypher.runFirstColumnMany('CREATE (:Intruder)', {})",
    ['BAD_USER_INPUT', 'FORBIDDEN'],
  ],
  ['apoc.* function (absent)', 'RETURN apoc.version()', ['BAD_USER_INPUT']],
  [
    'TERMINATE TRANSACTIONS',
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    ['FORBIDDEN'],
    'TerminateTransactions',
  ],
  ['SHOW TRANSACTIONS', 'SHOW TRANSACTIONS', ['FORBIDDEN'], 'ShowTransactions'],
  [
    'SHOW TRANSACTIONS … TERMINATE',
    'SHOW TRANSACTIONS YIELD transactionId AS t TERMINATE TRANSACTIONS t',
    ['FORBIDDEN', 'BAD_USER_INPUT'],
  ],
  ['SHOW SETTINGS', 'SHOW SETTINGS', ['FORBIDDEN'], 'ShowSettings'],
  ['SHOW USERS', 'SHOW USERS', ['FORBIDDEN', 'BAD_USER_INPUT']],
  ['CREATE USER', "CREATE USER eve SET PASSWORD 'secret-secret'", ['FORBIDDEN', 'BAD_USER_INPUT']],
  ['SHOW INDEXES', 'SHOW INDEXES', ['FORBIDDEN']],
  [
    'CREATE INDEX',
    'CREATE INDEX intruder IF NOT EXISTS FOR (n:Organisation) ON (n.x)',
    ['FORBIDDEN', 'BAD_USER_INPUT'],
  ],
  ['DROP INDEX', 'DROP INDEX node_search', ['FORBIDDEN', 'BAD_USER_INPUT']],
  [
    'CREATE CONSTRAINT',
    'CREATE CONSTRAINT intruder IF NOT EXISTS FOR (n:Theme) REQUIRE n.x IS UNIQUE',
    ['FORBIDDEN', 'BAD_USER_INPUT'],
  ],
  ['USE system', 'USE system SHOW USERS', ['FORBIDDEN', 'BAD_USER_INPUT']],
  ['USE system MATCH', 'USE system MATCH (n) RETURN n', ['FORBIDDEN', 'BAD_USER_INPUT']],
  ['a block comment hiding nothing', 'MATCH (n:Theme) /* RETURN n */ DETACH DELETE n', ['FORBIDDEN']],
  ['a line comment before a write', 'MATCH (n:Theme) // just reading\nSET n.x = 1', ['FORBIDDEN']],
  ['mixed case keywords', 'match (n:Theme) dEtAcH dElEtE n', ['FORBIDDEN']],
  ['full-width letters', 'MATCH (n:Theme) ＳＥＴ n.x = 1', ['BAD_USER_INPUT']],
  ['a no-break space', 'MATCH (n:Theme) SET\u00a0n.x = 1', ['FORBIDDEN', 'BAD_USER_INPUT']],
  ['a zero-width space', 'MATCH (n:Theme) DE\u200bLETE n', ['BAD_USER_INPUT']],
  ['a backticked keyword', 'CREATE (:`MATCH` {x: 1})', ['FORBIDDEN']],
  // Accounts live in the same graph: the console never reaches their labels or keys.
  ['password hashes', 'MATCH (u:User) RETURN u.email, u.passwordHash', ['FORBIDDEN'], 'account data'],
  ['a backticked key', 'MATCH (n) RETURN n.`passwordHash`', ['FORBIDDEN'], 'account data'],
  [
    'e-mails through any node',
    'MATCH (n) WHERE n.email IS NOT NULL RETURN n.email',
    ['FORBIDDEN'],
    'account data',
  ],
  ['a label in a WHERE', 'MATCH (n) WHERE n:Session RETURN count(n)', ['FORBIDDEN'], 'account data'],
  ['token nodes', 'MATCH (t:AccessToken) RETURN t', ['FORBIDDEN'], 'account data'],
  ["others' saved queries", 'MATCH (q:SavedQuery) RETURN q.cypher', ['FORBIDDEN'], 'account data'],
  ['every property', 'MATCH (n) RETURN properties(n)', ['FORBIDDEN'], 'properties() and keys()'],
  ['every key', 'MATCH (n) UNWIND keys(n) AS k RETURN k', ['FORBIDDEN'], 'properties() and keys()'],
  ['an all-properties projection', 'MATCH (n) RETURN n {.*}', ['FORBIDDEN'], 'all-properties projection'],
  ['a key by parameter', 'MATCH (n) RETURN n[$name]', ['FORBIDDEN'], 'dynamic property access'],
  ['a key by string literal', "MATCH (n) RETURN n['email']", ['FORBIDDEN'], 'dynamic property access'],
  ['two statements', 'MATCH (n:Theme) RETURN n; CREATE (:Intruder)', ['BAD_USER_INPUT']],
  ['PROFILE a write', 'PROFILE MATCH (n:Theme) SET n.x = 1', ['FORBIDDEN', 'BAD_USER_INPUT']],
  ['a runtime option', 'CYPHER runtime=slotted MATCH (n:Theme) SET n.x = 1', ['FORBIDDEN']],
  ['a write through parameters', 'MATCH (n:Organisation {id: $id}) SET n.name = $name', ['FORBIDDEN']],
  [
    'a cartesian-product bomb',
    'MATCH (a), (b), (c) WHERE a.id < b.id AND b.id < c.id RETURN count(*)',
    ['TIMEOUT'],
  ],
  ['a cartesian product streamed', 'MATCH (a), (b) RETURN a.id, b.id', ['bounded']],
  ['range(1, 1e9)', 'RETURN range(1, 1e9)', ['BAD_USER_INPUT']],
  ['range(1, 1000000000) streamed', 'UNWIND range(1, 1000000000) AS x RETURN x', ['bounded']],
  [
    'range(1, 1000000000) reduced',
    'RETURN reduce(s = 0, x IN range(1, 1000000000) | s + x)',
    ['TIMEOUT', 'QUERY_TOO_COMPLEX'],
  ],
  [
    'a list that fills the memory',
    'UNWIND range(1, 50000000) AS x WITH collect(toString(x)) AS l RETURN size(l)',
    ['QUERY_TOO_COMPLEX', 'TIMEOUT'],
  ],
];

describe('the console refuses or bounds every attack', () => {
  let before: DatabaseFingerprint;
  beforeAll(async () => {
    before = await findDatabaseFingerprint(api.db);
  });

  it('has at least 40 cases', () => {
    expect(ATTACKS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(ATTACKS)('%s', async (_name, query, accepted, reason) => {
    const limit = 100;
    const answer = await run(query, limit, { id: 'org:wejob', name: 'pwned' });
    expect(accepted).toContain(outcomeOf(answer, limit));
    if (reason) expect(answer.errors?.[0]?.extensions?.reason).toBe(reason);
  });

  it('left the database as it was: counts, labels, types, indexes, constraints', async () => {
    const after = await findDatabaseFingerprint(api.db);
    expect(after).toEqual(before);
    expect(after.labels).not.toContain('Intruder');
    expect(after.labels).not.toContain('Hacked');
  });
});
