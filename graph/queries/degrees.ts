import type { Db } from '../driver.js';
import type { RelationshipType } from '../model.js';
import { idsByLabel, labelsWithIds, matchNodesById, perLabels } from './rows.js';
import { visible } from './fragments.js';

/** How many relationships of one type a node has in one direction. */
export interface RelationCountRow {
  type: RelationshipType;
  direction: 'OUT' | 'IN';
  count: number;
}

/** The counts of node `n`, as a list of `RelationCountRow` maps (a subquery of other reads too). */
export const COUNTS_OF_N = /* cypher */ `COLLECT {
    MATCH (n)-[r]-(o) WHERE ${visible('o')}
    WITH type(r) AS type, CASE startNode(r) WHEN n THEN 'OUT' ELSE 'IN' END AS direction, count(r) AS count
    RETURN {type: type, direction: direction, count: count}
  }`;

const countRelationsQuery = perLabels(
  (labels) => /* cypher */ `
  ${matchNodesById('n', 'ids', labels)}
  RETURN n.id AS id, ${COUNTS_OF_N} AS counts`,
);

/** Counts as `COUNTS_OF_N` gives them, in a stable order: by type, then direction. */
export function toRelationCounts(counts: readonly RelationCountRow[]): RelationCountRow[] {
  return counts
    .map(({ type, direction, count }) => ({ type, direction, count: Number(count) }))
    .sort((a, b) => a.type.localeCompare(b.type) || a.direction.localeCompare(b.direction));
}

/**
 * Relationship counts by type and direction for several nodes in one round trip:
 * the batch function behind the per-request degrees loader. Self-loops count once each way.
 */
export async function countRelationsBatch(db: Db, ids: readonly string[]): Promise<RelationCountRow[][]> {
  const grouped = idsByLabel([...new Set(ids)]);
  const rows = await db.read<{ id: string; counts: RelationCountRow[] }>(
    countRelationsQuery(labelsWithIds(grouped)),
    { ids: grouped },
  );
  const byId = new Map(rows.map((row) => [row.id, toRelationCounts(row.counts)]));
  return ids.map((id) => byId.get(id) ?? []);
}
