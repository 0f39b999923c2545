import { randomUUID } from 'node:crypto';
import { readlinkSync } from 'node:fs';
import { hostname } from 'node:os';
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
import { bumpGraphVersion, bumpGridVersion } from './graph-version.js';
import { refreshPlannerStatistics } from './planner-statistics.js';
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
 * A load is atomic for every reader, whatever its size. Its new actors (PENDING_LABELS)
 * are written in many small transactions with their real labels plus `:Pending` and
 * `pendingLoad: <load id>`, together with every link from them (to each other or to
 * existing nodes). Every read of the app passes their variables through `visible()`
 * (graph/queries/fragments.ts), which hides a pending node until the `:LoadReveal`
 * of its load exists. The grid and vocabularies (Territory, Theme, Public), which
 * reads match by label alone, are staged under labels of their own
 * (`StagedTerritory`…) that no read matches; only a first seed load creates them.
 *
 * One final transaction then takes the mutations' lock, bumps the graph version,
 * creates the `:LoadReveal` (constant size), gives staged grid nodes their real label
 * and writes what touches only existing nodes (their properties, links between
 * them, links from staged grid nodes to them). That transaction holds ~2–2.7 KB per
 * item (FINAL_BYTES) and the local instance allows 192 MB, so it is bounded by the
 * existing graph a load changes, not by what it adds: a load whose final step could
 * not fit is refused before it stages anything. Afterwards `:Pending` and the
 * staging labels are stripped in small transactions (readers see revealed nodes
 * already; a pending node enters the eventually consistent search index then), then
 * the `:LoadReveal` goes.
 *
 * A load holds a `:LoadLease` from before it writes until its marks are stripped,
 * renewed every LEASE_RENEW_MS by the database's clock. What a load whose lease is
 * gone, expired (LEASE_SECONDS without renewal) or held by a process of this machine
 * that no longer runs (kill -9 included) left is cleaned up by the next load, import
 * or server start: a revealed one is stripped, an unrevealed one deleted in batches.
 * A load another process is running keeps its lease alive and is left alone.
 */
export const stagingLabel = (label: NodeLabel) => `Staged${label}` as const;
type StagingLabel = ReturnType<typeof stagingLabel>;

/** The labels a load writes as pending: the only ones whose new nodes readers must filter. */
export const PENDING_LABELS = [
  'Organisation',
  'Dispositif',
  'Person',
  'Source',
] as const satisfies readonly NodeLabel[];
const isPendingLabel = (label: NodeLabel) => (PENDING_LABELS as readonly NodeLabel[]).includes(label);
const GRID_LABELS = NODE_LABELS.filter((label) => !isPendingLabel(label));
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

// Each staged node names its load, so that a clean-up tells a live load's from a dead one's.
const stageNodes = (label: NodeLabel) => /* cypher */ `
  UNWIND $rows AS row
  CREATE (n:${stagingLabel(label)})
  SET n = row.props, n.pendingLoad = $load
  RETURN count(n) AS written`;

// The real label at once, so that the id stays unique. The searched text waits in
// `pendingSearchText` until the strip: a search takes its best hits before any filter,
// and thousands of hidden ones would crowd out what readers may see.
const stagePendingNodes = (label: NodeLabel) => /* cypher */ `
  UNWIND $rows AS row
  CREATE (n:${label}:Pending)
  SET n = row.props, n.pendingLoad = $load, n.pendingSearchText = row.props.searchText
  REMOVE n.searchText
  RETURN count(n) AS written`;

// An end is matched by its real label (pending or existing) or by its staging label.
const stageRelationships = (type: RelationshipType, from: EndLabel, to: EndLabel) => /* cypher */ `
  UNWIND $rows AS row
  MATCH (a:${from} {id: row.from})
  MATCH (b:${to} {id: row.to})
  MERGE (a)-[r:${type}]->(b)
  SET r = row.props
  RETURN count(r) AS written`;

// Adds the real label only: removing the staging label in the same statement would make
// the planner buffer every row (Eager), and costs transaction state the final step need not hold.
const revealNodes = (label: NodeLabel) => /* cypher */ `
  MATCH (n:${stagingLabel(label)}) WHERE n.pendingLoad = $load
  SET n:${label}
  RETURN count(n) AS written`;

const CREATE_REVEAL = /* cypher */ `CREATE (:LoadReveal {id: $load})`;

const COUNT_LOAD_PENDING = /* cypher */ `
  MATCH (n:Pending) WHERE n.pendingLoad = $load RETURN count(n) AS count`;

/** Strips up to a batch of revealed nodes of their staging label; returns how many. */
const stripStaging = (label: NodeLabel) => /* cypher */ `
  MATCH (n:${stagingLabel(label)}:${label})
  WITH n LIMIT $limit
  REMOVE n:${stagingLabel(label)}, n.pendingLoad
  RETURN count(*) AS count`;

/** Strips up to a batch of nodes of a revealed load of their pending marks; returns how many. */
const STRIP_PENDING = /* cypher */ `
  MATCH (n:Pending) WHERE n.pendingLoad = $load
  WITH n LIMIT $limit
  SET n.searchText = n.pendingSearchText
  REMOVE n:Pending, n.pendingLoad, n.pendingSearchText
  RETURN count(*) AS count`;

const DELETE_REVEAL = /* cypher */ `MATCH (r:LoadReveal {id: $load}) DELETE r`;

/** Deletes up to a batch of unrevealed staging nodes of a label a load wrote ('': written before loads had leases). */
const deleteStaging = (label: NodeLabel) => /* cypher */ `
  MATCH (n:${stagingLabel(label)}) WHERE NOT n:${label} AND coalesce(n.pendingLoad, '') = $load
  WITH n LIMIT $limit
  DETACH DELETE n
  RETURN count(*) AS count`;

/** Deletes up to a batch of the pending nodes of an unrevealed load; returns how many. */
const DELETE_LOAD_PENDING = /* cypher */ `
  MATCH (n:Pending) WHERE n.pendingLoad = $load AND NOT EXISTS { MATCH (:LoadReveal {id: $load}) }
  WITH n LIMIT $limit
  DETACH DELETE n
  RETURN count(*) AS count`;

const GRID_STAGING_LABELS = GRID_LABELS.map(stagingLabel).join('|');

/** Every load something is left of: its pending or staged nodes, its reveal or its lease. */
const FIND_LOADS_LEFT = /* cypher */ `
  CALL () {
    MATCH (n:Pending) RETURN DISTINCT n.pendingLoad AS load
    UNION
    MATCH (n:${GRID_STAGING_LABELS}) RETURN DISTINCT coalesce(n.pendingLoad, '') AS load
    UNION
    MATCH (r:LoadReveal) RETURN r.id AS load
    UNION
    MATCH (l:LoadLease) RETURN l.id AS load
  }
  OPTIONAL MATCH (l:LoadLease {id: load})
  RETURN load, EXISTS { MATCH (:LoadReveal {id: load}) } AS revealed,
         l.machine AS machine, l.pid AS pid,
         CASE WHEN l IS NULL THEN null ELSE datetime().epochMillis - l.renewedAt.epochMillis END AS idleMs`;

// Renewed by the database's clock: processes on machines whose clocks differ agree on a lease's age.
const OPEN_LEASE = /* cypher */ `
  CREATE (:LoadLease {id: $load, machine: $machine, pid: $pid, renewedAt: datetime()})`;
const RENEW_LEASE = /* cypher */ `
  MATCH (l:LoadLease {id: $load}) SET l.renewedAt = datetime() RETURN count(l) AS count`;
const CLOSE_LEASE = /* cypher */ `MATCH (l:LoadLease {id: $load}) DELETE l`;

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
const COUNT_PENDING = /* cypher */ `MATCH (n:Pending) RETURN count(n) AS count`;

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
 * staged node ~1.8 KB with its index updates (uniqueness, full-text), a relationship ~1.9 KB,
 * a property set ~0.6 KB; 24,000 revealed nodes and ~50,000 links failed at 192 MB, ~2.6 KB an item.
 * Below, so that a load refused would certainly not have fitted; one near the limit may
 * still fail in its final step.
 */
const FINAL_BYTES = { node: 1_500, link: 1_500 };

/**
 * What a load's final transaction writes over the existing graph: the nodes it rewrites
 * or reveals (staged grid nodes), the links it writes, and its least memory.
 */
export interface FinalStepSize {
  nodes: number;
  links: number;
  bytes: number;
}

export function finalStepSize(nodes: number, links: number): FinalStepSize {
  const bytes = nodes * FINAL_BYTES.node + links * FINAL_BYTES.link;
  return { nodes, links, bytes };
}

export const megabytes = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

/** A load whose final transaction cannot fit the database's limit, refused before it writes. */
export class LoadTooLargeError extends Error {
  constructor(
    readonly size: FinalStepSize,
    readonly limit: number,
  ) {
    super(
      `This load changes too much of the existing graph to be made visible in one transaction: ` +
        `${size.nodes} nodes and ${size.links} links written over it need at least ` +
        `${megabytes(size.bytes)}, over the ${megabytes(limit)} one transaction may hold on this database ` +
        `(db.memory.transaction.max). Nothing was written.`,
    );
    this.name = 'LoadTooLargeError';
  }
}

/** Staged and pending nodes left in the database (none once a load has ended, whichever way). */
export async function countStagingNodes(db: Db): Promise<number> {
  const [pending] = await db.read<{ count: number }>(COUNT_PENDING);
  let total = pending?.count ?? 0;
  for (const label of GRID_LABELS) {
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
function groupByEnds<L extends string>(
  rels: readonly SeedRelationship[],
  labelOf: (id: string) => L,
): [[L, L], SeedRelationship[]][] {
  const byEndpoints = new Map<string, SeedRelationship[]>();
  for (const rel of rels) {
    const key = `${labelOf(rel.from)}>${labelOf(rel.to)}`;
    const group = byEndpoints.get(key);
    if (group) group.push(rel);
    else byEndpoints.set(key, [rel]);
  }
  return [...byEndpoints].map(([key, group]) => [key.split('>') as [L, L], group]);
}

const groupByEndpoints = (rels: readonly SeedRelationship[]) => groupByEnds(rels, endpointLabel);

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

/** Runs a batched write until a batch does less than a full batch; returns how many it touched. */
async function inBatches(db: Db, query: string, params: Record<string, unknown> = {}): Promise<number> {
  let total = 0;
  for (;;) {
    const [row] = await db.write<{ count: number }>(query, { ...params, limit: CLEAN_BATCH_SIZE });
    total += row?.count ?? 0;
    if ((row?.count ?? 0) < CLEAN_BATCH_SIZE) return total;
  }
}

/**
 * Strips a revealed load's marks, in batches, each its own transaction (readers see its
 * nodes already, so a partial strip is invisible), then drops its reveal marker.
 */
async function stripRevealed(
  db: Db,
  load: string,
  hooks: Pick<LoadOptions, 'afterStripBatch'> = {},
): Promise<void> {
  let batches = 0;
  for (const label of GRID_LABELS) await inBatches(db, stripStaging(label));
  for (;;) {
    const [row] = await db.write<{ count: number }>(STRIP_PENDING, { load, limit: CLEAN_BATCH_SIZE });
    await hooks.afterStripBatch?.(batches++);
    if ((row?.count ?? 0) < CLEAN_BATCH_SIZE) break;
  }
  await db.write(DELETE_REVEAL, { load });
}

/** Deletes, in batches, what an unrevealed load wrote; returns how many nodes. */
async function deleteLoad(db: Db, load: string): Promise<number> {
  let removed = await inBatches(db, DELETE_LOAD_PENDING, { load });
  for (const label of GRID_LABELS) removed += await inBatches(db, deleteStaging(label), { load });
  return removed;
}

/** A lease is renewed this often while its load runs… */
const LEASE_RENEW_MS = 10_000;
/** …and taken for dead after this long without renewal (a stalled or vanished process). */
export const LEASE_SECONDS = 120;

/**
 * This process's machine, as leases name it: the host and its process-id namespace (two
 * containers may share a host name, never a pid namespace); null where it cannot be told.
 */
const thisMachine: string | null = (() => {
  try {
    return `${hostname()} ${readlinkSync('/proc/self/ns/pid')}`;
  } catch {
    return null;
  }
})();

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface LoadLeftRow {
  load: string;
  revealed: boolean;
  machine: string | null;
  pid: number | null;
  idleMs: number | null;
}

/** A load nobody runs any more: no lease, an expired one, or one whose process on this machine is gone. */
function isDead(row: LoadLeftRow, leaseSeconds: number): boolean {
  if (row.idleMs === null) return true;
  if (row.idleMs > leaseSeconds * 1000) return true;
  return thisMachine !== null && row.machine === thisMachine && row.pid !== null && !processRuns(row.pid);
}

/** What `removeStaging` did: nodes of unrevealed loads deleted, revealed loads finished. */
export interface StagingRemoved {
  deletedNodes: number;
  deletedLoads: number;
  finishedLoads: number;
}

/**
 * Cleans up after interrupted loads, in batches, each its own transaction: a revealed
 * one is stripped; nodes an unrevealed one wrote are deleted with their relationships.
 * Loads that hold a live lease (another process runs them now) are left alone.
 */
export async function removeStaging(
  db: Db,
  { leaseSeconds = LEASE_SECONDS }: { leaseSeconds?: number } = {},
): Promise<StagingRemoved> {
  const removed: StagingRemoved = { deletedNodes: 0, deletedLoads: 0, finishedLoads: 0 };
  // Revealed grid nodes are visible already: stripping their staging label is safe whoever revealed them.
  for (const label of GRID_LABELS) await inBatches(db, stripStaging(label));
  const loads = await db.read<LoadLeftRow>(FIND_LOADS_LEFT);
  for (const row of loads.filter((left) => isDead(left, leaseSeconds))) {
    if (row.revealed) {
      await stripRevealed(db, row.load);
      removed.finishedLoads += 1;
    } else {
      removed.deletedNodes += await deleteLoad(db, row.load);
      removed.deletedLoads += 1;
    }
    await db.write(CLOSE_LEASE, { load: row.load });
  }
  return removed;
}

/** Holds a load's lease: renewed on a timer until closed. */
interface LoadLease {
  /** Renews it inside the caller's transaction; false when a clean-up took the load for dead. */
  renewIn(tx: TxRunner): Promise<boolean>;
  close(): Promise<void>;
}

async function openLoadLease(db: Db, load: string): Promise<LoadLease> {
  await db.write(OPEN_LEASE, { load, machine: thisMachine, pid: process.pid });
  const timer = setInterval(() => {
    // A failed renewal is retried by the next tick; the lease outlives a few.
    db.write(RENEW_LEASE, { load }).catch(() => {});
  }, LEASE_RENEW_MS);
  // A lease must not keep a finished process alive.
  timer.unref();
  return {
    renewIn: async (tx) => {
      const [row] = await tx.run<{ count: number }>(RENEW_LEASE, { load });
      return (row?.count ?? 0) === 1;
    },
    close: async () => {
      clearInterval(timer);
      await db.write(CLOSE_LEASE, { load });
    },
  };
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
  /** Test hook: awaited once everything is staged, before the final transaction. */
  beforeReveal?: () => Promise<void> | void;
  /** Test hook: awaited once the load is visible, before its marks are stripped. */
  afterReveal?: () => Promise<void> | void;
  /** Test hook: awaited after each batch of pending marks stripped, with the count of batches so far. */
  afterStripBatch?: (stripped: number) => Promise<void> | void;
  /** Awaited last in the final transaction, with the graph version it made (an import's `:Change`). */
  inFinalTransaction?: (tx: TxRunner, version: number) => Promise<void>;
}

/** How a load writes each node of its graph: already there, pending (an actor), or staged (grid). */
type EndKind = 'existing' | 'pending' | 'staged';
type EndLabel = NodeLabel | StagingLabel;

/**
 * Writes a whole seed graph atomically (all or nothing, and visible all at
 * once): new nodes and every link from them are written in small
 * transactions, hidden from readers; one final transaction of constant size
 * reveals them, together with every write that touches only existing nodes
 * (see `stagingLabel`). MERGE on ids and `SET =` make a second load a no-op.
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
  const hooks: LoadOptions = typeof options === 'function' ? { onProgress: options } : options;
  const { onProgress = () => {}, beforeStagedBatch = () => {}, inFinalTransaction } = hooks;
  for (const label of GRID_LABELS) await db.write(createStagingIndex(label));
  await db.read(AWAIT_INDEXES);
  await removeStaging(db);
  const load = `load:${randomUUID()}`;

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
  const created = graph.nodes.filter((node) => !existing.has(node.id) && !removed.has(node.id));
  const kinds = new Map<string, EndKind>(
    created.map((node) => [node.id, isPendingLabel(node.label) ? 'pending' : 'staged']),
  );
  const kindOf = (id: string): EndKind => kinds.get(id) ?? 'existing';
  const endLabel = (id: string): EndLabel =>
    kindOf(id) === 'staged' ? stagingLabel(endpointLabel(id)) : endpointLabel(id);
  const removedEnd = (rel: SeedRelationship) => removed.has(rel.from) || removed.has(rel.to);
  // Written hidden before the reveal: links from a new node, but for a staged node's links to
  // existing ones, which a read from the existing end would see (only labels hide a staged node).
  const stagedLink = (rel: SeedRelationship) => {
    const ends = [kindOf(rel.from), kindOf(rel.to)];
    return (
      ends.some((kind) => kind !== 'existing') && !(ends.includes('staged') && ends.includes('existing'))
    );
  };
  const live = graph.relationships.filter((rel) => !removedEnd(rel));
  const stagedRels = live.filter(stagedLink);
  const revealedRels = live.filter((rel) => !stagedLink(rel) && kindOf(rel.from) !== kindOf(rel.to));
  const nodePlan = await planNodeWrites(
    db,
    graph.nodes.filter((node) => existing.has(node.id)),
    bases,
  );
  const relPlan = await planRelationshipWrites(
    db,
    live.filter((rel) => kindOf(rel.from) === 'existing' && kindOf(rel.to) === 'existing'),
    bases,
  );
  // Refused before minutes of staging when the final transaction could not commit.
  const stagedNodes = created.filter((node) => kindOf(node.id) === 'staged');
  let rewritten = 0;
  for (const rows of nodePlan.rows.values()) rewritten += rows.length;
  const size = finalStepSize(stagedNodes.length + rewritten, revealedRels.length + relPlan.rels.length);
  const limit = await findTransactionMemoryLimit(db);
  if (limit !== undefined && size.bytes > limit) throw new LoadTooLargeError(size, limit);
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
  const directRels = [...relPlan.rels, ...revealedRels];
  // Territories, themes, publics or the links between territories: what the coverage grid reads.
  const writesGrid =
    stagedNodes.length > 0 ||
    GRID_LABELS.some((label) => (nodePlan.rows.get(label)?.length ?? 0) > 0) ||
    directRels.some((rel) => rel.type === 'PART_OF');
  const total = graph.nodes.length + graph.relationships.length;
  let done = 0;
  let batches = 0;
  const totals: ImportCounts = { nodes: {}, relationships: {}, conflicts };
  const add = (into: Record<string, number>, key: string, count: number) => {
    into[key] = (into[key] ?? 0) + count;
  };

  const lease = await openLoadLease(db, load);
  try {
    for (const label of NODE_LABELS) {
      const nodes = created.filter((node) => node.label === label);
      const query = isPendingLabel(label) ? stagePendingNodes(label) : stageNodes(label);
      for (const batch of chunk(nodes, STAGE_BATCH_SIZE)) {
        await beforeStagedBatch(batches++);
        await db.write(query, { rows: batch.map(nodeRow), load });
        done += batch.length;
        onProgress({ step: `${label} (staged)`, done, total });
      }
    }
    for (const type of RELATIONSHIP_TYPES) {
      for (const [[from, to], group] of groupByEnds(
        stagedRels.filter((rel) => rel.type === type),
        endLabel,
      )) {
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
    await hooks.beforeReveal?.();

    await db.writeTransaction(async (tx) => {
      // Mutations take this lock first: no edit can land between this check and the writes.
      // Caches over the graph (the coverage grid) reload when they see the version move.
      const version = await bumpGraphVersion(tx);
      // Renewed under the lock: a clean-up that took this load for dead has begun deleting it.
      if (!(await lease.renewIn(tx)))
        throw new Error('This load was taken for dead (its lease lapsed): nothing was written, load again.');
      const late = await findChangeAfter(tx, bases.lastSeq);
      if (late)
        throw new Error(`The graph was edited during the load (${late}): nothing was written, load again.`);
      // Another load's clean-up may have deleted some of this one: revealing the rest would show half a load.
      const [mine] = await tx.run<{ count: number }>(COUNT_LOAD_PENDING, { load });
      const pendingCount = created.length - stagedNodes.length;
      if ((mine?.count ?? 0) !== pendingCount)
        throw new Error(
          `${pendingCount - (mine?.count ?? 0)} node(s) of this load vanished before its reveal: load again.`,
        );
      await tx.run(CREATE_REVEAL, { load });
      if (writesGrid) await bumpGridVersion(tx);
      let revealed = 0;
      for (const label of GRID_LABELS) {
        if (!stagedNodes.some((node) => node.label === label)) continue;
        const [row] = await tx.run<{ written: number }>(revealNodes(label), { load });
        revealed += row?.written ?? 0;
      }
      if (revealed !== stagedNodes.length) throw new Error('Staged nodes of this load vanished: load again.');
      for (const label of NODE_LABELS) {
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
    await deleteLoad(db, load).catch(() => {});
    await lease.close().catch(() => {});
    throw error;
  }
  // Visible already: a crash from here on leaves marks that the next load strips.
  try {
    await hooks.afterReveal?.();
    await stripRevealed(db, load, hooks);
  } finally {
    // Closed either way: a strip left half done belongs to the next clean-up.
    await lease.close().catch(() => {});
  }
  onProgress({ step: 'visible', done: total, total });
  await refreshPlannerStatistics(db);
  // Everything of the graph is now in the database, written, found unchanged, or kept as a user left it
  for (const node of graph.nodes) add(totals.nodes, node.label, 1);
  for (const rel of graph.relationships) add(totals.relationships, rel.type, 1);
  return totals;
}
