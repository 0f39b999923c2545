import type { TxRunner } from '../driver.js';
import type { NodeLabel, PropertyValue, RelationshipType } from '../model.js';
import { foldText } from '../text.js';
import { toNeo4jProps } from '../values.js';
import { idsByLabel, matchNodesById } from './rows.js';

/** A node's stored state, as a change records it: every property but id, version and searchText. */
export interface NodeState {
  label: NodeLabel;
  props: Record<string, PropertyValue>;
}

/** A relationship's stored state (its properties hold `sources`, evidence, role…). */
export interface LinkState {
  type: RelationshipType;
  from: string;
  to: string;
  props: Record<string, PropertyValue>;
}

// Kept out of recorded states: derived (searchText) or bookkeeping (version).
const UNRECORDED = new Set(['id', 'version', 'searchText']);

function recordedProps(props: Record<string, unknown>): Record<string, PropertyValue> {
  return Object.fromEntries(Object.entries(props).filter(([key]) => !UNRECORDED.has(key))) as Record<
    string,
    PropertyValue
  >;
}

/** What search matches (as the seed computes it): name, acronym, aliases, code. */
function searchTextOf(props: Record<string, PropertyValue>): string {
  const parts = [
    props.name,
    props.acronym,
    props.code,
    ...(Array.isArray(props.aliases) ? props.aliases : []),
  ];
  return foldText(parts.filter((part): part is string => typeof part === 'string').join(' '));
}

// Setting then removing a property takes the node's write lock for the rest of the
// transaction: concurrent edits of one node queue up instead of reading stale state.
const lockNode = (label: NodeLabel) => /* cypher */ `
  MATCH (n:${label} {id: $id})
  SET n._lock = true
  REMOVE n._lock
  RETURN coalesce(n.version, 0) AS version, properties(n) AS props`;

/** Locks a node and reads it; undefined when there is none. */
export async function lockAndReadNode(
  tx: TxRunner,
  label: NodeLabel,
  id: string,
): Promise<{ version: number; state: NodeState } | undefined> {
  const [row] = await tx.run<{ version: number; props: Record<string, unknown> }>(lockNode(label), { id });
  return row
    ? { version: Number(row.version), state: { label, props: recordedProps(row.props) } }
    : undefined;
}

const writeNode = (label: NodeLabel) => /* cypher */ `
  MERGE (n:${label} {id: $id})
  WITH n, coalesce(n.version, 0) AS version
  SET n = $props
  SET n.id = $id, n.searchText = $searchText, n.version = version + 1
  RETURN n.version AS version`;

/** Sets a node's properties to exactly `props` (creating it if needed); returns its new version. */
export async function writeNodeState(tx: TxRunner, id: string, state: NodeState): Promise<number> {
  const [row] = await tx.run<{ version: number }>(writeNode(state.label), {
    id,
    props: toNeo4jProps(state.props),
    searchText: searchTextOf(state.props),
  });
  return Number(row?.version ?? 0);
}

const deleteNode = (label: NodeLabel) => /* cypher */ `
  MATCH (n:${label} {id: $id})
  DETACH DELETE n`;

export async function deleteNodeById(tx: TxRunner, label: NodeLabel, id: string): Promise<void> {
  await tx.run(deleteNode(label), { id });
}

const readLinksOf = (label: NodeLabel) => /* cypher */ `
  MATCH (n:${label} {id: $id})-[r]-(m)
  WHERE m.id IS NOT NULL
  RETURN type(r) AS type, startNode(r).id AS from, endNode(r).id AS to, properties(r) AS props`;

/** Every relationship of a node, both directions. */
export async function readLinksOfNode(tx: TxRunner, label: NodeLabel, id: string): Promise<LinkState[]> {
  return tx.run<LinkState>(readLinksOf(label), { id });
}

const readLink = (type: RelationshipType, from: NodeLabel, to: NodeLabel) => /* cypher */ `
  MATCH (:${from} {id: $from})-[r:${type}]->(:${to} {id: $to})
  RETURN properties(r) AS props
  LIMIT 1`;

export async function readLinkState(
  tx: TxRunner,
  link: { type: RelationshipType; from: string; to: string; fromLabel: NodeLabel; toLabel: NodeLabel },
): Promise<Record<string, PropertyValue> | undefined> {
  const [row] = await tx.run<{ props: Record<string, PropertyValue> }>(
    readLink(link.type, link.fromLabel, link.toLabel),
    link,
  );
  return row?.props;
}

const writeLink = (type: RelationshipType, from: NodeLabel, to: NodeLabel) => /* cypher */ `
  MATCH (a:${from} {id: $from})
  MATCH (b:${to} {id: $to})
  MERGE (a)-[r:${type}]->(b)
  SET r = $props
  RETURN count(r) AS written`;

/** Sets a relationship's properties (creating it); false when an end is missing. */
export async function writeLinkState(
  tx: TxRunner,
  link: LinkState & { fromLabel: NodeLabel; toLabel: NodeLabel },
): Promise<boolean> {
  const [row] = await tx.run<{ written: number }>(writeLink(link.type, link.fromLabel, link.toLabel), {
    from: link.from,
    to: link.to,
    props: toNeo4jProps(link.props),
  });
  return (row?.written ?? 0) > 0;
}

const deleteLink = (type: RelationshipType, from: NodeLabel, to: NodeLabel) => /* cypher */ `
  MATCH (:${from} {id: $from})-[r:${type}]->(:${to} {id: $to})
  DELETE r`;

export async function deleteLinkState(
  tx: TxRunner,
  link: { type: RelationshipType; from: string; to: string; fromLabel: NodeLabel; toLabel: NodeLabel },
): Promise<void> {
  await tx.run(deleteLink(link.type, link.fromLabel, link.toLabel), link);
}

const FIND_SOURCE = /* cypher */ `
  MATCH (s:Source {id: $id})
  RETURN s.id AS id`;

export async function sourceExists(tx: TxRunner, id: string): Promise<boolean> {
  return (await tx.run(FIND_SOURCE, { id })).length > 0;
}

const CREATE_USER_SOURCE = /* cypher */ `
  CREATE (s:Source {id: $id, name: $title, title: $title, url: $url, kind: 'user-edit',
    author: $author, date: date(), searchText: $searchText})
  RETURN s.id AS id`;

/** A source of kind `user-edit`: a URL, a document title or « connaissance de terrain », by its author, today. */
export async function createUserEditSource(
  tx: TxRunner,
  p: { id: string; title: string; url: string | null; author: string },
): Promise<void> {
  await tx.run(CREATE_USER_SOURCE, { ...p, searchText: foldText(p.title) });
}

// A territory is within a département when it is that département or lies inside it.
const within = (t: string) =>
  `(${t}.id IN $departements OR EXISTS { (${t})-[:PART_OF*1..3]->(d:Territory) WHERE d.id IN $departements })`;

const NODES_IN_SCOPE = /* cypher */ `
  ${matchNodesById('n', 'grouped')}
  WITH n
  WHERE (n:Territory AND ${within('n')})
    OR (n:Organisation AND EXISTS { MATCH (n)-[:LOCATED_IN|GOVERNS]->(t:Territory) WHERE ${within('t')} })
    OR (n:Dispositif AND (
      EXISTS { MATCH (n)-[:DEPLOYED_IN]->(t:Territory) WHERE ${within('t')} }
      OR EXISTS { MATCH (n)<-[:CARRIES]-(:Organisation)-[:LOCATED_IN|GOVERNS]->(t:Territory) WHERE ${within('t')} }))
    OR (n:Person AND EXISTS { MATCH (n)-[:WORKS_AT]->(:Organisation)-[:LOCATED_IN|GOVERNS]->(t:Territory) WHERE ${within('t')} })
    OR n:Theme OR n:Public OR n:Source
  RETURN collect(n.id) AS inScope`;

/**
 * Which of `ids` an editor limited to `departements` may edit: territories inside them,
 * organisations seated or governing there, dispositifs deployed or carried there, their people.
 */
export async function findNodesInScope(
  tx: TxRunner,
  p: { ids: readonly string[]; departements: readonly string[] },
): Promise<Set<string>> {
  const [row] = await tx.run<{ inScope: string[] }>(NODES_IN_SCOPE, {
    grouped: idsByLabel(p.ids),
    departements: p.departements,
  });
  return new Set(row?.inScope ?? []);
}
