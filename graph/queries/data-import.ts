import type { Db } from '../driver.js';
import type { NodeLabel, PropertyValue, RelationshipType } from '../model.js';
import { visible } from './fragments.js';

/**
 * The reads of an import (issue 13): what the graph already holds that an
 * import may meet, compare itself with, or find vanished. Its writes go through
 * the staged loader (graph/queries/import.ts).
 */

const PAGE = 5_000;

const TERRITORY_IDS_PAGE = /* cypher */ `
  MATCH (t:Territory) WHERE t.id > $after
  RETURN t.id AS id ORDER BY t.id LIMIT $limit`;

/** Every territory id of the graph (the grid codes are checked against them). */
export async function findTerritoryIds(db: Db): Promise<Set<string>> {
  const ids = new Set<string>();
  let after = '';
  for (;;) {
    const rows = await db.read<{ id: string }>(TERRITORY_IDS_PAGE, { after, limit: PAGE });
    for (const row of rows) ids.add(row.id);
    if (rows.length < PAGE) return ids;
    after = rows[rows.length - 1]!.id;
  }
}

/** What entity resolution compares an imported organisation with. */
export interface ResolvableNodeRow {
  id: string;
  name: string;
  aliases: string[] | null;
  acronym: string | null;
  identifiers: string[] | null;
  siret: string | null;
  communes: string[];
}

const resolvablePage = (label: 'Organisation' | 'Dispositif') => /* cypher */ `
  MATCH (n:${label}) WHERE n.id > $after AND ${visible('n')}
  WITH n ORDER BY n.id LIMIT $limit
  RETURN n.id AS id, n.name AS name, n.aliases AS aliases, n.acronym AS acronym,
         n.identifiers AS identifiers, n.siret AS siret,
         COLLECT { MATCH (n)-[:LOCATED_IN]->(t:Territory) RETURN t.id } AS communes`;

/** Every organisation or dispositif with its names, identifiers and seats, page by page. */
export async function findResolvableNodes(
  db: Db,
  label: 'Organisation' | 'Dispositif',
): Promise<ResolvableNodeRow[]> {
  const all: ResolvableNodeRow[] = [];
  let after = '';
  for (;;) {
    const rows = await db.read<ResolvableNodeRow>(resolvablePage(label), { after, limit: PAGE });
    all.push(...rows);
    if (rows.length < PAGE) return all;
    after = rows[rows.length - 1]!.id;
  }
}

const nodeProps = (label: NodeLabel) => /* cypher */ `
  UNWIND $ids AS id
  MATCH (n:${label} {id: id}) WHERE ${visible('n')}
  RETURN n.id AS id, properties(n) AS props`;

/** The stored properties of nodes of one label, by id (absent ids are left out). */
export async function findNodeProps(
  db: Db,
  label: NodeLabel,
  ids: readonly string[],
): Promise<Map<string, Record<string, PropertyValue>>> {
  const found = new Map<string, Record<string, PropertyValue>>();
  for (let i = 0; i < ids.length; i += PAGE) {
    const rows = await db.read<{ id: string; props: Record<string, PropertyValue> }>(nodeProps(label), {
      ids: ids.slice(i, i + PAGE),
    });
    for (const row of rows) found.set(row.id, row.props);
  }
  return found;
}

export interface StoredLinkRow {
  type: RelationshipType;
  from: string;
  to: string;
  props: Record<string, PropertyValue>;
}

const outgoingLinks = (label: NodeLabel, type: RelationshipType) => /* cypher */ `
  UNWIND $ids AS id
  MATCH (n:${label} {id: id})-[r:${type}]->(m) WHERE ${visible('n')} AND ${visible('m')}
  RETURN n.id AS from, m.id AS to, properties(r) AS props`;

/** The links of `type` leaving nodes of `label`, with their properties. */
export async function findOutgoingLinks(
  db: Db,
  label: NodeLabel,
  type: RelationshipType,
  ids: readonly string[],
): Promise<StoredLinkRow[]> {
  const links: StoredLinkRow[] = [];
  for (let i = 0; i < ids.length; i += PAGE) {
    const rows = await db.read<Omit<StoredLinkRow, 'type'>>(outgoingLinks(label, type), {
      ids: ids.slice(i, i + PAGE),
    });
    for (const row of rows) links.push({ type, ...row });
  }
  return links;
}

const scopedNodes = (label: NodeLabel) => /* cypher */ `
  MATCH (n:${label})
  WHERE n.id STARTS WITH $idPrefix AND ${visible('n')} AND any(identifier IN n.identifiers WHERE identifier STARTS WITH $scope)
  RETURN n.id AS id, properties(n) AS props`;

/** Nodes an earlier import created under `scope` (an identifier prefix): those the import may find vanished. */
export async function findScopedNodes(
  db: Db,
  label: NodeLabel,
  p: { idPrefix: string; scope: string },
): Promise<{ id: string; props: Record<string, PropertyValue> }[]> {
  return db.read(scopedNodes(label), p);
}

const SOURCE_EXISTS = /* cypher */ `
  MATCH (s:Source {id: $id}) WHERE ${visible('s')} RETURN s.id AS id`;

export async function sourceExists(db: Db, id: string): Promise<boolean> {
  return (await db.read<{ id: string }>(SOURCE_EXISTS, { id })).length > 0;
}

const vocabularyNames = (label: 'Theme' | 'Public') => /* cypher */ `
  MATCH (n:${label}) RETURN n.id AS id, n.name AS name ORDER BY n.id`;

/** Every theme or public of the graph with its name (a spreadsheet may name them either way). */
export async function findVocabularyNames(
  db: Db,
  label: 'Theme' | 'Public',
): Promise<{ id: string; name: string }[]> {
  return db.read(vocabularyNames(label));
}
