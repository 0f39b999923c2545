import { valueText, type ExportGraph } from './model';

/** One CSV field, quoted when it holds a separator, a quote or a line break (RFC 4180). */
export function csvField(value: string): string {
  return /[",;\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function csv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Nodes: id, label, kind, then every property (sorted by name). */
export function toNodesCsv(graph: ExportGraph): string {
  const keys = [...new Set(graph.nodes.flatMap((node) => Object.keys(node.props)))]
    .filter((key) => key !== 'id')
    .sort();
  return csv([
    ['id', 'label', 'kind', ...keys],
    ...graph.nodes.map((node) => [
      node.id,
      node.label,
      node.kind,
      ...keys.map((key) => valueText(node.props[key])),
    ]),
  ]);
}

/** Edges: id, source, target, type, label, sources, then every property. */
export function toEdgesCsv(graph: ExportGraph): string {
  const keys = [...new Set(graph.edges.flatMap((edge) => Object.keys(edge.props)))].sort();
  return csv([
    ['id', 'source', 'target', 'type', 'label', 'sources', ...keys],
    ...graph.edges.map((edge) => [
      edge.id,
      edge.source,
      edge.target,
      edge.type,
      edge.label,
      edge.sources.join(' | '),
      ...keys.map((key) => valueText(edge.props[key])),
    ]),
  ]);
}
