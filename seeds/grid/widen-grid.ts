/**
 * Puts a seed graph built over the région's grid onto the national one. The
 * curated dataset is written and validated against the région (its places
 * outside it are declared `outsideRegion`); at national scale those places
 * are grid territories already, so the grid's copy wins and the dataset's is
 * dropped. Every other dataset node and relationship is kept as is: the ids of
 * the région's grid are the same in the national grid.
 */
import type { SeedGraph } from '../../graph/model.js';

export function widenToGrid(graph: SeedGraph, builtOn: SeedGraph, grid: SeedGraph): SeedGraph {
  const gridIds = new Set(grid.nodes.map((node) => node.id));
  const builtOnIds = new Set(builtOn.nodes.map((node) => node.id));
  const builtOnRelationships = new Set(builtOn.relationships);
  const missing = [...builtOnIds].filter((id) => !gridIds.has(id));
  if (missing.length > 0) throw new Error(`the wider grid lacks ${missing.slice(0, 5).join(', ')}`);
  return {
    nodes: [
      ...grid.nodes,
      ...graph.nodes.filter((node) => !builtOnIds.has(node.id) && !gridIds.has(node.id)),
    ],
    relationships: [
      ...grid.relationships,
      ...graph.relationships.filter((rel) => !builtOnRelationships.has(rel)),
    ],
  };
}
