import type { Db } from '../driver.js';
import type { NodeLabel } from '../model.js';
import {
  idsByLabel,
  labelsWithIds,
  matchNodesById,
  perLabels,
  projectNode,
  toNodeRow,
  type NodeRow,
} from './rows.js';
import { visible } from './fragments.js';

const findNodesByIdsQuery = perLabels(
  (labels) => /* cypher */ `
  ${matchNodesById('n', 'ids', labels)}
  RETURN ${projectNode('n')} AS node`,
);

/** Nodes for the given ids, in no particular order; unknown ids are simply absent. */
export async function findNodesByIds(db: Db, ids: readonly string[]): Promise<NodeRow[]> {
  if (ids.length === 0) return [];
  const grouped = idsByLabel(ids);
  const rows = await db.read<{ node: Parameters<typeof toNodeRow>[0] }>(
    findNodesByIdsQuery(labelsWithIds(grouped)),
    { ids: grouped },
  );
  return rows.map((row) => toNodeRow(row.node));
}

const findByLabel = (label: NodeLabel) => /* cypher */ `
  MATCH (n:${label}) WHERE ${visible('n')}
  RETURN ${projectNode('n')} AS node
  ORDER BY n.name`;

/** Every node of a small label (themes, publics, sources), by name. */
export async function findNodesByLabel(db: Db, label: 'Theme' | 'Public' | 'Source'): Promise<NodeRow[]> {
  const rows = await db.read<{ node: Parameters<typeof toNodeRow>[0] }>(findByLabel(label));
  return rows.map((row) => toNodeRow(row.node));
}

const FIND_FUNDERS = /* cypher */ `
  MATCH (o:Organisation)
  WHERE ${visible('o')} AND EXISTS { (o)-[:FUNDS]->(d) WHERE ${visible('d')} }
  RETURN ${projectNode('o')} AS node
  ORDER BY o.name`;

/** Organisations with at least one outgoing FUNDS relationship. */
export async function findFunders(db: Db): Promise<NodeRow[]> {
  const rows = await db.read<{ node: Parameters<typeof toNodeRow>[0] }>(FIND_FUNDERS);
  return rows.map((row) => toNodeRow(row.node));
}

const FIND_THEME_CHILDREN = /* cypher */ `
  MATCH (t:Theme)
  WHERE t.parent IN $ids
  RETURN t.parent AS parent, ${projectNode('t')} AS node
  ORDER BY t.name`;

/** The sub-themes of each theme (themes naming it as `parent`), by name, in the order of `ids`. */
export async function findThemeChildrenBatch(db: Db, ids: readonly string[]): Promise<NodeRow[][]> {
  const rows = await db.read<{ parent: string; node: Parameters<typeof toNodeRow>[0] }>(FIND_THEME_CHILDREN, {
    ids: [...new Set(ids)],
  });
  const byParent = new Map<string, NodeRow[]>();
  for (const row of rows) {
    let list = byParent.get(row.parent);
    if (!list) byParent.set(row.parent, (list = []));
    list.push(toNodeRow(row.node));
  }
  return ids.map((id) => byParent.get(id) ?? []);
}
