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
 * Ids grouped under every label, so that a query can match nodes through each
 * label's uniqueness index (a label-less `{id: …}` match would scan the graph).
 */
export function idsByLabel(ids: readonly string[]): Record<NodeLabel, string[]> {
  const grouped = Object.fromEntries(NODE_LABELS.map((label) => [label, [] as string[]])) as Record<
    NodeLabel,
    string[]
  >;
  for (const id of ids) {
    const label = labelOfId(id);
    if (label) grouped[label].push(id);
  }
  return grouped;
}

/**
 * The labels among grouped ids (`idsByLabel`) that hold some, in NODE_LABELS order: a by-id
 * match reads only their indexes (a node read's id names one label; a branch per label was
 * a seek per label and a query text 1 KB longer, which the driver sends in 1,400-byte writes).
 * One at least, so that a match of no id stays a query that matches nothing.
 */
export function labelsWithIds(grouped: Readonly<Record<NodeLabel, readonly string[]>>): NodeLabel[] {
  const labels = NODE_LABELS.filter((label) => grouped[label].length > 0);
  return labels.length > 0 ? labels : [NODE_LABELS[0]];
}

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
    if (text === undefined) texts.set(key, (text = build(labels)));
    return text;
  };
}
