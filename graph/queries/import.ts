import type { Db, TxRunner } from '../driver.js';
import {
  labelOfId,
  NODE_LABELS,
  RELATIONSHIP_TYPES,
  type NodeLabel,
  type RelationshipType,
  type SeedGraph,
  type SeedNode,
  type SeedRelationship,
} from '../model.js';
import { searchTextOf } from '../text.js';
import { findChangeAfter, findChangeTraces } from './changes.js';
import { bumpGraphVersion } from './graph-version.js';
import { toNeo4jProps, toPlain } from '../values.js';

const BATCH_SIZE = 2_000;

export interface ImportProgress {
  step: string;
  done: number;
  total: number;
}

export interface ImportCounts {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
  /** Where the loaded data disagrees with users' edits, which were kept. */
  conflicts: SeedConflict[];
}

/** One field where the load and a user's edit disagree (values as stored; null: absent). */
export interface SeedConflictField {
  field: string;
  seed: unknown;
  edited: unknown;
}

/**
 * A node (its id) or a link (`TYPE|from|to`) a user edited and the load would have changed:
 * `edited` keeps the user's values of `fields`; `removed` means a user deleted it (or merged
 * it away) and the load does not bring it back (nor, for a node, the `links` it had in the data).
 */
export interface SeedConflict {
  target: string;
  kind: 'edited' | 'removed';
  fields: SeedConflictField[];
  links?: number;
}

/**
 * A staged load: new nodes (and the relationships among them) are written in
 * many small transactions under a staging label of their own
 * (`StagedOrganisation`…), which no query of the app matches (every read
 * names its labels), and relationships among staged nodes cannot be reached
 * from a visible node. One final transaction makes them visible by adding
 * their real labels (nothing else per node), and writes what touches nodes
 * that already exist (their properties, relationships to them): a reader sees
 * all of a load or none of it. That transaction holds ~2–2.7 KB per new node and
 * per link to an existing node (FINAL_BYTES), so ~70,000 of them fit the 192 MB
 * of the local instance (a national data·inclusion export has ~750,000): a load
 * that cannot fit is refused before it stages anything. The
 * staging labels are then stripped in small transactions. A failed load
 * removes its staging nodes; leftovers of an interrupted one are removed (or,
 * when already revealed, stripped) by the next load. One load at a time: a
 * load starts by clearing any staging left.
 */
export const stagingLabel = (label: NodeLabel) => `Staged${label}` as const;
const STAGE_BATCH_SIZE = 5_000;
const CLEAN_BATCH_SIZE = 10_000;
// Small enough for a read to stay far inside the 10 s read timeout on a busy machine
const READ_BATCH_SIZE = 1_000;

// Labels and types are interpolated from the closed lists only (graph/model.ts).
// An edited node keeps its version, moved on: an editor's form opened before the load gets CONFLICT.
const mergeNodes = (label: NodeLabel) => /* cypher */ `
  UNWIND $rows AS row
  MERGE (n:${label} {id: row.id})
  WITH n, row, n.version AS version
  SET n = row.props
  SET n.version = CASE WHEN version IS NULL THEN null ELSE version + 1 END
  RETURN count(n) AS written`;

const mergeRelationships = (type: RelationshipType, from: NodeLabel, to: NodeLabel) => /* cypher */ `
  UNWIND $rows AS row
  MATCH (a:${from} {id: row.from})
  MATCH (b:${to} {id: row.to})
  MERGE (a)-[r:${type}]->(b)
  SET r = row.props
  RETURN count(r) AS written`;

const createStagingIndex = (label: NodeLabel) => /* cypher */ `
  CREATE INDEX ${stagingLabel(label).toLowerCase()}_id IF NOT EXISTS FOR (n:${stagingLabel(label)}) ON (n.id)`;
const AWAIT_INDEXES = /* cypher */ `CALL db.awaitIndexes(300)`;

const findExistingIds = (label: NodeLabel) => /* cypher */ `
  UNWIND $ids AS id
  MATCH (n:${label} {id: id})
  RETURN collect(n.id) AS ids`;

const stageNodes = (label: NodeLabel) => /* cypher */ `
  UNWIND $rows AS row
  CREATE (n:${stagingLabel(label)})
  SET n = row.props
  RETURN count(n) AS written`;

const stageRelationships = (type: RelationshipType, from: NodeLabel, to: NodeLabel) => /* cypher */ `
  UNWIND $rows AS row
  MATCH (a:${stagingLabel(from)} {id: row.from})
  MATCH (b:${stagingLabel(to)} {id: row.to})
  MERGE (a)-[r:${type}]->(b)
  SET r = row.props
  RETURN count(r) AS written`;

// Adds the real label only: removing the staging label in the same statement would make
// the planner buffer every row (Eager), and costs transaction state the final step need not hold.
const revealNodes = (label: NodeLabel) => /* cypher */ `
  MATCH (n:${stagingLabel(label)})
  SET n:${label}
  RETURN count(n) AS written`;

/** Strips up to a batch of revealed nodes of their staging label; returns how many. */
const stripStaging = (label: NodeLabel) => /* cypher */ `
  MATCH (n:${stagingLabel(label)}:${label})
  WITH n LIMIT $limit
  REMOVE n:${stagingLabel(label)}
  RETURN count(*) AS stripped`;

/** Deletes up to a batch of staging nodes of a label; returns how many. */
const deleteStaging = (label: NodeLabel) => /* cypher */ `
  MATCH (n:${stagingLabel(label)}) WHERE NOT n:${label}
  WITH n LIMIT $limit
  DETACH DELETE n
  RETURN count(*) AS deleted`;

const readNodeProps = (label: NodeLabel) => /* cypher */ `
  UNWIND $ids AS id
  MATCH (n:${label} {id: id})
  RETURN n.id AS id, properties(n) AS props`;

const readRelationshipProps = (type: RelationshipType, from: NodeLabel, to: NodeLabel) => /* cypher */ `
  UNWIND $rows AS row
  MATCH (:${from} {id: row.from})-[r:${type}]->(:${to} {id: row.to})
  RETURN row.from AS from, row.to AS to, properties(r) AS props`;

const countStaging = (label: NodeLabel) => /* cypher */ `
  MATCH (n:${stagingLabel(label)}) RETURN count(n) AS count`;

// What one transaction may hold: the per-transaction limit and the pools it draws from (0 B: none).
const TRANSACTION_MEMORY_SETTINGS = /* cypher */ `
  SHOW SETTINGS YIELD name, value
  WHERE name IN ['db.memory.transaction.max', 'db.memory.transaction.total.max', 'dbms.memory.transaction.total.max']
  RETURN name, value`;

const BYTE_UNITS: Record<string, number> = { B: 1, KiB: 2 ** 10, MiB: 2 ** 20, GiB: 2 ** 30, TiB: 2 ** 40 };

/** `192.00MiB` → bytes; 0 or unreadable: no limit. */
function settingBytes(value: string): number {
  const match = /^([\d.]+)\s*([KMGT]iB|B)$/.exec(value.trim());
  return match ? Number(match[1]) * BYTE_UNITS[match[2]!]! : 0;
}

/**
 * The most one transaction may hold on this database, in bytes (undefined: no limit, or the
 * settings are not readable by this user, as on a managed service).
 */
export async function findTransactionMemoryLimit(db: Db): Promise<number | undefined> {
  try {
    const rows = await db.read<{ name: string; value: string }>(TRANSACTION_MEMORY_SETTINGS);
    const limits = rows.map((row) => settingBytes(row.value)).filter((bytes) => bytes > 0);
    return limits.length > 0 ? Math.min(...limits) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What the final transaction holds per item, a little below what was measured on Neo4j
 * 5.26 (SHOW TRANSACTIONS' estimatedUsedHeapMemory over 20,000 items): a real label on a
 * staged node ~1.8 KB with its index updates (uniqueness, full-text), a relationship to an
 * existing node ~1.9 KB; a generated import of 10,000 structures and 14,000 services
 * (24,000 new nodes, ~50,000 links to existing ones) failed at 192 MB, ~2.6 KB an item.
 * Below, so that a load refused would certainly not have fitted; one near the limit may
 * still fail in its final step.
 */
const FINAL_BYTES = { revealedNode: 1_500, link: 1_500 };

/** The new nodes a load's final transaction reveals, the links from them it writes, and its least memory. */
export interface FinalStepSize {
  revealedNodes: number;
  links: number;
  bytes: number;
}

export function finalStepSize(revealedNodes: number, links: number): FinalStepSize {
  const bytes = revealedNodes * FINAL_BYTES.revealedNode + links * FINAL_BYTES.link;
  return { revealedNodes, links, bytes };
}

export const megabytes = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

/** A load whose final transaction cannot fit the database's limit, refused before it writes. */
export class LoadTooLargeError extends Error {
  constructor(
    readonly size: FinalStepSize,
    readonly limit: number,
  ) {
    super(
      `This load is too large to be made visible in one transaction: ${size.revealedNodes} new nodes ` +
        `and ${size.links} links from them to existing nodes need at least ` +
        `${megabytes(size.bytes)}, over the ${megabytes(limit)} one transaction may hold on this database ` +
        `(db.memory.transaction.max). Nothing was written.`,
    );
    this.name = 'LoadTooLargeError';
  }
}

/** Staging nodes left in the database (none once a load has ended, whichever way). */
export async function countStagingNodes(db: Db): Promise<number> {
  let total = 0;
  for (const label of NODE_LABELS) {
    const [row] = await db.read<{ count: number }>(countStaging(label));
    total += row?.count ?? 0;
  }
  return total;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

function endpointLabel(id: string): NodeLabel {
  const label = labelOfId(id);
  if (!label) throw new Error(`No label for id "${id}"`);
  return label;
}

type Props = Record<string, unknown>;

/** A node as a load writes it: its id and every property (Neo4j values). */
interface NodeWriteRow {
  id: string;
  props: Props;
}

const nodeRow = (node: SeedNode): NodeWriteRow => ({
  id: node.id,
  props: { ...toNeo4jProps(node.props), id: node.id, searchText: searchTextOf(node.props) },
});

const relationshipRow = (rel: SeedRelationship) => ({
  from: rel.from,
  to: rel.to,
  props: { ...toNeo4jProps(rel.props), sources: rel.sources },
});

const linkKeyOf = (rel: { type: string; from: string; to: string }) => `${rel.type}|${rel.from}|${rel.to}`;

function missingEndpoints(type: string, from: string, to: string, missing: number): Error {
  return new Error(`${type} ${from}→${to}: ${missing} relationship(s) reference missing nodes`);
}

async function writeNodes(tx: TxRunner, label: NodeLabel, rows: NodeWriteRow[]): Promise<number> {
  let written = 0;
  for (const batch of chunk(rows, BATCH_SIZE)) {
    const [result] = await tx.run<{ written: number }>(mergeNodes(label), { rows: batch });
    written += result?.written ?? 0;
  }
  return written;
}

/** Relationships grouped by the labels of their ends, so that each batch matches through one index. */
function groupByEndpoints(rels: readonly SeedRelationship[]): [[NodeLabel, NodeLabel], SeedRelationship[]][] {
  const byEndpoints = new Map<string, SeedRelationship[]>();
  for (const rel of rels) {
    const key = `${endpointLabel(rel.from)}>${endpointLabel(rel.to)}`;
    const group = byEndpoints.get(key);
    if (group) group.push(rel);
    else byEndpoints.set(key, [rel]);
  }
  return [...byEndpoints].map(([key, group]) => [key.split('>') as [NodeLabel, NodeLabel], group]);
}

async function writeRelationships(
  tx: TxRunner,
  type: RelationshipType,
  rels: SeedRelationship[],
): Promise<number> {
  let written = 0;
  for (const [[from, to], group] of groupByEndpoints(rels)) {
    for (const batch of chunk(group, BATCH_SIZE)) {
      const rows = batch.map(relationshipRow);
      const [result] = await tx.run<{ written: number }>(mergeRelationships(type, from, to), { rows });
      const count = result?.written ?? 0;
      // A missing endpoint would silently drop a row: refuse, and roll back.
      if (count !== batch.length) throw missingEndpoints(type, from, to, batch.length - count);
      written += count;
    }
  }
  return written;
}

/** Strips the staging labels of revealed nodes, in batches, each its own transaction. */
async function stripRevealed(db: Db): Promise<void> {
  for (const label of NODE_LABELS) {
    for (;;) {
      const [row] = await db.write<{ stripped: number }>(stripStaging(label), { limit: CLEAN_BATCH_SIZE });
      if ((row?.stripped ?? 0) < CLEAN_BATCH_SIZE) break;
    }
  }
}

/**
 * Cleans up after an interrupted load, in batches, each its own transaction: nodes it
 * revealed lose their staging label; nodes it only staged are deleted with their relationships.
 */
export async function removeStaging(db: Db): Promise<void> {
  await stripRevealed(db);
  for (const label of NODE_LABELS) {
    for (;;) {
      const [row] = await db.write<{ deleted: number }>(deleteStaging(label), { limit: CLEAN_BATCH_SIZE });
      if ((row?.deleted ?? 0) < CLEAN_BATCH_SIZE) break;
    }
  }
}

/** Properties as stored and as read back, in one comparable form (nulls are not stored). */
function canonicalProps(props: Props): string {
  const entries = Object.entries(props)
    .filter(([, value]) => value !== null && value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

// Bookkeeping of editing (mutations move it), not data: never compared, kept by mergeNodes.
function withoutVersion(props: Props): Props {
  const { version: _version, ...rest } = props;
  return rest;
}

/**
 * What users' changes (the :Change journal) did, field by field: the value each field had
 * before the first change to it. A field that no longer holds that value carries a user's
 * edit, which a load keeps; one brought back to it (a revert) belongs to the data again.
 */
interface EditBases {
  /** Node id → whether it existed before the first change that created or removed it. */
  existed: Map<string, boolean>;
  /** Node id → property → its value before the first change to it (null: absent). */
  props: Map<string, Map<string, unknown>>;
  /** `TYPE|from|to` → its properties before the first change to it (null: absent). */
  links: Map<string, Props | null>;
  /** The last change read: a change after it makes the load's plan stale. */
  lastSeq: number;
}

const JOURNAL_PAGE = 1_000;

/** A change's `before`, as server/schema/editing/recorder.ts records it. */
interface RecordedState {
  nodes: Record<string, { props: Props } | null>;
  links: Record<string, { props: Props } | null>;
}

/** `id.prop` → [id, prop], `id` → [id]: in a `prefix:slug` id a dot can only come after the colon. */
function splitField(field: string): [string, string | undefined] {
  const dot = field.indexOf('.', field.indexOf(':'));
  return dot === -1 ? [field, undefined] : [field.slice(0, dot), field.slice(dot + 1)];
}

async function readEditBases(db: Db): Promise<EditBases> {
  const bases: EditBases = { existed: new Map(), props: new Map(), links: new Map(), lastSeq: 0 };
  for (;;) {
    const page = await findChangeTraces(db, { afterSeq: bases.lastSeq, limit: JOURNAL_PAGE });
    for (const change of page) {
      bases.lastSeq = change.seq;
      // An import's writes, and the undoing of one, are data like the seed's: a later import
      // (or the same one again) may write them.
      if (change.operation === 'import' || change.undoes === 'import') continue;
      const before = JSON.parse(change.before) as RecordedState;
      for (const field of change.fields) {
        if (field.includes('|')) {
          if (!bases.links.has(field)) bases.links.set(field, before.links[field]?.props ?? null);
          continue;
        }
        const [id, prop] = splitField(field);
        const state = before.nodes[id] ?? null;
        if (prop === undefined) {
          if (!bases.existed.has(id)) bases.existed.set(id, state !== null);
          continue;
        }
        const props = bases.props.get(id) ?? new Map<string, unknown>();
        if (!props.has(prop)) props.set(prop, state?.props[prop] ?? null);
        bases.props.set(id, props);
      }
      bases.lastSeq = change.seq;
    }
    if (page.length < JOURNAL_PAGE) return bases;
  }
}

/**
 * What a load writes over an existing node (plain values): the data's properties, except
 * where a user's edit stands; and where the two disagree.
 */
function keepEdits(
  seed: Props,
  stored: Props,
  bases: Map<string, unknown> | undefined,
): { props: Props; conflicts: SeedConflictField[] } {
  if (!bases) return { props: seed, conflicts: [] };
  const props = { ...seed };
  const conflicts: SeedConflictField[] = [];
  for (const [prop, base] of bases) {
    const edited = stored[prop] ?? null;
    if (sameValue(edited, base)) continue;
    if (edited === null) delete props[prop];
    else props[prop] = edited;
    if (!sameValue(seed[prop], edited)) conflicts.push({ field: prop, seed: seed[prop] ?? null, edited });
  }
  props.searchText = searchTextOf(props as SeedNode['props']);
  return { props, conflicts };
}

/**
 * Existing nodes whose properties differ from the graph's: only those are written again,
 * so that reloading unchanged data costs reads, not a huge final transaction. Users'
 * edits are kept, and reported where the data disagrees with them.
 */
async function planNodeWrites(
  db: Db,
  nodes: readonly SeedNode[],
  bases: EditBases,
): Promise<{ rows: Map<NodeLabel, NodeWriteRow[]>; conflicts: SeedConflict[] }> {
  const rows = new Map<NodeLabel, NodeWriteRow[]>();
  const conflicts: SeedConflict[] = [];
  for (const label of NODE_LABELS) {
    for (const batch of chunk(
      nodes.filter((node) => node.label === label),
      READ_BATCH_SIZE,
    )) {
      const found = await db.read<{ id: string; props: Props }>(readNodeProps(label), {
        ids: batch.map((node) => node.id),
      });
      const stored = new Map(found.map((row) => [row.id, row.props]));
      for (const node of batch) {
        const current = stored.get(node.id) ?? {};
        const seed = toPlain(nodeRow(node).props) as Props;
        const kept = keepEdits(seed, current, bases.props.get(node.id));
        if (kept.conflicts.length > 0)
          conflicts.push({ target: node.id, kind: 'edited', fields: kept.conflicts });
        if (canonicalProps(withoutVersion(current)) === canonicalProps(kept.props)) continue;
        const labelRows = rows.get(label) ?? [];
        labelRows.push({ id: node.id, props: toNeo4jProps(kept.props) });
        rows.set(label, labelRows);
      }
    }
  }
  return { rows, conflicts };
}

/**
 * Relationships to write: those not already stored with the same properties, but for
 * links a user changed or removed, which stay as the user left them.
 */
async function planRelationshipWrites(
  db: Db,
  rels: readonly SeedRelationship[],
  bases: EditBases,
): Promise<{ rels: SeedRelationship[]; conflicts: SeedConflict[] }> {
  const changed: SeedRelationship[] = [];
  const conflicts: SeedConflict[] = [];
  for (const type of RELATIONSHIP_TYPES) {
    for (const [[from, to], group] of groupByEndpoints(rels.filter((rel) => rel.type === type))) {
      for (const batch of chunk(group, READ_BATCH_SIZE)) {
        const rows = await db.read<{ from: string; to: string; props: Props }>(
          readRelationshipProps(type, from, to),
          { rows: batch.map((rel) => ({ from: rel.from, to: rel.to })) },
        );
        const stored = new Map(rows.map((row) => [`${row.from}|${row.to}`, canonicalProps(row.props)]));
        const storedProps = new Map(rows.map((row) => [`${row.from}|${row.to}`, row.props]));
        for (const rel of batch) {
          const key = linkKeyOf(rel);
          const current = storedProps.get(`${rel.from}|${rel.to}`) ?? null;
          const seed = toPlain(relationshipRow(rel).props) as Props;
          const base = bases.links.get(key);
          const edited =
            base !== undefined &&
            (current ? canonicalProps(current) : null) !== (base ? canonicalProps(base) : null);
          if (edited) {
            if (!current) conflicts.push({ target: key, kind: 'removed', fields: [] });
            else if (canonicalProps(current) !== canonicalProps(seed)) {
              const fields = [...new Set([...Object.keys(seed), ...Object.keys(current)])]
                .filter((field) => !sameValue(seed[field], current[field]))
                .sort()
                .map((field) => ({ field, seed: seed[field] ?? null, edited: current[field] ?? null }));
              conflicts.push({ target: key, kind: 'edited', fields });
            }
            continue;
          }
          if (stored.get(`${rel.from}|${rel.to}`) !== canonicalProps(seed)) changed.push(rel);
        }
      }
    }
  }
  return { rels: changed, conflicts };
}

async function findExisting(db: Db, nodes: readonly SeedNode[]): Promise<Set<string>> {
  const existing = new Set<string>();
  for (const label of NODE_LABELS) {
    const ids = nodes.filter((node) => node.label === label).map((node) => node.id);
    for (const batch of chunk(ids, CLEAN_BATCH_SIZE)) {
      const [row] = await db.read<{ ids: string[] }>(findExistingIds(label), { ids: batch });
      for (const id of row?.ids ?? []) existing.add(id);
    }
  }
  return existing;
}

export interface LoadOptions {
  onProgress?: (progress: ImportProgress) => void;
  /** Test hook: awaited before each staged batch, with the count of batches staged so far. */
  beforeStagedBatch?: (staged: number) => Promise<void> | void;
  /** Test hook: awaited once the load is visible, before its staging labels are stripped. */
  afterReveal?: () => Promise<void> | void;
  /** Awaited last in the final transaction, with the graph version it made (an import's `:Change`). */
  inFinalTransaction?: (tx: TxRunner, version: number) => Promise<void>;
}

/**
 * Writes a whole seed graph atomically (all or nothing, and visible all at
 * once): new nodes and the relationships among them are staged in small
 * transactions, then revealed, together with every write that touches
 * existing nodes, in one final transaction. MERGE on ids and `SET =` make a
 * second load a no-op.
 *
 * Users' edits (the :Change journal) win over the data: an edited property or
 * link keeps the user's value, a node or link a user removed (deleted, merged
 * away) is not brought back; each disagreement is returned in `conflicts`. The
 * final transaction takes the lock mutations take first, and gives up if any
 * change came after the journal was read.
 */
export async function loadSeedGraph(
  db: Db,
  graph: SeedGraph,
  options: LoadOptions | ((progress: ImportProgress) => void) = {},
): Promise<ImportCounts> {
  const {
    onProgress = () => {},
    beforeStagedBatch = () => {},
    afterReveal = () => {},
    inFinalTransaction,
  } = typeof options === 'function' ? { onProgress: options } : options;
  for (const label of NODE_LABELS) await db.write(createStagingIndex(label));
  await db.read(AWAIT_INDEXES);
  await removeStaging(db);

  const bases = await readEditBases(db);
  const existing = await findExisting(db, graph.nodes);
  // Seed nodes a user removed: absent now, present before the change that removed them.
  const removed = new Set(
    graph.nodes
      .filter((node) => !existing.has(node.id) && bases.existed.get(node.id) === true)
      .map((n) => n.id),
  );
  const linksOfRemoved = new Map<string, number>();
  for (const rel of graph.relationships) {
    for (const end of [rel.from, rel.to]) {
      if (removed.has(end)) linksOfRemoved.set(end, (linksOfRemoved.get(end) ?? 0) + 1);
    }
  }
  const staged = graph.nodes.filter((node) => !existing.has(node.id) && !removed.has(node.id));
  const stagedIds = new Set(staged.map((node) => node.id));
  const bothStaged = (rel: SeedRelationship) => stagedIds.has(rel.from) && stagedIds.has(rel.to);
  const removedEnd = (rel: SeedRelationship) => removed.has(rel.from) || removed.has(rel.to);
  const stagedRels = graph.relationships.filter(bothStaged);
  // Refused before the plan's reads and minutes of staging when the final transaction could
  // not commit: it reveals every staged node and writes every link from one to an existing
  // node (none of those exists yet); what it rewrites is only known after planning.
  const linksOfStaged = graph.relationships.filter(
    (rel) => !bothStaged(rel) && !removedEnd(rel) && (stagedIds.has(rel.from) || stagedIds.has(rel.to)),
  ).length;
  const size = finalStepSize(staged.length, linksOfStaged);
  const limit = await findTransactionMemoryLimit(db);
  if (limit !== undefined && size.bytes > limit) throw new LoadTooLargeError(size, limit);
  const nodePlan = await planNodeWrites(
    db,
    graph.nodes.filter((node) => existing.has(node.id)),
    bases,
  );
  const relPlan = await planRelationshipWrites(
    db,
    graph.relationships.filter((rel) => !bothStaged(rel) && !removedEnd(rel)),
    bases,
  );
  const conflicts: SeedConflict[] = [
    ...[...removed].map((id) => ({
      target: id,
      kind: 'removed' as const,
      fields: [],
      links: linksOfRemoved.get(id) ?? 0,
    })),
    ...nodePlan.conflicts,
    ...relPlan.conflicts,
  ];
  const directRels = relPlan.rels;
  const total = graph.nodes.length + graph.relationships.length;
  let done = 0;
  let batches = 0;
  const totals: ImportCounts = { nodes: {}, relationships: {}, conflicts };
  const add = (into: Record<string, number>, key: string, count: number) => {
    into[key] = (into[key] ?? 0) + count;
  };

  try {
    for (const label of NODE_LABELS) {
      const nodes = staged.filter((node) => node.label === label);
      for (const batch of chunk(nodes, STAGE_BATCH_SIZE)) {
        await beforeStagedBatch(batches++);
        await db.write(stageNodes(label), { rows: batch.map(nodeRow) });
        done += batch.length;
        onProgress({ step: `${label} (staged)`, done, total });
      }
    }
    for (const type of RELATIONSHIP_TYPES) {
      for (const [[from, to], group] of groupByEndpoints(stagedRels.filter((rel) => rel.type === type))) {
        for (const batch of chunk(group, STAGE_BATCH_SIZE)) {
          await beforeStagedBatch(batches++);
          const [row] = await db.write<{ written: number }>(stageRelationships(type, from, to), {
            rows: batch.map(relationshipRow),
          });
          const written = row?.written ?? 0;
          if (written !== batch.length) throw missingEndpoints(type, from, to, batch.length - written);
          done += batch.length;
          onProgress({ step: `${type} (staged)`, done, total });
        }
      }
    }

    await db.writeTransaction(async (tx) => {
      // Mutations take this lock first: no edit can land between this check and the writes.
      // Caches over the graph (the coverage grid) reload when they see the version move.
      const version = await bumpGraphVersion(tx);
      const late = await findChangeAfter(tx, bases.lastSeq);
      if (late)
        throw new Error(`The graph was edited during the load (${late}): nothing was written, load again.`);
      for (const label of NODE_LABELS) {
        if (staged.some((node) => node.label === label)) await tx.run(revealNodes(label));
        const rows = nodePlan.rows.get(label) ?? [];
        if (rows.length === 0) continue;
        await writeNodes(tx, label, rows);
        done += rows.length;
        onProgress({ step: label, done, total });
      }
      for (const type of RELATIONSHIP_TYPES) {
        const rels = directRels.filter((rel) => rel.type === type);
        if (rels.length === 0) continue;
        await writeRelationships(tx, type, rels);
        done += rels.length;
        onProgress({ step: type, done, total });
      }
      await inFinalTransaction?.(tx, version);
    });
  } catch (error) {
    await removeStaging(db).catch(() => {});
    throw error;
  }
  // Visible already: a crash from here on leaves labels that the next load strips.
  await afterReveal();
  await stripRevealed(db);
  onProgress({ step: 'visible', done: total, total });
  // Everything of the graph is now in the database, written, found unchanged, or kept as a user left it
  for (const node of graph.nodes) add(totals.nodes, node.label, 1);
  for (const rel of graph.relationships) add(totals.relationships, rel.type, 1);
  return totals;
}
