import type { Db } from '../driver.js';
import type { RelationshipType } from '../model.js';
import {
  idsByLabel,
  labelsWithIds,
  matchNodesById,
  perLabels,
  projectEdge,
  toEdgeRow,
  type EdgeRow,
} from './rows.js';
import { visible } from './fragments.js';

const findEdgesAmongQuery = perLabels(
  (labels) => /* cypher */ `
  ${matchNodesById('a', 'grouped', labels)}
  MATCH (a)-[r]->(b)
  WHERE b.id IN $ids AND ${visible('b')} AND ($types IS NULL OR type(r) IN $types)
  RETURN ${projectEdge('r')} AS edge`,
);

/** Every relationship whose two ends are among `ids` ("show the links between what is on screen"). */
export async function findEdgesAmong(
  db: Db,
  params: { ids: readonly string[]; types?: readonly RelationshipType[] },
): Promise<EdgeRow[]> {
  if (params.ids.length === 0) return [];
  const grouped = idsByLabel(params.ids);
  const rows = await db.read<{ edge: Parameters<typeof toEdgeRow>[0] }>(
    findEdgesAmongQuery(labelsWithIds(grouped)),
    {
      grouped,
      ids: params.ids,
      types: params.types?.length ? params.types : null,
    },
  );
  return rows.map((row) => toEdgeRow(row.edge));
}
