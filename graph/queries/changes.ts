import type { Db, TxRunner } from '../driver.js';

export const CHANGE_KINDS = ['CREATE', 'UPDATE', 'DELETE', 'LINK', 'UNLINK', 'MERGE', 'REVERT'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** One audited mutation. `before`/`after` are JSON texts of the states it replaced and wrote. */
export interface ChangeRow {
  uid: string;
  /** The graph version the change produced: orders changes strictly (graph-version.ts). */
  seq: number;
  /** ISO date-time, UTC, to the millisecond. */
  at: string;
  authorId: string;
  authorEmail: string;
  operation: string;
  kind: ChangeKind;
  nodeIds: string[];
  /** What it touched: `id.prop` for a property, `id` for a node's existence, `TYPE|from|to` for a link. */
  fields: string[];
  reason: string | null;
  sourceId: string;
  before: string;
  after: string;
  revertOf: string | null;
  revertedBy: string | null;
}

const PROJECT_CHANGE = `{uid: c.uid, seq: c.seq, at: c.at, authorId: c.authorId, authorEmail: c.authorEmail,
  operation: c.operation, kind: c.kind, nodeIds: c.nodeIds, fields: c.fields, reason: c.reason,
  sourceId: c.sourceId, before: c.before, after: c.after, revertOf: c.revertOf, revertedBy: c.revertedBy}`;

const INSERT_CHANGE = /* cypher */ `
  CREATE (c:Change)
  SET c = $change
  RETURN c.uid AS uid`;

/** Writes the audit record, in the transaction of the change it describes. */
export async function insertChange(tx: TxRunner, change: ChangeRow): Promise<void> {
  await tx.run(INSERT_CHANGE, { change: { ...change } });
}

const FIND_CHANGE = /* cypher */ `
  MATCH (c:Change {uid: $uid})
  RETURN ${PROJECT_CHANGE} AS change`;

export async function findChangeById(db: Db | TxRunner, uid: string): Promise<ChangeRow | undefined> {
  const run = 'run' in db ? db.run.bind(db) : db.read.bind(db);
  const [row] = await run<{ change: ChangeRow }>(FIND_CHANGE, { uid });
  return row?.change;
}

const FIND_HISTORY = /* cypher */ `
  MATCH (c:Change)
  WHERE $id IN c.nodeIds
  RETURN ${PROJECT_CHANGE} AS change
  ORDER BY c.seq DESC
  LIMIT $first`;

/** The changes that touched a node, newest first. */
export async function findHistory(db: Db, p: { id: string; first: number }): Promise<ChangeRow[]> {
  return (await db.read<{ change: ChangeRow }>(FIND_HISTORY, p)).map((row) => row.change);
}

const FIND_CHANGES = /* cypher */ `
  MATCH (c:Change)
  WHERE ($since IS NULL OR c.at >= $since)
    AND ($author IS NULL OR c.authorEmail = $author OR c.authorId = $author)
    AND ($kind IS NULL OR c.kind = $kind)
    AND ($afterSeq IS NULL OR c.seq < $afterSeq)
  RETURN ${PROJECT_CHANGE} AS change
  ORDER BY c.seq DESC
  LIMIT $limit`;

/** The journal, newest first, after a cursor (the `seq` of the last change seen). */
export async function findChanges(
  db: Db,
  p: {
    since: string | null;
    author: string | null;
    kind: ChangeKind | null;
    limit: number;
    afterSeq: number | null;
  },
): Promise<ChangeRow[]> {
  const rows = await db.read<{ change: ChangeRow }>(FIND_CHANGES, {
    since: p.since,
    author: p.author,
    kind: p.kind,
    limit: p.limit,
    afterSeq: p.afterSeq,
  });
  return rows.map((row) => row.change);
}

const LATER_CHANGES = /* cypher */ `
  MATCH (c:Change)
  WHERE c.seq > $seq AND any(id IN c.nodeIds WHERE id IN $nodeIds)
  RETURN ${PROJECT_CHANGE} AS change`;

/** Changes made after the one of `seq` that touched any of `nodeIds` (a revert must not undo them). */
export async function findLaterChanges(
  tx: TxRunner,
  p: { seq: number; nodeIds: readonly string[] },
): Promise<ChangeRow[]> {
  return (await tx.run<{ change: ChangeRow }>(LATER_CHANGES, p)).map((row) => row.change);
}

const MARK_REVERTED = /* cypher */ `
  MATCH (c:Change {uid: $uid})
  SET c.revertedBy = $revertedBy`;

export async function markChangeReverted(
  tx: TxRunner,
  p: { uid: string; revertedBy: string },
): Promise<void> {
  await tx.run(MARK_REVERTED, p);
}

const COUNT_CHANGES = /* cypher */ `MATCH (c:Change) RETURN count(c) AS count`;

export async function countChanges(db: Db): Promise<number> {
  const [row] = await db.read<{ count: number }>(COUNT_CHANGES);
  return Number(row?.count ?? 0);
}

/** What a seed load needs of a change: the fields it touched and the states they had before it. */
export interface ChangeTraceRow {
  seq: number;
  operation: string;
  /** The operation of the change this one reverts, if it is a revert. */
  undoes: string | null;
  fields: string[];
  before: string;
}

const CHANGE_TRACES = /* cypher */ `
  MATCH (c:Change)
  WHERE c.seq > $afterSeq
  OPTIONAL MATCH (undone:Change {uid: c.revertOf})
  RETURN c.seq AS seq, c.operation AS operation, undone.operation AS undoes, c.fields AS fields,
         c.before AS before
  ORDER BY c.seq
  LIMIT $limit`;

/** The journal in `seq` order, a page at a time after `afterSeq`. */
export async function findChangeTraces(
  db: Db,
  p: { afterSeq: number; limit: number },
): Promise<ChangeTraceRow[]> {
  return (await db.read<ChangeTraceRow>(CHANGE_TRACES, p)).map((row) => ({ ...row, seq: Number(row.seq) }));
}

const CHANGE_AFTER = /* cypher */ `
  MATCH (c:Change)
  WHERE c.seq > $seq
  RETURN c.uid AS uid
  LIMIT 1`;

/** A change made after `seq`, if any (a seed load planned before it must not write over it). */
export async function findChangeAfter(tx: TxRunner, seq: number): Promise<string | undefined> {
  const [row] = await tx.run<{ uid: string }>(CHANGE_AFTER, { seq });
  return row?.uid;
}

// A change names what it wrote in `nodeIds`, but for an import too large for the journal
// (graph/import/apply-import.ts), which names only its Source there.
const NODES_TOUCHED_BETWEEN = /* cypher */ `
  MATCH (c:Change)
  WHERE c.seq > $after AND c.seq <= $upto
  WITH collect(c) AS changes
  RETURN size(changes) AS changes,
         size([c IN changes WHERE c.operation = 'import' AND c.nodeIds = [c.sourceId]]) AS unlisted,
         reduce(ids = [], c IN changes | ids + c.nodeIds) AS nodeIds`;

/**
 * The ids of every node written by the changes that made graph versions `after` + 1 to
 * `upto`; null when one of those versions has no change that names them (a seed load, a
 * large import, a bump with no change): only a read of everything then says what moved.
 */
export async function findNodesTouchedBetween(
  db: Db,
  p: { after: number; upto: number },
): Promise<string[] | null> {
  const [row] = await db.read<{ changes: number; unlisted: number; nodeIds: string[] }>(
    NODES_TOUCHED_BETWEEN,
    p,
  );
  if (!row || Number(row.changes) !== p.upto - p.after || Number(row.unlisted) > 0) return null;
  return [...new Set(row.nodeIds)];
}
