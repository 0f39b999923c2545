import type { NodeKind } from '../../vocabulary';
import type { Slice, SliceEdge, SliceNode } from './types';

interface RawNode {
  id: string;
  kind: NodeKind;
  label: string;
  data?: unknown;
}

interface RawEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  sources: readonly string[];
  data?: unknown;
}

interface RawSlice {
  truncated: boolean;
  nodes: readonly RawNode[];
  edges: readonly RawEdge[];
}

const asRecord = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** A node as the API returns it, with its JSON data as a plain record. */
export const toSliceNode = (node: RawNode): SliceNode => ({
  id: node.id,
  kind: node.kind,
  label: node.label,
  props: asRecord(node.data),
});

/** An edge as the API returns it, with its JSON data as a plain record. */
export const toSliceEdge = (edge: RawEdge): SliceEdge => ({
  id: edge.id,
  source: edge.source,
  target: edge.target,
  type: edge.type,
  sources: [...edge.sources],
  props: asRecord(edge.data),
});

/** A slice as the API returns it. */
export function toSlice(raw: RawSlice): Slice {
  return { truncated: raw.truncated, nodes: raw.nodes.map(toSliceNode), edges: raw.edges.map(toSliceEdge) };
}

/** Several slices as one: first occurrence of a node or edge wins. */
export function mergeSlices(slices: readonly Slice[]): Slice {
  const nodes = new Map<string, SliceNode>();
  const edges = new Map<string, SliceEdge>();
  let truncated = false;
  for (const slice of slices) {
    truncated ||= slice.truncated;
    for (const node of slice.nodes) if (!nodes.has(node.id)) nodes.set(node.id, node);
    for (const edge of slice.edges) if (!edges.has(edge.id)) edges.set(edge.id, edge);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()], truncated };
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** What a funder funds, and around it: carriers, partners, co-funders, places and themes. */
export function funderSlice(funderId: string, funding: Slice, around: Slice): Slice {
  const fundsEdges = funding.edges.filter((edge) => edge.type === 'FUNDS' && edge.source === funderId);
  const keep = new Set([funderId, ...fundsEdges.map((edge) => edge.target)]);
  const first: Slice = {
    nodes: funding.nodes.filter((node) => keep.has(node.id)),
    edges: fundsEdges,
    truncated: funding.truncated,
  };
  return mergeSlices([first, around]);
}
