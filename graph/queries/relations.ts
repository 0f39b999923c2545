import type { Db } from '../driver.js';
import type { RelationshipType } from '../model.js';
import { idsByLabel, matchNodesById, projectNode, toNodeRow, type RelationRow } from './rows.js';

export interface RelationKey {
  id: string;
  type: RelationshipType;
  direction: 'OUT' | 'IN';
}

const FIND_RELATIONS = /* cypher */ `
  ${matchNodesById('n', 'ids')}
  UNWIND [k IN $keys WHERE k.id = n.id] AS key
  CALL (n, key) {
    MATCH (n)-[r]->(m) WHERE key.direction = 'OUT' AND type(r) = key.type
    RETURN r, m
    UNION
    MATCH (n)<-[r]-(m) WHERE key.direction = 'IN' AND type(r) = key.type
    RETURN r, m
  }
  RETURN key.index AS index, type(r) AS type, properties(r) AS props, ${projectNode('m')} AS other
  ORDER BY other.props.name`;

/**
 * Relations of several (node, type, direction) keys in one round trip: the batch
 * function behind the per-request relation loader.
 */
export async function findRelationsBatch(db: Db, keys: readonly RelationKey[]): Promise<RelationRow[][]> {
  const rows = await db.read<{
    index: number;
    type: string;
    props: Record<string, unknown>;
    other: Parameters<typeof toNodeRow>[0];
  }>(FIND_RELATIONS, {
    ids: idsByLabel([...new Set(keys.map((k) => k.id))]),
    keys: keys.map((key, index) => ({ ...key, index })),
  });
  const grouped: RelationRow[][] = keys.map(() => []);
  for (const row of rows) {
    const { sources, ...props } = row.props;
    grouped[row.index]?.push({
      type: row.type,
      direction: keys[row.index]!.direction,
      props,
      sources: Array.isArray(sources) ? (sources as string[]) : [],
      other: toNodeRow(row.other),
    });
  }
  return grouped;
}
