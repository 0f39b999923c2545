import type { Db } from '../driver.js';
import { NODE_LABELS, RELATIONSHIP_TYPES, type NodeLabel } from '../model.js';

export interface GraphStatsRow {
  nodes: { label: NodeLabel; count: number }[];
  relationships: { type: string; count: number }[];
}

// Count-store lookups: constant time whatever the size of the graph.
const COUNT_LABELS = NODE_LABELS.map(
  (label) => `CALL () { MATCH (n:${label}) RETURN count(n) AS \`${label}\` }`,
).join('\n');
const COUNT_TYPES = RELATIONSHIP_TYPES.map(
  (type) => `CALL () { MATCH ()-[r:${type}]->() RETURN count(r) AS \`${type}\` }`,
).join('\n');

const COUNT_ALL = /* cypher */ `
  ${COUNT_LABELS}
  ${COUNT_TYPES}
  RETURN ${[...NODE_LABELS, ...RELATIONSHIP_TYPES].map((name) => `\`${name}\``).join(', ')}`;

export async function countGraph(db: Db): Promise<GraphStatsRow> {
  const [row = {}] = await db.read<Record<string, number>>(COUNT_ALL);
  return {
    nodes: NODE_LABELS.map((label) => ({ label, count: row[label] ?? 0 })),
    relationships: RELATIONSHIP_TYPES.map((type) => ({ type, count: row[type] ?? 0 })),
  };
}

const COUNT_NODES = /* cypher */ `MATCH (n) WHERE NOT n:_Migration RETURN count(n) AS count`;

export async function countNodes(db: Db): Promise<number> {
  const [row] = await db.read<{ count: number }>(COUNT_NODES);
  return row?.count ?? 0;
}
