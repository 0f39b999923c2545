import { describe, expect, it } from 'vitest';
import { checkPlan, operatorName, type PlanNode } from './plan-guard.js';

// Plans as Neo4j 5.26 reported them for EXPLAIN (operator chains, root first).
const chain = (...operators: (string | PlanNode)[]): PlanNode =>
  operators
    .map((op) => (typeof op === 'string' ? { operatorType: op } : op))
    .reduceRight<PlanNode | undefined>(
      (child, node) => ({ ...node, children: child ? [child] : [] }),
      undefined,
    )!;
const procedure = (details: string): PlanNode => ({
  operatorType: 'ProcedureCall@neo4j',
  arguments: { Details: details },
});

describe('checkPlan', () => {
  it.each([
    [
      'a pattern',
      chain('ProduceResults@neo4j', 'Limit@neo4j', 'Filter@neo4j', 'DirectedAllRelationshipsScan@neo4j'),
    ],
    [
      'an optional expand',
      chain(
        'ProduceResults@neo4j',
        'OrderedAggregation@neo4j',
        'OptionalExpand(All)@neo4j',
        'NodeByLabelScan@neo4j',
      ),
    ],
    [
      'a shortest path',
      chain('ProduceResults@neo4j', 'StatefulShortestPath(All)@neo4j', 'NodeByLabelScan@neo4j'),
    ],
    ['db.labels', chain('ProduceResults@neo4j', procedure('db.labels() :: (label :: STRING)'))],
    [
      'a full-text search',
      chain(
        'ProduceResults@neo4j',
        procedure(
          'db.index.fulltext.queryNodes($autostring_0, $autostring_1) :: (node :: NODE, score :: FLOAT)',
        ),
      ),
    ],
    [
      'a union',
      {
        operatorType: 'ProduceResults@neo4j',
        children: [
          {
            operatorType: 'Union@neo4j',
            children: [
              chain('Projection@neo4j', 'AllNodesScan@neo4j'),
              chain('Projection@neo4j', 'AllNodesScan@neo4j'),
            ],
          },
        ],
      },
    ],
  ])('lets %s through', (_name, plan) => {
    expect(checkPlan(plan)).toEqual({ allowed: true });
  });

  it.each([
    ['CREATE', chain('ProduceResults@neo4j', 'EmptyResult@neo4j', 'Create@neo4j'), 'Create'],
    [
      'a void write procedure',
      chain('ProduceResults@neo4j', 'EmptyResult@neo4j', procedure('db.createLabel($autostring_0) :: ()')),
      'procedure db.createLabel',
    ],
    [
      'a writing subquery',
      chain('ProduceResults@neo4j', 'SubqueryForeach@neo4j', 'SetProperty@neo4j'),
      'SetProperty',
    ],
    ['a lone wrapper', chain('ProduceResults@neo4j', 'EmptyResult@neo4j', 'Argument@neo4j'), 'EmptyResult'],
    [
      'SET',
      chain('ProduceResults@neo4j', 'SetProperty@neo4j', 'Filter@neo4j', 'AllNodesScan@neo4j'),
      'SetProperty',
    ],
    ['MERGE', chain('ProduceResults@neo4j', 'Merge@neo4j'), 'Merge'],
    [
      'DETACH DELETE',
      chain('ProduceResults@neo4j', 'DetachDelete@neo4j', 'AllNodesScan@neo4j'),
      'DetachDelete',
    ],
    ['FOREACH', chain('ProduceResults@neo4j', 'Foreach@neo4j'), 'Foreach'],
    [
      'IN TRANSACTIONS',
      chain('ProduceResults@neo4j', 'TransactionApply@neo4j', 'Unwind@neo4j'),
      'TransactionApply',
    ],
    ['LOAD CSV', chain('ProduceResults@neo4j', 'LoadCSV@neo4j'), 'LoadCSV'],
    [
      'TERMINATE TRANSACTIONS (queryType "r")',
      chain('ProduceResults@neo4j', 'TerminateTransactions@neo4j'),
      'TerminateTransactions',
    ],
    ['SHOW TRANSACTIONS', chain('ProduceResults@neo4j', 'ShowTransactions@neo4j'), 'ShowTransactions'],
    ['SHOW SETTINGS', chain('ProduceResults@neo4j', 'ShowSettings@neo4j'), 'ShowSettings'],
    ['SHOW USERS', chain('AdministrationCommand@system'), 'AdministrationCommand'],
    ['CREATE INDEX', chain('CreateIndex@neo4j'), 'CreateIndex'],
    [
      'dbms.listConfig',
      chain('ProduceResults@neo4j', procedure('dbms.listConfig() :: (name :: STRING)')),
      'procedure dbms.listConfig',
    ],
    [
      'dbms.killConnection',
      chain(procedure('dbms.killConnection($autostring_0) :: (connectionId :: STRING)')),
      'procedure dbms.killConnection',
    ],
    [
      'a procedure without a name',
      chain('ProduceResults@neo4j', { operatorType: 'ProcedureCall@neo4j' }),
      'procedure (unnamed)',
    ],
    [
      'an operator this list does not know',
      chain('ProduceResults@neo4j', 'SomeFutureWrite@neo4j'),
      'SomeFutureWrite',
    ],
  ])('refuses %s, naming the operator', (_name, plan, reason) => {
    expect(checkPlan(plan)).toEqual({ allowed: false, reason });
  });

  it('finds a write deep in a branch', () => {
    const plan: PlanNode = {
      operatorType: 'ProduceResults@neo4j',
      children: [
        {
          operatorType: 'Apply@neo4j',
          children: [
            chain('AllNodesScan@neo4j'),
            chain('Argument@neo4j', 'SetLabels@neo4j', 'Argument@neo4j'),
          ],
        },
      ],
    };
    expect(checkPlan(plan)).toEqual({ allowed: false, reason: 'SetLabels' });
  });

  it('names operators without their variant and database', () => {
    expect(operatorName('VarLengthExpand(Pruning,BFS)@neo4j')).toBe('VarLengthExpand');
    expect(operatorName('AdministrationCommand@system')).toBe('AdministrationCommand');
  });
});

describe('checkPlan keeps accounts out of reach', () => {
  const projection = (details: string): PlanNode => ({
    operatorType: 'ProduceResults@neo4j',
    arguments: { Details: 'x' },
    children: [{ operatorType: 'Projection@neo4j', arguments: { Details: details } }],
  });

  it.each([
    ['n.name AS name, cache[n.id] AS id', true],
    ["n.type IN ['ASSO', 'OPCO']", true],
    ['nodes(p)[0] AS first, labels(n)[0] AS kind, l[1..3] AS some', true],
    ['operators[$autoint_0] AS operator, l[$autoint_1..$autoint_2] AS some', true],
    ['n[$autostring_0] AS value', false],
    ['u.passwordHash AS hash', false],
    ['n:User', false],
    ['properties(n) AS all', false],
    ['n{.*} AS all', false],
    ['n[$key] AS value', false],
  ])('%s → allowed %s', (details, allowed) => {
    expect(checkPlan(projection(details)).allowed).toBe(allowed);
  });
});
