import type { Db } from '../driver.js';
import type { RelationshipType } from '../model.js';
import {
  idsByLabel,
  labelsWithIds,
  matchNodesById,
  perLabels,
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

// One hop from `n`: links `r` to visible neighbours `m`, at most $rowLimit. Structural
// links (grid, provenance) come last so that a capped expansion shows the actors first.
const HOP_FROM_N = /* cypher */ `
  MATCH (n)-[r]-(m)
  WHERE ($types IS NULL OR type(r) IN $types) AND ${visible('m')}
  WITH r, m, CASE WHEN type(r) IN ['PART_OF', 'MENTIONED_IN'] THEN 1 ELSE 0 END AS structural
  ORDER BY structural, m.name
  LIMIT $rowLimit`;

const expandFrontierQuery = perLabels(
  (labels) => /* cypher */ `
  ${matchNodesById('n', 'ids', labels)}
  ${HOP_FROM_N}
  RETURN ${projectEdge('r')} AS edge, ${projectNode('m')} AS node`,
);

// The first hop with its start nodes, in one round trip: which of the ids name a
// (visible) node, and their neighbours in the order and under the cap of EXPAND_FRONTIER.
const startAndExpandQuery = perLabels(
  (labels) => /* cypher */ `
  ${matchNodesById('n', 'ids', labels)}
  WITH collect(n) AS start
  CALL (start) {
    UNWIND start AS n
    ${HOP_FROM_N}
    RETURN collect({edge: ${projectEdge('r')}, node: ${projectNode('m')}}) AS hits
  }
  RETURN [n IN start | ${projectNode('n')}] AS start, hits`,
);

interface Expansion {
  nodes: Map<string, NodeRow>;
  edges: Map<string, EdgeRow>;
  truncated: boolean;
  frontier: string[];
}

/** Adds one hop's rows: new nodes (up to `limit`) make the next frontier. */
function addHop(
  into: Expansion,
  rows: readonly { edge: RawEdge; node: RawNode }[],
  rowLimit: number,
  limit: number,
) {
  if (rows.length === rowLimit) into.truncated = true;
  const next: string[] = [];
  for (const row of rows) {
    if (!into.nodes.has(row.node.id)) {
      if (into.nodes.size >= limit) {
        into.truncated = true;
        continue;
      }
      into.nodes.set(row.node.id, toNodeRow(row.node));
      next.push(row.node.id);
    }
    const edge = toEdgeRow(row.edge);
    into.edges.set(edge.id, edge);
  }
  into.frontier = next;
}

/** Hops after the first, one round trip each, until `depth`, the cap, or no new node. */
async function expandFurther(
  db: Db,
  into: Expansion,
  p: { hops: number; types?: readonly RelationshipType[]; limit: number; rowLimit: number },
): Promise<GraphSliceRow> {
  for (let hop = 0; hop < p.hops && into.frontier.length > 0 && !into.truncated; hop += 1) {
    const grouped = idsByLabel(into.frontier);
    const rows = await db.read<{ edge: RawEdge; node: RawNode }>(
      expandFrontierQuery(labelsWithIds(grouped)),
      {
        ids: grouped,
        types: p.types?.length ? p.types : null,
        rowLimit: p.rowLimit,
      },
    );
    addHop(into, rows, p.rowLimit, p.limit);
  }
  return { nodes: [...into.nodes.values()], edges: [...into.edges.values()], truncated: into.truncated };
}

/**
 * Breadth-first expansion from start ids over `depth` hops (one at least), capped at `limit`
 * nodes: the start nodes and the first hop in one round trip, one more per further hop.
 * `start` holds the ids that name a node (the caller answers NOT_FOUND for the others).
 */
export async function expandNeighbourhoodOf(
  db: Db,
  params: { ids: readonly string[]; depth: number; types?: readonly RelationshipType[]; limit: number },
): Promise<{ start: NodeRow[]; slice: GraphSliceRow }> {
  const rowLimit = params.limit * 3 + 1;
  const grouped = idsByLabel(params.ids);
  const [row] = await db.read<{ start: RawNode[]; hits: { edge: RawEdge; node: RawNode }[] }>(
    startAndExpandQuery(labelsWithIds(grouped)),
    { ids: grouped, types: params.types?.length ? params.types : null, rowLimit },
  );
  const start = (row?.start ?? []).map(toNodeRow);
  const into: Expansion = {
    nodes: new Map(start.map((node) => [node.id, node])),
    edges: new Map(),
    truncated: false,
    frontier: [],
  };
  addHop(into, row?.hits ?? [], rowLimit, params.limit);
  const slice = await expandFurther(db, into, { ...params, hops: params.depth - 1, rowLimit });
  return { start, slice };
}
