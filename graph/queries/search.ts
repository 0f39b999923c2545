import type { Db } from '../driver.js';
import type { NodeLabel } from '../model.js';
import { foldText } from '../text.js';
import { projectNode, toNodeRow, type NodeRow } from './rows.js';
import { visible } from './fragments.js';

export interface SearchHitRow {
  node: NodeRow;
  score: number;
}

/**
 * Abbreviations people type for the words names spell out, and back: "st emilion"
 * finds "Saint-Émilion", "communauté de communes" finds "CC du Pays Foyen". Folded
 * (graph/text.ts), so the apostrophe of "d'agglomération" is a space.
 */
const ABBREVIATIONS: readonly (readonly [short: string, long: string])[] = [
  ['st', 'saint'],
  ['ste', 'sainte'],
  ['sts', 'saints'],
  ['stes', 'saintes'],
  ['cc', 'communaute de communes'],
  ['ca', 'communaute d agglomeration'],
  ['cu', 'communaute urbaine'],
];

/** Words of this length or more also match with one typo (two from `TWO_TYPOS_FROM`). */
const FUZZY_FROM = 5;
const TWO_TYPOS_FROM = 9;

// Lucene's query syntax; folding already leaves only [a-z0-9 ], this keeps it so if folding changes.
const LUCENE_SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|]/g;
const escapeLucene = (term: string) => term.replace(LUCENE_SPECIAL, (char) => `\\${char}`);

/** One word: whole (boosted), prefix, and with a typo when long enough. */
function wordClauses(word: string): string[] {
  const term = escapeLucene(word);
  const clauses = [`${term}^3`, `${term}*`];
  if (word.length >= FUZZY_FROM && /^[a-z]+$/.test(word))
    clauses.push(`${term}~${word.length >= TWO_TYPOS_FROM ? 2 : 1}`);
  return clauses;
}

const phrase = (words: readonly string[]) => `"${words.map(escapeLucene).join(' ')}"`;

/** What an abbreviation stands for, as clauses: a phrase for several words. */
function spelledOut(long: string): string[] {
  const words = long.split(' ');
  return words.length > 1 ? [`${phrase(words)}^3`] : wordClauses(long);
}

/** The clauses for the words at `at`, and how many words they took (a long form may take several). */
function clausesAt(words: readonly string[], at: number): { clauses: string[]; taken: number } {
  for (const [short, long] of ABBREVIATIONS) {
    const longWords = long.split(' ');
    if (longWords.every((word, offset) => words[at + offset] === word))
      return { clauses: [...spelledOut(long), `${escapeLucene(short)}^3`], taken: longWords.length };
  }
  const word = words[at]!;
  const long = ABBREVIATIONS.find(([short]) => short === word)?.[1];
  return { clauses: [...wordClauses(word), ...(long ? spelledOut(long) : [])], taken: 1 };
}

/**
 * Each folded word must match, as a whole word (boosted), as a prefix, or with a
 * typo when it has five letters or more ("miss" finds "Mission locale", "ecole"
 * finds "École", "libournias" finds "Libournais"); abbreviations match what they
 * stand for, both ways. Aliases and former names are in the indexed text
 * (graph/queries/import.ts), so "Pôle emploi" finds France Travail.
 */
export function toLuceneQuery(text: string): string | undefined {
  const words = foldText(text).split(' ').filter(Boolean);
  if (words.length === 0) return undefined;
  const groups: string[] = [];
  for (let at = 0; at < words.length;) {
    const { clauses, taken } = clausesAt(words, at);
    groups.push(`+(${clauses.join(' OR ')})`);
    at += taken;
  }
  return groups.join(' ');
}

const SEARCH_NODES = /* cypher */ `
  CALL db.index.fulltext.queryNodes('node_search_eventual', $query, {limit: $candidates}) YIELD node, score
  WHERE ${visible('node')} AND ($labels IS NULL OR labels(node)[0] IN $labels)
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

const AWAIT_SEARCH_INDEX = /* cypher */ `CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()`;

/** Waits until the search index holds every committed write (it is eventually consistent: migration 0011). */
export async function awaitSearchIndex(db: Db): Promise<void> {
  await db.write(AWAIT_SEARCH_INDEX);
}
