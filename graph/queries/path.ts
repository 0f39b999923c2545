import type { Db } from '../driver.js';
import type { RelationshipType } from '../model.js';
import {
  idsByLabel,
  matchNodesById,
  projectEdge,
  projectNode,
  toEdgeRow,
  toNodeRow,
  type GraphSliceRow,
} from './rows.js';

// Provenance links would make every pair of actors two hops apart through an article.
const DEFAULT_EXCLUDED = ['MENTIONED_IN'];

const SHORTEST_PATH = (maxLength: number) => /* cypher */ `
  ${matchNodesById('a', 'from')}
  ${matchNodesById('b', 'to')}
  MATCH p = shortestPath((a)-[*..${maxLength}]-(b))
  WHERE all(r IN relationships(p) WHERE
    CASE WHEN $types IS NULL THEN NOT type(r) IN $excluded ELSE type(r) IN $types END)
  RETURN [n IN nodes(p) | ${projectNode('n')}] AS nodes, [r IN relationships(p) | ${projectEdge('r')}] AS edges`;

/** One shortest path, nodes in order from `from` to `to`; empty when none within `maxLength`. */
export async function findShortestPath(
  db: Db,
  params: { from: string; to: string; types?: readonly RelationshipType[]; maxLength: number },
): Promise<GraphSliceRow> {
  // maxLength is an integer validated by the caller; Cypher does not take it as a parameter here.
  const length = Math.max(1, Math.min(Math.trunc(params.maxLength), 10));
  const rows = await db.read<{
    nodes: Parameters<typeof toNodeRow>[0][];
    edges: Parameters<typeof toEdgeRow>[0][];
  }>(SHORTEST_PATH(length), {
    from: idsByLabel([params.from]),
    to: idsByLabel([params.to]),
    types: params.types?.length ? params.types : null,
    excluded: DEFAULT_EXCLUDED,
  });
  const [row] = rows;
  if (!row) return { nodes: [], edges: [], truncated: false };
  return { nodes: row.nodes.map(toNodeRow), edges: row.edges.map(toEdgeRow), truncated: false };
}
