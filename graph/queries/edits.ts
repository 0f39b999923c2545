import type { TxRunner } from '../driver.js';
import { NODE_LABELS, type NodeLabel, type PropertyValue, type RelationshipType } from '../model.js';
import { foldText, searchTextOf } from '../text.js';
import { toNeo4jProps } from '../values.js';
import { liveCredentialUser, type CredentialCheck } from './sessions.js';
import { idsWithinDepartements } from './territory-scope.js';
import type { UserRow } from './users.js';

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

const readNode = (label: NodeLabel) => /* cypher */ `
  MATCH (n:${label} {id: $id})
  RETURN coalesce(n.version, 0) AS version, properties(n) AS props`;

/** A node's state and version, for what a mutation did not load up front; undefined when there is none. */
export async function readNodeState(
  tx: TxRunner,
  label: NodeLabel,
  id: string,
): Promise<{ version: number; state: NodeState } | undefined> {
  const [row] = await tx.run<{ version: number; props: Record<string, unknown> }>(readNode(label), { id });
  return row
    ? { version: Number(row.version), state: { label, props: recordedProps(row.props) } }
    : undefined;
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

/** What a mutation reads before it decides: nodes, links among them, every link of some. */
export interface EditLoad {
  ids: readonly string[];
  links: readonly { type: RelationshipType; from: string; to: string }[];
  linksOf: readonly string[];
  /** An editor's départements: which loaded nodes lie within them is read too (null: unlimited). */
  departements?: readonly string[] | null;
  /** The request's credential, found live again by this same query (its user is returned). */
  credential?: (CredentialCheck & { now: number }) | null;
}

export interface LoadedEditState {
  /** The graph version this change makes (its `seq`). */
  seq: number;
  nodes: { id: string; version: number; state: NodeState }[];
  links: LinkState[];
  /** Every link of the `linksOf` nodes. */
  around: LinkState[];
  /** The loaded nodes within `departements` (null without them). */
  inScope: string[] | null;
  /** The user of `credential` when it is still live; null when it is not; undefined when not asked. */
  credentialUser?: UserRow | null;
}

// One round trip: the graph version's lock first (mutations then apply one after
// another, each reading what the previous one committed), then what the mutation reads.
// Links are looked for between loaded nodes only: a mutation loads the ends of its links.
// For an editor limited to some départements, which loaded nodes lie within them (the
// scope check costs no query of its own); a query apart, so others plan none of it. With
// a credential, whether it is still live: the transaction itself checks its author.
const loadEditStateQuery = (scoped: boolean, checked: boolean) => /* cypher */ `
  MERGE (v:GraphVersion {key: 'graph'})
  SET v.value = coalesce(v.value, 0) + 1
  WITH v.value AS seq
  ${checked ? liveCredentialUser : ''}
  CALL () {
    MATCH (n:${NODE_LABELS.join('|')})
    WHERE n.id IN $ids
    RETURN collect(n) AS ns
  }
  CALL (ns) {
    UNWIND $links AS link
    WITH link, [x IN ns WHERE x.id = link.from][0] AS a, [x IN ns WHERE x.id = link.to][0] AS b
    WHERE a IS NOT NULL AND b IS NOT NULL
    MATCH (a)-[r]->(b)
    WHERE type(r) = link.type
    RETURN collect({type: type(r), from: a.id, to: b.id, props: properties(r)}) AS links
  }
  CALL (ns) {
    UNWIND [x IN ns WHERE x.id IN $linksOf] AS n
    MATCH (n)-[r]-(m)
    WHERE m.id IS NOT NULL
    RETURN collect({type: type(r), from: startNode(r).id, to: endNode(r).id, props: properties(r)}) AS around
  }
  RETURN seq, [n IN ns | {id: n.id, label: labels(n)[0], props: properties(n)}] AS nodes, links, around,
    ${scoped ? idsWithinDepartements('ns') : 'null'} AS inScope${checked ? ', credentialUser' : ''}`;

/** Takes the graph version's lock and reads, in one query, what a mutation needs to decide. */
export async function loadEditState(tx: TxRunner, load: EditLoad): Promise<LoadedEditState> {
  const [row] = await tx.run<{
    seq: number;
    nodes: { id: string; label: NodeLabel; props: Record<string, unknown> }[];
    links: LinkState[];
    around: LinkState[];
    inScope: string[] | null;
    credentialUser?: UserRow | null;
  }>(loadEditStateQuery(!!load.departements, !!load.credential), {
    ids: [...new Set(load.ids)],
    links: load.links,
    linksOf: load.linksOf,
    departements: load.departements ?? [],
    credential: load.credential ?? null,
  });
  if (!row) throw new Error('The graph version could not be locked.');
  return {
    seq: Number(row.seq),
    nodes: row.nodes.map((node) => ({
      id: node.id,
      version: Number(node.props.version ?? 0),
      state: { label: node.label, props: recordedProps(node.props) },
    })),
    links: row.links,
    around: row.around,
    inScope: row.inScope,
    ...(load.credential ? { credentialUser: row.credentialUser ?? null } : {}),
  };
}

/** Everything a mutation writes, applied at once with its audit record. */
export interface EditWrites {
  /** A new source of kind `user-edit`: a URL, a document title or « connaissance de terrain ». */
  source?: { id: string; title: string; url: string | null; author: string };
  /** Nodes to set to exactly these properties (created if needed). */
  nodes: { id: string; state: NodeState }[];
  links: (LinkState & { fromLabel: NodeLabel; toLabel: NodeLabel })[];
  removedLinks: {
    type: RelationshipType;
    from: string;
    to: string;
    fromLabel: NodeLabel;
    toLabel: NodeLabel;
  }[];
  /** Nodes deleted with whatever links they still have. */
  removedNodes: { id: string; label: NodeLabel }[];
  /** The :Change record (graph/queries/changes.ts `ChangeRow`). */
  change: Record<string, unknown>;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return [...groups];
}

/**
 * One query for all of a mutation's writes and its :Change, composed of a subquery per
 * label or relationship type it touches (names from the closed lists, values as
 * parameters); each subquery counts what it wrote. Order: the new source, nodes, links
 * removed, links written, nodes removed.
 */
function composeEditWrites(writes: EditWrites): { cypher: string; params: Record<string, unknown> } {
  const parts: string[] = [];
  const params: Record<string, unknown> = { change: writes.change };
  const counted: string[] = [];
  const add = (name: string, rows: unknown[], body: string) => {
    params[name] = rows;
    counted.push(name);
    parts.push(`CALL () {\n    UNWIND $${name} AS row\n    ${body}\n    RETURN count(*) AS ${name}\n  }`);
  };
  if (writes.source) {
    add(
      'source',
      [{ ...writes.source, searchText: foldText(writes.source.title) }],
      `CREATE (s:Source {id: row.id, name: row.title, title: row.title, url: row.url, kind: 'user-edit',
      author: row.author, date: date(), searchText: row.searchText})`,
    );
  }
  groupBy(writes.nodes, (node) => node.state.label).forEach(([label, nodes], i) =>
    add(
      `node${i}`,
      nodes.map((node) => ({
        id: node.id,
        props: toNeo4jProps(node.state.props),
        searchText: searchTextOf(node.state.props),
      })),
      `MERGE (n:${label as NodeLabel} {id: row.id})
    WITH n, row, coalesce(n.version, 0) AS version
    SET n = row.props
    SET n.id = row.id, n.searchText = row.searchText, n.version = version + 1`,
    ),
  );
  const byEnds = (link: { type: string; fromLabel: string; toLabel: string }) =>
    `${link.type}|${link.fromLabel}|${link.toLabel}`;
  groupBy(writes.removedLinks, byEnds).forEach(([, links], i) => {
    const { type, fromLabel, toLabel } = links[0]!;
    add(
      `unlink${i}`,
      links.map((link) => ({ from: link.from, to: link.to })),
      `MATCH (:${fromLabel} {id: row.from})-[r:${type}]->(:${toLabel} {id: row.to})
    DELETE r`,
    );
  });
  groupBy(writes.links, byEnds).forEach(([, links], i) => {
    const { type, fromLabel, toLabel } = links[0]!;
    add(
      `link${i}`,
      links.map((link) => ({ from: link.from, to: link.to, props: toNeo4jProps(link.props) })),
      `MATCH (a:${fromLabel} {id: row.from})
    MATCH (b:${toLabel} {id: row.to})
    MERGE (a)-[r:${type}]->(b)
    SET r = row.props`,
    );
  });
  groupBy(writes.removedNodes, (node) => node.label).forEach(([label, nodes], i) =>
    add(
      `unnode${i}`,
      nodes.map((node) => ({ id: node.id })),
      `MATCH (n:${label as NodeLabel} {id: row.id})
    DETACH DELETE n`,
    ),
  );
  const cypher = /* cypher */ `
  ${parts.join('\n  ')}
  CREATE (c:Change)
  SET c = $change
  RETURN ${['c.uid AS uid', ...counted.map((name) => `${name}`)].join(', ')}`;
  return { cypher, params };
}

/**
 * Applies a mutation's writes and writes its :Change, in one query of the caller's
 * transaction. Fails when a link could not be written (one of its ends is missing).
 */
export async function applyEditWrites(tx: TxRunner, writes: EditWrites): Promise<void> {
  const { cypher, params } = composeEditWrites(writes);
  const [row] = await tx.run<Record<string, number>>(cypher, params);
  for (const [name, rows] of Object.entries(params)) {
    if (!name.startsWith('link') || !Array.isArray(rows)) continue;
    if (Number(row?.[name] ?? 0) !== rows.length) throw new MissingLinkEndError();
  }
}

/** A link of a mutation could not be written: one of its ends does not exist. */
export class MissingLinkEndError extends Error {
  constructor() {
    super('A link could not be written: one of its ends does not exist.');
  }
}
