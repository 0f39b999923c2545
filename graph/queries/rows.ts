import { labelOfId, NODE_LABELS, type NodeLabel } from '../model.js';
import { visible } from './fragments.js';

/** A node as every query returns it: plain values, internal properties removed. */
export interface NodeRow {
  id: string;
  label: NodeLabel;
  props: Record<string, unknown>;
}

/** A relationship as seen from one of its ends. */
export interface RelationRow {
  type: string;
  direction: 'OUT' | 'IN';
  props: Record<string, unknown>;
  sources: string[];
  other: NodeRow;
}

export interface EdgeRow {
  id: string;
  source: string;
  target: string;
  type: string;
  sources: string[];
  props: Record<string, unknown>;
}

export interface GraphSliceRow {
  nodes: NodeRow[];
  edges: EdgeRow[];
  truncated: boolean;
}

/**
 * Cypher projection matching `NodeRow`; `$var` is a node variable name chosen in code.
 * `searchText` (the folded text search matches) stays in the database: a tenth of a node's bytes;
 * `pending…` are a load's marks (graph/queries/import.ts), until it strips them.
 */
export const projectNode = (variable: string) =>
  `{id: ${variable}.id, label: labels(${variable})[0], props: ${variable}{.*, searchText: null, pendingLoad: null, pendingSearchText: null}}`;

/** Cypher projection matching `EdgeRow` for a relationship variable. */
export const projectEdge = (variable: string) =>
  `{source: startNode(${variable}).id, target: endNode(${variable}).id, type: type(${variable}), props: properties(${variable})}`;

/** Properties the database keeps for itself and loads (see `projectNode`): never in a row. */
export const INTERNAL_NODE_PROPERTIES = ['searchText', 'pendingLoad', 'pendingSearchText'] as const;
const INTERNAL_PROPERTIES = new Set<string>(INTERNAL_NODE_PROPERTIES);

export function toNodeRow(raw: { id: string; label: string; props: Record<string, unknown> }): NodeRow {
  const props: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw.props)) if (!INTERNAL_PROPERTIES.has(key)) props[key] = value;
  return { id: raw.id, label: raw.label as NodeLabel, props };
}

/** Edges are identified by their ends and type: stable across reloads, readable in URLs. */
export const edgeId = (source: string, type: string, target: string) => `${source}|${type}|${target}`;

export function toEdgeRow(raw: {
  source: string;
  target: string;
  type: string;
  props: Record<string, unknown>;
}): EdgeRow {
  const { sources, ...props } = raw.props;
  return {
    id: edgeId(raw.source, raw.type, raw.target),
    source: raw.source,
    target: raw.target,
    type: raw.type,
    sources: Array.isArray(sources) ? (sources as string[]) : [],
    props,
  };
}

/**
 * Ids grouped under their labels (those with none are left out: a by-id match reads only the
 * labels its ids name, `labelsWithIds`), so that a query can match nodes through each label's
 * uniqueness index (a label-less `{id: …}` match would scan the graph).
 */
export function idsByLabel(ids: readonly string[]): Partial<Record<NodeLabel, string[]>> {
  const grouped: Partial<Record<NodeLabel, string[]>> = {};
  for (const id of ids) {
    const label = labelOfId(id);
    if (label) (grouped[label] ??= []).push(id);
  }
  return grouped;
}

/**
 * The labels a by-id match of these grouped ids (`idsByLabel`) reads: the one label they all
 * name (a node read: one index seek, not seven, and a query text 1 KB shorter), else every
 * label, so that a query has two texts at most per label (each text is planned on its own,
 * which takes seconds for a large one on a cold database).
 */
export function labelsWithIds(
  grouped: Readonly<Partial<Record<NodeLabel, readonly string[]>>>,
): readonly NodeLabel[] {
  const named = NODE_LABELS.filter((label) => (grouped[label]?.length ?? 0) > 0);
  return named.length === 1 ? named : NODE_LABELS;
}

/**
 * A query text without its indentation: the driver writes a statement to Neo4j in
 * 1,400-byte chunks, one socket write each, and a read's text is most of its bytes.
 * For texts built in code whose string literals never span lines.
 */
export const compactCypher = (text: string) => text.replace(/\n\s+/g, '\n').trim();

/**
 * A subquery binding `variable` to the nodes whose ids are in `$<param>` (grouped by `idsByLabel`),
 * matched under `labels` (`labelsWithIds` of the same ids).
 */
export const matchNodesById = (variable: string, param: string, labels: readonly NodeLabel[]) =>
  `CALL () {\n${labels
    .map(
      (label) =>
        `  MATCH (${variable}:${label}) WHERE ${variable}.id IN $${param}.${label} AND ${visible(variable)} RETURN ${variable}`,
    )
    .join('\n  UNION\n')}\n}`;

/** A query text that depends on the labels its by-id matches read: built once per set of labels. */
export function perLabels(
  build: (labels: readonly NodeLabel[]) => string,
): (labels: readonly NodeLabel[]) => string {
  const texts = new Map<string, string>();
  return (labels) => {
    const key = labels.join(',');
    let text = texts.get(key);
    if (text === undefined) texts.set(key, (text = compactCypher(build(labels))));
    return text;
  };
}
