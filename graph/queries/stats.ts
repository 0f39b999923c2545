import type { Db } from '../driver.js';
import { NODE_LABELS, RELATIONSHIP_TYPES, type NodeLabel } from '../model.js';

export interface GraphStatsRow {
  nodes: { label: NodeLabel; count: number }[];
  relationships: { type: string; count: number }[];
}

// Count-store lookups: constant time whatever the size of the graph. Two short
// queries rather than one long one: the driver leaves Nagle's algorithm on, and a
// query text over one TCP segment (~1.4 KB) waits ~40 ms for a delayed ACK.
const countQuery = (names: readonly string[], pattern: (name: string) => string) => /* cypher */ `
  ${names.map((name, i) => `CALL () { MATCH ${pattern(name)} RETURN count(*) AS c${i} }`).join('\n')}
  RETURN [${names.map((_, i) => `c${i}`).join(', ')}] AS counts`;

const COUNT_LABELS = countQuery(NODE_LABELS, (label) => `(:${label})`);
const COUNT_TYPES = countQuery(RELATIONSHIP_TYPES, (type) => `()-[:${type}]->()`);

export async function countGraph(db: Db): Promise<GraphStatsRow> {
  const [labels, types] = await Promise.all([
    db.read<{ counts: number[] }>(COUNT_LABELS),
    db.read<{ counts: number[] }>(COUNT_TYPES),
  ]);
  return {
    nodes: NODE_LABELS.map((label, i) => ({ label, count: labels[0]?.counts[i] ?? 0 })),
    relationships: RELATIONSHIP_TYPES.map((type, i) => ({ type, count: types[0]?.counts[i] ?? 0 })),
  };
}

const COUNT_NODES = /* cypher */ `MATCH (n) WHERE NOT n:_Migration RETURN count(n) AS count`;

export async function countNodes(db: Db): Promise<number> {
  const [row] = await db.read<{ count: number }>(COUNT_NODES);
  return row?.count ?? 0;
}
