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
import { foldText } from '../text.js';
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
}

/** What search matches: name, acronym, aliases and code, folded like the query. */
export function searchTextOf(props: SeedNode['props']): string {
  const parts = [
    props.name,
    props.acronym,
    props.code,
    ...(Array.isArray(props.aliases) ? props.aliases : []),
  ];
  return foldText(parts.filter((part): part is string => typeof part === 'string').join(' '));
}

/**
 * A staged load: new nodes (and the relationships among them) are written in
 * many small transactions under a staging label of their own
 * (`StagedOrganisation`…), which no query of the app matches (every read
 * names its labels), and relationships among staged nodes cannot be reached
 * from a visible node. One final transaction makes them visible by swapping
 * labels only (nothing else to write, so it stays small), and writes what
 * touches nodes that already exist (their properties, relationships to them):
 * a reader sees all of a load or none of it. A failed load removes its staging
 * nodes; leftovers of an interrupted one are removed by the next load. One
 * load at a time: a load starts by clearing any staging left.
 */
const stagingLabel = (label: NodeLabel) => `Staged${label}` as const;
const STAGE_BATCH_SIZE = 5_000;
const CLEAN_BATCH_SIZE = 10_000;
// Small enough for a read to stay far inside the 10 s read timeout on a busy machine
const READ_BATCH_SIZE = 1_000;

// Labels and types are interpolated from the closed lists only (graph/model.ts).
const mergeNodes = (label: NodeLabel) => /* cypher */ `
  UNWIND $rows AS row
  MERGE (n:${label} {id: row.id})
  SET n = row.props
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

const revealNodes = (label: NodeLabel) => /* cypher */ `
  MATCH (n:${stagingLabel(label)})
  SET n:${label}
  REMOVE n:${stagingLabel(label)}
  RETURN count(n) AS written`;

/** Deletes up to a batch of staging nodes of a label; returns how many. */
const deleteStaging = (label: NodeLabel) => /* cypher */ `
  MATCH (n:${stagingLabel(label)})
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

const nodeRow = (node: SeedNode) => ({
  id: node.id,
  props: { ...toNeo4jProps(node.props), id: node.id, searchText: searchTextOf(node.props) },
});

const relationshipRow = (rel: SeedRelationship) => ({
  from: rel.from,
  to: rel.to,
  props: { ...toNeo4jProps(rel.props), sources: rel.sources },
});

function missingEndpoints(type: string, from: string, to: string, missing: number): Error {
  return new Error(`${type} ${from}→${to}: ${missing} relationship(s) reference missing nodes`);
}

async function writeNodes(tx: TxRunner, label: NodeLabel, nodes: SeedNode[]): Promise<number> {
  let written = 0;
  for (const batch of chunk(nodes, BATCH_SIZE)) {
    const [result] = await tx.run<{ written: number }>(mergeNodes(label), { rows: batch.map(nodeRow) });
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

/** Removes staging nodes in batches, each its own transaction. */
export async function removeStaging(db: Db): Promise<void> {
  for (const label of NODE_LABELS) {
    for (;;) {
      const [row] = await db.write<{ deleted: number }>(deleteStaging(label), { limit: CLEAN_BATCH_SIZE });
      if ((row?.deleted ?? 0) < CLEAN_BATCH_SIZE) break;
    }
  }
}

/** Properties as stored and as read back, in one comparable form (nulls are not stored). */
function canonicalProps(props: Record<string, unknown>): string {
  const entries = Object.entries(props)
    .filter(([, value]) => value !== null && value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}

const writtenForm = (props: Record<string, unknown>) =>
  canonicalProps(toPlain(props) as Record<string, unknown>);

/**
 * Existing nodes whose properties differ from the graph's: only those are
 * written again, so that reloading unchanged data costs reads, not a huge
 * final transaction.
 */
async function findChangedNodes(db: Db, nodes: readonly SeedNode[]): Promise<SeedNode[]> {
  const changed: SeedNode[] = [];
  for (const label of NODE_LABELS) {
    for (const batch of chunk(
      nodes.filter((node) => node.label === label),
      READ_BATCH_SIZE,
    )) {
      const rows = await db.read<{ id: string; props: Record<string, unknown> }>(readNodeProps(label), {
        ids: batch.map((node) => node.id),
      });
      const stored = new Map(rows.map((row) => [row.id, canonicalProps(row.props)]));
      for (const node of batch)
        if (stored.get(node.id) !== writtenForm(nodeRow(node).props)) changed.push(node);
    }
  }
  return changed;
}

/** Relationships to write: those not already stored with the same properties. */
async function findChangedRelationships(
  db: Db,
  rels: readonly SeedRelationship[],
): Promise<SeedRelationship[]> {
  const changed: SeedRelationship[] = [];
  for (const type of RELATIONSHIP_TYPES) {
    for (const [[from, to], group] of groupByEndpoints(rels.filter((rel) => rel.type === type))) {
      for (const batch of chunk(group, READ_BATCH_SIZE)) {
        const rows = await db.read<{ from: string; to: string; props: Record<string, unknown> }>(
          readRelationshipProps(type, from, to),
          { rows: batch.map((rel) => ({ from: rel.from, to: rel.to })) },
        );
        const stored = new Set(rows.map((row) => `${row.from}|${row.to}|${canonicalProps(row.props)}`));
        for (const rel of batch) {
          if (!stored.has(`${rel.from}|${rel.to}|${writtenForm(relationshipRow(rel).props)}`))
            changed.push(rel);
        }
      }
    }
  }
  return changed;
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
  /** Awaited last in the final transaction, with the graph version it made (an import's `:Change`). */
  inFinalTransaction?: (tx: TxRunner, version: number) => Promise<void>;
}

/**
 * Writes a whole seed graph atomically (all or nothing, and visible all at
 * once): new nodes and the relationships among them are staged in small
 * transactions, then revealed, together with every write that touches
 * existing nodes, in one final transaction. MERGE on ids and `SET =` make a
 * second load a no-op.
 */
export async function loadSeedGraph(
  db: Db,
  graph: SeedGraph,
  options: LoadOptions | ((progress: ImportProgress) => void) = {},
): Promise<ImportCounts> {
  const {
    onProgress = () => {},
    beforeStagedBatch = () => {},
    inFinalTransaction,
  } = typeof options === 'function' ? { onProgress: options } : options;
  for (const label of NODE_LABELS) await db.write(createStagingIndex(label));
  await db.read(AWAIT_INDEXES);
  await removeStaging(db);

  const existing = await findExisting(db, graph.nodes);
  const staged = graph.nodes.filter((node) => !existing.has(node.id));
  const stagedIds = new Set(staged.map((node) => node.id));
  const stagedRels = graph.relationships.filter((rel) => stagedIds.has(rel.from) && stagedIds.has(rel.to));
  const directNodes = await findChangedNodes(
    db,
    graph.nodes.filter((node) => existing.has(node.id)),
  );
  const directRels = await findChangedRelationships(
    db,
    graph.relationships.filter((rel) => !(stagedIds.has(rel.from) && stagedIds.has(rel.to))),
  );
  const total = graph.nodes.length + graph.relationships.length;
  let done = 0;
  let batches = 0;
  const totals: ImportCounts = { nodes: {}, relationships: {} };
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
      for (const label of NODE_LABELS) {
        if (staged.some((node) => node.label === label)) await tx.run(revealNodes(label));
        const nodes = directNodes.filter((node) => node.label === label);
        if (nodes.length === 0) continue;
        await writeNodes(tx, label, nodes);
        done += nodes.length;
        onProgress({ step: label, done, total });
      }
      for (const type of RELATIONSHIP_TYPES) {
        const rels = directRels.filter((rel) => rel.type === type);
        if (rels.length === 0) continue;
        await writeRelationships(tx, type, rels);
        done += rels.length;
        onProgress({ step: type, done, total });
      }
      // Caches over the graph (the coverage grid) reload when they see the version move.
      const version = await bumpGraphVersion(tx);
      await inFinalTransaction?.(tx, version);
    });
  } catch (error) {
    await removeStaging(db).catch(() => {});
    throw error;
  }
  onProgress({ step: 'visible', done: total, total });
  // Everything of the graph is now in the database, written or found unchanged
  for (const node of graph.nodes) add(totals.nodes, node.label, 1);
  for (const rel of graph.relationships) add(totals.relationships, rel.type, 1);
  return totals;
}
