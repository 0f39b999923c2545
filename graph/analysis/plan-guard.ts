/**
 * The console's second layer (after the READ-mode transaction): the EXPLAIN plan
 * of a query may hold read operators only. An allow-list, so an operator this
 * list does not know — a new write, a Show*, an administration command — is
 * refused rather than let through; `summary.queryType` is not enough (it says
 * "r" for TERMINATE TRANSACTIONS, SHOW SETTINGS and LOAD CSV).
 */

/** A plan node as the driver reports it (`summary.plan`). */
export interface PlanNode {
  operatorType: string;
  arguments?: Record<string, unknown>;
  children?: readonly PlanNode[];
}

/** Operators that only read the graph or compute over rows (Neo4j 5.26, Community). */
export const READ_OPERATORS: ReadonlySet<string> = new Set([
  // Leaves: scans and seeks.
  'AllNodesScan',
  'NodeByLabelScan',
  'NodeByIdSeek',
  'NodeByElementIdSeek',
  'NodeIndexSeek',
  'NodeUniqueIndexSeek',
  'NodeIndexScan',
  'NodeIndexContainsScan',
  'NodeIndexEndsWithScan',
  'NodeIndexSeekByRange',
  'NodeUniqueIndexSeekByRange',
  'MultiNodeIndexSeek',
  'IntersectionNodeByLabelsScan',
  'UnionNodeByLabelsScan',
  'SubtractionNodeByLabelsScan',
  'DirectedAllRelationshipsScan',
  'UndirectedAllRelationshipsScan',
  'DirectedRelationshipTypeScan',
  'UndirectedRelationshipTypeScan',
  'DirectedUnionRelationshipTypesScan',
  'UndirectedUnionRelationshipTypesScan',
  'DirectedRelationshipByIdSeek',
  'UndirectedRelationshipByIdSeek',
  'DirectedRelationshipByElementIdSeek',
  'UndirectedRelationshipByElementIdSeek',
  'DirectedRelationshipIndexSeek',
  'UndirectedRelationshipIndexSeek',
  'DirectedRelationshipIndexScan',
  'UndirectedRelationshipIndexScan',
  'DirectedRelationshipIndexContainsScan',
  'UndirectedRelationshipIndexContainsScan',
  'DirectedRelationshipIndexEndsWithScan',
  'UndirectedRelationshipIndexEndsWithScan',
  'DirectedRelationshipIndexSeekByRange',
  'UndirectedRelationshipIndexSeekByRange',
  'DirectedRelationshipUniqueIndexSeek',
  'UndirectedRelationshipUniqueIndexSeek',
  'NodeCountFromCountStore',
  'RelationshipCountFromCountStore',
  'Argument',
  'EmptyRow',
  // Traversals.
  'Expand',
  'OptionalExpand',
  'VarLengthExpand',
  'BFSPruningVarExpand',
  'ShortestPath',
  'StatefulShortestPath',
  'Repeat',
  'Trail',
  'NullifyMetadata',
  'ProjectEndpoints',
  'TriadicSelection',
  'TriadicBuild',
  'TriadicFilter',
  'AssertSameNode',
  'AssertSameRelationship',
  // Row operators.
  'ProduceResults',
  'Projection',
  'Filter',
  'CacheProperties',
  'Unwind',
  'PartitionedUnwind',
  'Limit',
  'ExhaustiveLimit',
  'Skip',
  'Sort',
  'PartialSort',
  'Top',
  'PartialTop',
  'Distinct',
  'OrderedDistinct',
  'Aggregation',
  'EagerAggregation',
  'OrderedAggregation',
  'Eager',
  'Union',
  'OrderedUnion',
  'Optional',
  'Anti',
  'Apply',
  'SemiApply',
  'AntiSemiApply',
  'LetSemiApply',
  'LetAntiSemiApply',
  'SelectOrSemiApply',
  'SelectOrAntiSemiApply',
  'LetSelectOrSemiApply',
  'LetSelectOrAntiSemiApply',
  'RollUpApply',
  'ConditionalApply',
  'AntiConditionalApply',
  'CartesianProduct',
  'NodeHashJoin',
  'ValueHashJoin',
  'NodeLeftOuterHashJoin',
  'NodeRightOuterHashJoin',
]);

/**
 * Read procedures the saved queries and the editor's completion need. Procedures
 * run as one `ProcedureCall` operator whether they read or write, so each is named.
 */
export const READ_PROCEDURES: ReadonlySet<string> = new Set([
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.index.fulltext.queryNodes',
]);

export type PlanVerdict = { allowed: true } | { allowed: false; reason: string };

/** `Expand(All)@neo4j` → `Expand`: the variant and the database suffix do not change what it does. */
export function operatorName(operatorType: string): string {
  return operatorType.replace(/@.*$/, '').replace(/\(.*\)$/, '');
}

/** `db.labels() :: (label :: STRING)` → `db.labels`. */
export function procedureName(plan: PlanNode): string | undefined {
  const details = plan.arguments?.Details ?? plan.arguments?.Signature;
  if (typeof details !== 'string') return undefined;
  return /^\s*([\w.]+)\s*\(/.exec(details)?.[1];
}

// Operators that only wrap a write (a void procedure's or a CREATE's result, a
// writing subquery): named only when nothing more telling is refused.
const WRAPPERS: ReadonlySet<string> = new Set(['EmptyResult', 'SubqueryForeach', 'TransactionForeach']);

function violation(node: PlanNode): string | undefined {
  const name = operatorName(node.operatorType);
  if (name === 'ProcedureCall') {
    const procedure = procedureName(node);
    return procedure && READ_PROCEDURES.has(procedure) ? undefined : `procedure ${procedure ?? '(unnamed)'}`;
  }
  return READ_OPERATORS.has(name) ? undefined : name;
}

/**
 * Accounts share the graph with the data: their labels and keys stay out of the console's reach.
 * Neo4j Community has no property-level access control, so the plan's own expressions (comments,
 * escapes and case already resolved by the parser) are read for them, and for the generic ways
 * to reach any key (`properties()`, `keys()`, `n{.*}`, `n[$key]`).
 */
export const PRIVATE_LABELS: readonly string[] = ['User', 'Session', 'AccessToken', 'SavedQuery'];
const PRIVATE_KEYS: readonly string[] = [
  'email',
  'passwordHash',
  'tokenHash',
  'failedLogins',
  'lockedUntil',
  'lastLoginAt',
  'authorId',
];
const PRIVATE_PATTERNS: readonly [RegExp, string][] = [
  [new RegExp(`:\\s*\`?(${PRIVATE_LABELS.join('|')})\\b`), 'account data'],
  [new RegExp(`\\.\\s*\`?(${PRIVATE_KEYS.join('|')})\\b`), 'account data'],
  [/\b(properties|keys)\s*\(/i, 'properties() and keys()'],
  [/\{\s*\.\*/, 'all-properties projection'],
  // Dynamic access `n[expr]` as the plan prints it (no space; `x IN [..]` has one); a list
  // index by number (`nodes(p)[0]`, printed `[$autoint_0]` once Neo4j lifts the literal), a
  // slice and the planner's own `cache[n.key]` stay allowed.
  [/[\w)\]`](?<!\bcache)\[\s*(?!-?\d|\.\.|\$autoint_\d+\s*(\]|\.\.))/, 'dynamic property access'],
  [/\$\s*\(/, 'dynamic label'],
];

/** Neo4j names the literals it lifts `$autoint_0`, `$autostring_1`…: a caller may not pose as one. */
export const isReservedParameterName = (name: string) => /^auto/i.test(name);

function privateDataIn(node: PlanNode): string | undefined {
  for (const value of Object.values(node.arguments ?? {})) {
    if (typeof value !== 'string') continue;
    for (const [pattern, reason] of PRIVATE_PATTERNS) if (pattern.test(value)) return reason;
  }
  return undefined;
}

/** Every operator of the plan must be a read one; the reason names the most telling that is not. */
export function checkPlan(plan: PlanNode): PlanVerdict {
  const refused: string[] = [];
  const pending: PlanNode[] = [plan];
  while (pending.length > 0) {
    const node = pending.shift()!;
    const reason = violation(node) ?? privateDataIn(node);
    if (reason) refused.push(reason);
    pending.push(...(node.children ?? []));
  }
  if (refused.length === 0) return { allowed: true };
  return { allowed: false, reason: refused.find((reason) => !WRAPPERS.has(reason)) ?? refused[0]! };
}
