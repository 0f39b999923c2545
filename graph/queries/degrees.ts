import type { Db } from '../driver.js';
import type { RelationshipType } from '../model.js';
import { idsByLabel, matchNodesById } from './rows.js';

/** How many relationships of one type a node has in one direction. */
export interface RelationCountRow {
  type: RelationshipType;
  direction: 'OUT' | 'IN';
  count: number;
}

const COUNT_RELATIONS = /* cypher */ `
  ${matchNodesById('n', 'ids')}
  MATCH (n)-[r]-()
  RETURN n.id AS id, type(r) AS type, CASE startNode(r) WHEN n THEN 'OUT' ELSE 'IN' END AS direction, count(r) AS count`;

/**
 * Relationship counts by type and direction for several nodes in one round trip:
 * the batch function behind the per-request degrees loader. Self-loops count once each way.
 */
export async function countRelationsBatch(db: Db, ids: readonly string[]): Promise<RelationCountRow[][]> {
  const rows = await db.read<{ id: string } & RelationCountRow>(COUNT_RELATIONS, {
    ids: idsByLabel([...new Set(ids)]),
  });
  const byId = new Map<string, RelationCountRow[]>();
  for (const { id, type, direction, count } of rows) {
    const list = byId.get(id) ?? [];
    list.push({ type, direction, count: Number(count) });
    byId.set(id, list);
  }
  return ids.map((id) =>
    (byId.get(id) ?? []).sort(
      (a, b) => a.type.localeCompare(b.type) || a.direction.localeCompare(b.direction),
    ),
  );
}
