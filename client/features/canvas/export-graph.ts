import type { CanvasNodeData } from '../../cytoscape/elements';
import { edgeLabel } from '../../cytoscape/elements';
import { NODE_KIND_STYLES, NEUTRAL_COLOR } from '../../cytoscape/stylesheet';
import type { ExportGraph } from '../../export/model';
import type { CanvasModel } from './model';

/** What is on the canvas (filters applied), with positions from the live canvas when there is one. */
export function toExportGraph(
  model: CanvasModel,
  positionOf: (id: string) => { x: number; y: number } | null,
): ExportGraph {
  const colours = new Map(model.colours.map((entry) => [entry.key, entry.color]));
  const drawn = new Map<string, CanvasNodeData>();
  for (const element of model.elements) {
    if (element.group === 'nodes') drawn.set(element.data.id, element.data as CanvasNodeData);
  }
  return {
    nodes: model.visibleNodes.map((node) => {
      const data = drawn.get(node.id);
      const position = positionOf(node.id);
      return {
        id: node.id,
        label: node.label,
        kind: node.kind,
        props: node.props,
        ...(position ? { x: position.x, y: position.y } : {}),
        size: data?.size,
        color: (data && colours.get(data.colorKey)) ?? NEUTRAL_COLOR,
        shape: NODE_KIND_STYLES[node.kind].shape,
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
  };
}

export const toCsvFileName = (base: string, what: string) => `${base}-${what}.csv`;
