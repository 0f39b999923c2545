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
import { toNeo4jProps } from '../values.js';

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

async function writeNodes(tx: TxRunner, label: NodeLabel, nodes: SeedNode[]): Promise<number> {
  let written = 0;
  for (const batch of chunk(nodes, BATCH_SIZE)) {
    const rows = batch.map((node) => ({
      id: node.id,
      props: { ...toNeo4jProps(node.props), id: node.id, searchText: searchTextOf(node.props) },
    }));
    const [result] = await tx.run<{ written: number }>(mergeNodes(label), { rows });
    written += result?.written ?? 0;
  }
  return written;
}

async function writeRelationships(
  tx: TxRunner,
  type: RelationshipType,
  rels: SeedRelationship[],
): Promise<number> {
  const byEndpoints = new Map<string, SeedRelationship[]>();
  for (const rel of rels) {
    const key = `${endpointLabel(rel.from)}>${endpointLabel(rel.to)}`;
    const group = byEndpoints.get(key);
    if (group) group.push(rel);
    else byEndpoints.set(key, [rel]);
  }
  let written = 0;
  for (const [key, group] of byEndpoints) {
    const [from, to] = key.split('>') as [NodeLabel, NodeLabel];
    for (const batch of chunk(group, BATCH_SIZE)) {
      const rows = batch.map((rel) => ({
        from: rel.from,
        to: rel.to,
        props: { ...toNeo4jProps(rel.props), sources: rel.sources },
      }));
      const [result] = await tx.run<{ written: number }>(mergeRelationships(type, from, to), { rows });
      const count = result?.written ?? 0;
      // A missing endpoint would silently drop a row: refuse, and roll back.
      if (count !== batch.length) {
        throw new Error(
          `${type} ${from}→${to}: ${batch.length - count} relationship(s) reference missing nodes`,
        );
      }
      written += count;
    }
  }
  return written;
}

/**
 * Writes a whole seed graph in one transaction (all or nothing). MERGE on ids and
 * `SET =` make a second load a no-op.
 */
export async function loadSeedGraph(
  db: Db,
  graph: SeedGraph,
  onProgress: (progress: ImportProgress) => void = () => {},
): Promise<ImportCounts> {
  const total = graph.nodes.length + graph.relationships.length;
  let done = 0;
  return db.writeTransaction(async (tx) => {
    const counts: ImportCounts = { nodes: {}, relationships: {} };
    for (const label of NODE_LABELS) {
      const nodes = graph.nodes.filter((node) => node.label === label);
      if (nodes.length === 0) continue;
      counts.nodes[label] = await writeNodes(tx, label, nodes);
      done += nodes.length;
      onProgress({ step: label, done, total });
    }
    for (const type of RELATIONSHIP_TYPES) {
      const rels = graph.relationships.filter((rel) => rel.type === type);
      if (rels.length === 0) continue;
      counts.relationships[type] = await writeRelationships(tx, type, rels);
      done += rels.length;
      onProgress({ step: type, done, total });
    }
    await bumpGraphVersion(tx);
    return counts;
  });
}
