import type { Db } from '../driver.js';
import type { RelationshipType } from '../model.js';
import {
  idsByLabel,
  matchNodesById,
  projectEdge,
  projectNode,
  toEdgeRow,
  toNodeRow,
  type EdgeRow,
  type GraphSliceRow,
  type NodeRow,
} from './rows.js';
import { visible } from './fragments.js';

type RawNode = Parameters<typeof toNodeRow>[0];
type RawEdge = Parameters<typeof toEdgeRow>[0];

// Structural links (grid, provenance) come last so that a capped expansion
// shows the actors first.
const EXPAND_FRONTIER = /* cypher */ `
  ${matchNodesById('n', 'ids')}
  MATCH (n)-[r]-(m)
  WHERE ($types IS NULL OR type(r) IN $types) AND ${visible('m')}
  WITH r, m, CASE WHEN type(r) IN ['PART_OF', 'MENTIONED_IN'] THEN 1 ELSE 0 END AS structural
  ORDER BY structural, m.name
  LIMIT $rowLimit
  RETURN ${projectEdge('r')} AS edge, ${projectNode('m')} AS node`;

/**
 * Breadth-first expansion from start nodes already read (the caller checked
 * they exist), one round trip per hop, capped at `limit` nodes.
 */
export async function expandNeighbourhood(
  db: Db,
  params: { start: readonly NodeRow[]; depth: number; types?: readonly RelationshipType[]; limit: number },
): Promise<GraphSliceRow> {
  const nodes = new Map<string, NodeRow>();
  for (const node of params.start) nodes.set(node.id, node);
  const edges = new Map<string, EdgeRow>();
  let truncated = false;
  let frontier = [...nodes.keys()];
  const rowLimit = params.limit * 3 + 1;

  for (let hop = 0; hop < params.depth && frontier.length > 0 && !truncated; hop += 1) {
    const rows = await db.read<{ edge: RawEdge; node: RawNode }>(EXPAND_FRONTIER, {
      ids: idsByLabel(frontier),
      types: params.types?.length ? params.types : null,
      rowLimit,
    });
    if (rows.length === rowLimit) truncated = true;
    const next: string[] = [];
    for (const row of rows) {
      if (!nodes.has(row.node.id)) {
        if (nodes.size >= params.limit) {
          truncated = true;
          continue;
        }
        nodes.set(row.node.id, toNodeRow(row.node));
        next.push(row.node.id);
      }
      const edge = toEdgeRow(row.edge);
      edges.set(edge.id, edge);
    }
    frontier = next;
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()], truncated };
}
