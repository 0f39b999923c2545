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
        // A draft is spread and fitted by the canvas afterwards: fitting it here too would
        // compute every element's bounds once more for nothing.
        fit: !draft,
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

/** Room between two groups packed side by side (model units). */
const GROUP_GAP = 60;

/**
 * A layout for compound groups with a layout that ignores compounds
 * (concentric, hierarchical): each group's children laid out on their own,
 * then the groups — and the nodes outside any group, as one more block —
 * packed in rows, tallest first, so that children stay inside their group and
 * groups never overlap. Synchronous, not animated.
 */
export function runGroupedLayout(
  cy: cytoscape.Core,
  eles: cytoscape.CollectionReturnValue,
  optionsFor: (groupEles: cytoscape.CollectionReturnValue) => cytoscape.LayoutOptions,
): void {
  const nodes = eles.nodes();
  const blocks: {
    members: cytoscape.NodeCollection;
    box: () => cytoscape.BoundingBox12 & { w: number; h: number };
  }[] = [];
  nodes
    .filter((node) => node.isParent())
    .forEach((parent) => {
      const members = parent.children().intersection(nodes);
      if (members.nonempty())
        blocks.push({ members, box: () => parent.boundingBox({ includeLabels: true }) });
    });
  const loose = nodes.filter((node) => !node.isParent() && !node.isChild());
  if (loose.nonempty())
    blocks.push({ members: loose, box: () => loose.boundingBox({ includeLabels: false }) });

  // Not in a batch: layouts read node sizes, which a batch leaves stale.
  for (const block of blocks) {
    const groupEles = block.members.union(block.members.edgesWith(block.members)).intersection(eles);
    const options = optionsFor(groupEles);
    const largest = Math.max(...block.members.map((node) => node.outerWidth()));
    const side = Math.max(160, Math.sqrt(block.members.length) * (largest + 60));
    groupEles
      .layout({
        ...options,
        animate: false,
        fit: false,
        // Concentric rings take the room their nodes need; a box would squeeze them onto one another.
        ...(options.name === 'concentric' ? {} : { boundingBox: { x1: 0, y1: 0, w: side, h: side } }),
      } as cytoscape.LayoutOptions)
      .run();
  }
  const sized = blocks.map((block) => ({ ...block, rect: block.box() }));
  const area = sized.reduce((sum, block) => sum + (block.rect.w + GROUP_GAP) * (block.rect.h + GROUP_GAP), 0);
  const rowWidth = Math.max(...sized.map((block) => block.rect.w), Math.sqrt(area) * 1.4);
  sized.sort((a, b) => b.rect.h - a.rect.h);
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  cy.batch(() => {
    for (const block of sized) {
      if (x > 0 && x + block.rect.w > rowWidth) {
        x = 0;
        y += rowHeight + GROUP_GAP;
        rowHeight = 0;
      }
      const dx = x - block.rect.x1;
      const dy = y - block.rect.y1;
      block.members.positions((node) => {
        const position = (node as cytoscape.NodeSingular).position();
        return { x: position.x + dx, y: position.y + dy };
      });
      x += block.rect.w + GROUP_GAP;
      rowHeight = Math.max(rowHeight, block.rect.h);
    }
  });
}
