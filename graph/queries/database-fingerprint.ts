import type { Db } from '../driver.js';

export interface DatabaseFingerprint {
  nodes: number;
  relationships: number;
  labels: string[];
  relationshipTypes: string[];
  indexes: string[];
  constraints: string[];
}

const COUNT_NODES = /* cypher */ `MATCH (n) RETURN count(n) AS count`;
const COUNT_RELATIONSHIPS = /* cypher */ `MATCH ()-[r]->() RETURN count(r) AS count`;
const LIST_LABELS = /* cypher */ `CALL db.labels() YIELD label RETURN label AS name ORDER BY name`;
const LIST_TYPES = /* cypher */ `CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType AS name ORDER BY name`;
const LIST_INDEXES = /* cypher */ `SHOW INDEXES YIELD name RETURN name ORDER BY name`;
const LIST_CONSTRAINTS = /* cypher */ `SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name`;

const names = async (db: Db, cypher: string) =>
  (await db.read<{ name: string }>(cypher)).map((row) => row.name);

/**
 * What a write would change, at a glance: counts, labels and types in use, the
 * schema. The console's attack-list test compares it before and after.
 */
export async function findDatabaseFingerprint(db: Db): Promise<DatabaseFingerprint> {
  const [[nodes], [relationships]] = await Promise.all([
    db.read<{ count: number }>(COUNT_NODES),
    db.read<{ count: number }>(COUNT_RELATIONSHIPS),
  ]);
  return {
    nodes: Number(nodes?.count ?? 0),
    relationships: Number(relationships?.count ?? 0),
    labels: await names(db, LIST_LABELS),
    relationshipTypes: await names(db, LIST_TYPES),
    indexes: await names(db, LIST_INDEXES),
    constraints: await names(db, LIST_CONSTRAINTS),
  };
}
