import type { CanvasNodeData } from '../../cytoscape/elements';
import { edgeLabel } from '../../cytoscape/elements';
import { NODE_KIND_STYLES, NEUTRAL_COLOR } from '../../cytoscape/stylesheet';
import type { ExportGraph } from '../../export/model';
import { legendRows, sourceLine, type ExportNotes } from '../../export/notes';
import { metricsOfNode } from '../analysis/canvas-metrics';
import type { GraphCanvasHandle } from './GraphCanvas';
import type { CanvasModel } from './model';

/** The legend of what is drawn and the source line, for a picture exported on `date` (YYYY-MM-DD). */
export function exportNotes(model: CanvasModel, date: string): ExportNotes {
  const sources = new Set(model.visibleEdges.flatMap((edge) => edge.sources));
  for (const node of model.visibleNodes) if (node.kind === 'SOURCE') sources.add(node.id);
  return {
    legend: legendRows(model.legend),
    source: sourceLine({
      sources,
      territories: model.visibleNodes.some((node) => node.kind === 'TERRITORY'),
      date,
    }),
  };
}

/**
 * What is on the canvas (filters applied), with positions and labels as the
 * live canvas draws them when there is one, and the notes of a picture.
 */
export function toExportGraph(
  model: CanvasModel,
  canvas: Pick<GraphCanvasHandle, 'positionOf' | 'drawnLabels'> | null,
  date: string,
): ExportGraph {
  const labels = canvas?.drawnLabels() ?? null;
  const colours = new Map(model.colours.map((entry) => [entry.key, entry.color]));
  const drawn = new Map<string, CanvasNodeData>();
  for (const element of model.elements) {
    if (element.group === 'nodes') drawn.set(element.data.id, element.data as CanvasNodeData);
  }
  return {
    nodes: model.visibleNodes.map((node) => {
      const data = drawn.get(node.id);
      const position = canvas?.positionOf(node.id) ?? null;
      return {
        id: node.id,
        label: node.label,
        kind: node.kind,
        // Gephi reads them as node attributes; the CSV has them as columns.
        props: { ...node.props, ...metricsOfNode(model.metrics, node.id) },
        ...(position ? { x: position.x, y: position.y } : {}),
        size: data?.size,
        color: (data && colours.get(data.colorKey)) ?? NEUTRAL_COLOR,
        shape: NODE_KIND_STYLES[node.kind].shape,
        ...(labels && data ? { display: labels.shown.has(node.id) ? data.display : null } : {}),
      };
    }),
    edges: model.visibleEdges.map((edge) => ({
      id: edge.id,
      source: edge.source,
      target: edge.target,
      type: edge.type,
      label: edgeLabel(edge.type, edge.props),
      sources: edge.sources,
      props: edge.props,
      ...(typeof edge.props.weight === 'number' ? { weight: edge.props.weight } : {}),
    })),
    ...(labels ? { labelSize: labels.size } : {}),
    notes: exportNotes(model, date),
  };
}

export const toCsvFileName = (base: string, what: string) => `${base}-${what}.csv`;
