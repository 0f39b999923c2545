import type { Db } from '../driver.js';
import { NODE_LABELS, RELATIONSHIP_TYPES, type NodeLabel } from '../model.js';
import { visible } from './fragments.js';
import { stagingLabel } from './import.js';

export interface GraphStatsRow {
  nodes: { label: NodeLabel; count: number }[];
  relationships: { type: string; count: number }[];
}

const ANY_STAGED = NODE_LABELS.map(stagingLabel).join('|');
// A staged node without its real label yet
const hidden = (s: string) => `none(label IN labels(${s}) WHERE label IN $visibleLabels)`;

// Count-store lookups: constant time whatever the size of the graph. A load's nodes
// readers do not see yet, and the relationships touching them, are taken off; outside
// a load, empty label scans. Pending ones are counted in two subqueries, not one per
// label and type: planning dozens more took seconds of a fresh database's first read.
const COUNT_GRAPH = /* cypher */ `
  ${NODE_LABELS.map((label, i) => `CALL () { MATCH (:${label}) RETURN count(*) AS n${i} }`).join('\n  ')}
  ${RELATIONSHIP_TYPES.map((type, i) => `CALL () { MATCH ()-[:${type}]->() RETURN count(*) AS r${i} }`).join('\n  ')}
  ${RELATIONSHIP_TYPES.map((type, i) => `CALL () { MATCH (s:${ANY_STAGED})-[r:${type}]-() WHERE ${hidden('s')} RETURN count(DISTINCT r) AS s${i} }`).join('\n  ')}
  CALL () { MATCH (p:Pending) WHERE NOT ${visible('p')}
    RETURN collect([label IN labels(p) WHERE label IN $visibleLabels][0]) AS pendingLabels }
  CALL () { MATCH (p:Pending)-[r]-(o) WHERE NOT ${visible('p')} AND NOT (o:${ANY_STAGED} AND ${hidden('o')})
    WITH DISTINCT r RETURN collect(type(r)) AS pendingTypes }
  RETURN [${NODE_LABELS.map((label, i) => `n${i} - size([l IN pendingLabels WHERE l = '${label}'])`).join(', ')}] AS labels,
         [${RELATIONSHIP_TYPES.map((type, i) => `r${i} - s${i} - size([t IN pendingTypes WHERE t = '${type}'])`).join(', ')}] AS types`;

export async function countGraph(db: Db): Promise<GraphStatsRow> {
  const [row] = await db.read<{ labels: number[]; types: number[] }>(COUNT_GRAPH, {
    visibleLabels: NODE_LABELS,
  });
  return {
    nodes: NODE_LABELS.map((label, i) => ({ label, count: row?.labels[i] ?? 0 })),
    relationships: RELATIONSHIP_TYPES.map((type, i) => ({ type, count: row?.types[i] ?? 0 })),
  };
}

const COUNT_NODES = /* cypher */ `MATCH (n) WHERE NOT n:_Migration RETURN count(n) AS count`;

export async function countNodes(db: Db): Promise<number> {
  const [row] = await db.read<{ count: number }>(COUNT_NODES);
  return row?.count ?? 0;
}
