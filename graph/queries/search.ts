import type { Db } from '../driver.js';
import type { NodeLabel } from '../model.js';
import { foldText } from '../text.js';
import { projectNode, toNodeRow, type NodeRow } from './rows.js';

export interface SearchHitRow {
  node: NodeRow;
  score: number;
}

/**
 * Each folded word must match, as a whole word (boosted) or as a prefix, so
 * "miss" finds "Mission locale" and "ecole" finds "École".
 */
export function toLuceneQuery(text: string): string | undefined {
  const words = foldText(text).split(' ').filter(Boolean);
  if (words.length === 0) return undefined;
  return words.map((word) => `+(${word}^3 OR ${word}*)`).join(' ');
}

const SEARCH_NODES = /* cypher */ `
  CALL db.index.fulltext.queryNodes('node_search', $query, {limit: $candidates}) YIELD node, score
  WHERE $labels IS NULL OR labels(node)[0] IN $labels
  WITH node, score
  ORDER BY score DESC, CASE labels(node)[0] WHEN 'Territory' THEN 1 WHEN 'Source' THEN 2 ELSE 0 END, size(node.name) ASC
  LIMIT $first
  RETURN ${projectNode('node')} AS node, score`;

export async function searchNodes(
  db: Db,
  params: { text: string; labels?: readonly NodeLabel[]; first: number },
): Promise<SearchHitRow[]> {
  const query = toLuceneQuery(params.text);
  if (!query) return [];
  const rows = await db.read<{ node: Parameters<typeof toNodeRow>[0]; score: number }>(SEARCH_NODES, {
    query,
    labels: params.labels?.length ? params.labels : null,
    first: params.first,
    // The kind filter runs after the index: fetch enough candidates to fill `first`.
    candidates: params.labels?.length ? Math.max(params.first * 20, 500) : Math.max(params.first * 5, 100),
  });
  return rows.map((row) => ({ node: toNodeRow(row.node), score: row.score }));
}
