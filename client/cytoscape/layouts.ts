import type cytoscape from 'cytoscape';

export const LAYOUT_NAMES = ['fcose', 'concentric', 'hierarchical'] as const;
export type LayoutName = (typeof LAYOUT_NAMES)[number];

export const LAYOUT_LABELS: Record<LayoutName, string> = {
  fcose: 'Force (fCoSE)',
  concentric: 'Concentrique (par degré)',
  hierarchical: 'Hiérarchique (financeurs en haut)',
};

/** Above this many nodes, fCoSE runs in draft quality so that the page stays responsive. */
export const DRAFT_QUALITY_ABOVE = 1000;
const ANIMATE_BELOW = 250;

export interface LayoutContext {
  nodeCount: number;
  /** Keep the current positions as a starting point (nodes were added to a laid-out canvas). */
  incremental: boolean;
  /** Ids of the nodes that start the hierarchy (funders). */
  roots: readonly string[];
  /** Compound groups are drawn: draft quality would let them overlap. */
  grouped?: boolean;
  /** Locked nodes and their positions. */
  fixed: readonly { nodeId: string; position: { x: number; y: number } }[];
}

/** Ids of nodes with an outgoing FUNDS edge: the top of the funder → dispositif → operator hierarchy. */
export function hierarchyRoots(
  nodes: readonly { id: string; kind: string }[],
  edges: readonly { source: string; target: string; type: string }[],
): string[] {
  const funders = new Set(edges.filter((edge) => edge.type === 'FUNDS').map((edge) => edge.source));
  const roots = nodes.filter((node) => funders.has(node.id)).map((node) => node.id);
  if (roots.length) return roots;
  // No funder on screen: organisations carrying something, else everything starts at depth 0.
  const carriers = new Set(edges.filter((edge) => edge.type === 'CARRIES').map((edge) => edge.source));
  return nodes.filter((node) => carriers.has(node.id)).map((node) => node.id);
}

/** Cytoscape layout options for a layout name and what the canvas holds. */
export function layoutOptions(name: LayoutName, context: LayoutContext): cytoscape.LayoutOptions {
  const animate = context.nodeCount < ANIMATE_BELOW;
  switch (name) {
    case 'fcose': {
      const draft = context.nodeCount > DRAFT_QUALITY_ABOVE && !context.grouped;
      return {
        name: 'fcose',
        quality: draft ? 'draft' : 'default',
        // Draft quality is the spectral step alone, which needs a randomised start (fcose fails otherwise).
        randomize: draft || !context.incremental,
        animate,
        animationDuration: 400,
        fit: true,
        padding: 30,
        nodeDimensionsIncludeLabels: false,
        packComponents: true,
        nodeRepulsion: () => 6500,
        idealEdgeLength: () => 70,
        nodeSeparation: 60,
        fixedNodeConstraint: context.fixed.length ? [...context.fixed] : undefined,
      } as cytoscape.LayoutOptions;
    }
    case 'concentric':
      return {
        name: 'concentric',
        concentric: (node: cytoscape.NodeSingular) => node.degree(false),
        levelWidth: () => 2,
        minNodeSpacing: 12,
        avoidOverlap: true,
        animate,
        fit: true,
        padding: 30,
      } as cytoscape.ConcentricLayoutOptions;
    case 'hierarchical':
      return {
        name: 'breadthfirst',
        directed: false,
        roots: context.roots.length
          ? context.roots.map((id) => `[id = ${JSON.stringify(id)}]`).join(', ')
          : undefined,
        spacingFactor: 1.1,
        avoidOverlap: true,
        animate,
        fit: true,
        padding: 30,
      } as cytoscape.BreadthFirstLayoutOptions;
  }
}

/**
 * fCoSE's draft quality is its spectral step alone, which packs nodes tightly;
 * the factor that spreads them to about `spacing` pixels per node.
 */
export function draftSpreadFactor(count: number, box: { w: number; h: number }, spacing = 55): number {
  const side = Math.max(box.w, box.h);
  if (count < 2 || side <= 0) return 1;
  return Math.max(1, (Math.sqrt(count) * spacing) / side);
}

/**
 * Nodes a draft layout put on the same spot (the leaves of a star get the same
 * spectral coordinates) laid on a sunflower spiral around that spot instead.
 */
export function unstackPositions(
  positions: ReadonlyMap<string, { x: number; y: number }>,
  spacing = 28,
): Map<string, { x: number; y: number }> {
  const buckets = new Map<string, string[]>();
  for (const [id, position] of positions) {
    const key = `${Math.round(position.x / (spacing / 2))},${Math.round(position.y / (spacing / 2))}`;
    const bucket = buckets.get(key);
    if (bucket) bucket.push(id);
    else buckets.set(key, [id]);
  }
  const golden = Math.PI * (3 - Math.sqrt(5));
  const result = new Map(positions);
  for (const ids of buckets.values()) {
    if (ids.length < 2) continue;
    const centre = positions.get(ids[0]!)!;
    ids.forEach((id, index) => {
      const radius = spacing * Math.sqrt(index);
      result.set(id, {
        x: centre.x + radius * Math.cos(index * golden),
        y: centre.y + radius * Math.sin(index * golden),
      });
    });
  }
  return result;
}
