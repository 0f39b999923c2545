import type { Db } from '../driver.js';
import type { RelationshipType } from '../model.js';
import { idsByLabel, matchNodesById, projectNode, toNodeRow, type RelationRow } from './rows.js';

export interface RelationKey {
  id: string;
  type: RelationshipType;
  direction: 'OUT' | 'IN';
}

// Keys arrive grouped by node id, so each node finds its own keys by one map lookup
// (a list filtered per node grows with nodes × keys); the type is dynamic but
// always one of RELATIONSHIP_TYPES, checked above graph/.
const FIND_RELATIONS = /* cypher */ `
  ${matchNodesById('n', 'ids')}
  UNWIND $keysById[n.id] AS key
  CALL (n, key) {
    MATCH (n)-[r:$(key.type)]->(m) WHERE key.direction = 'OUT'
    RETURN r, m
    UNION ALL
    MATCH (n)<-[r:$(key.type)]-(m) WHERE key.direction = 'IN'
    RETURN r, m
  }
  RETURN key.index AS index, type(r) AS type, properties(r) AS props, ${projectNode('m')} AS other
  ORDER BY other.props.name`;

/** Keys indexed by their position in the batch, grouped under their node's id. */
function groupKeysById(keys: readonly RelationKey[]) {
  const byId = new Map<string, { type: RelationshipType; direction: 'OUT' | 'IN'; index: number }[]>();
  keys.forEach((key, index) => {
    const list = byId.get(key.id) ?? [];
    list.push({ type: key.type, direction: key.direction, index });
    byId.set(key.id, list);
  });
  // fromEntries defines own properties, so an id such as "__proto__:x" stays a plain key.
  return Object.fromEntries(byId);
}

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
    keysById: groupKeysById(keys),
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
