import cytoscape from 'cytoscape';
import { useEffect, useRef } from 'react';
import { EDGE_STYLES, NODE_KIND_STYLES } from '../../cytoscape/stylesheet';
import type { NodeKind } from '../../vocabulary';

export interface ResultGraphData {
  nodes: { id: string; kind: NodeKind; label: string }[];
  edges: { id: string; source: string; target: string; type: string }[];
}

/** Beyond this, the preview would be a hairball: the explorer is the place for it. */
export const MAX_PREVIEW_NODES = 300;

const STYLE: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-size': 9,
      'text-valign': 'bottom',
      'text-max-width': '100px',
      'text-wrap': 'ellipsis',
      width: 16,
      height: 16,
      'background-color': 'data(color)',
      shape: 'data(shape)' as never,
    },
  },
  {
    selector: 'edge',
    style: {
      width: 1.2,
      'curve-style': 'bezier',
      'line-color': 'data(color)',
      'target-arrow-color': 'data(color)',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.6,
    },
  },
];

/** The result's nodes and relationships drawn small, in the kinds' colours and shapes. */
export function ResultGraph({ graph }: { graph: ResultGraphData }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current) return;
    const cy = cytoscape({
      container: host.current,
      style: STYLE,
      elements: [
        ...graph.nodes.map((node) => ({
          data: {
            id: node.id,
            label: node.label,
            color: NODE_KIND_STYLES[node.kind].color,
            shape: NODE_KIND_STYLES[node.kind].shape,
          },
        })),
        ...graph.edges.map((edge) => ({
          data: {
            id: edge.id,
            source: edge.source,
            target: edge.target,
            color: EDGE_STYLES[edge.type as keyof typeof EDGE_STYLES]?.color ?? '#999',
          },
        })),
      ],
      layout: { name: 'cose', animate: false, randomize: false },
      wheelSensitivity: 0.3,
    });
    return () => cy.destroy();
  }, [graph]);
  return (
    <div
      className="analysis-graph"
      ref={host}
      role="img"
      aria-label={`Graphe du résultat : ${graph.nodes.length} nœuds, ${graph.edges.length} relations`}
    />
  );
}
