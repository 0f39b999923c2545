/**
 * The seed graph grown to a scale: the curated dataset on its grid, joined by
 * a generated graph. `france` is the national grid with issue 10's sizes;
 * a factor grows the curated data over the grid of ATLAS_SCOPE (the région by default).
 */
import type { SeedGraph } from '../../graph/model.js';
import { gridScopeFromEnv, type GridScope } from '../grid/build-grid.js';
import { buildScopedSeedGraph, DEFAULT_DATA_DIR } from '../load.js';
import { generateGraph } from './generate-graph.js';
import { FRANCE_SIZES, sizesForFactor } from './sizes.js';

export type GenerateScale = { scale: 'france' } | { factor: number };

export interface ScaledSeedGraph {
  graph: SeedGraph;
  /** The generated part alone. */
  generated: SeedGraph;
  scope: GridScope;
}

export function buildScaledSeedGraph(
  scale: GenerateScale,
  seed: number,
  dataDir = DEFAULT_DATA_DIR,
): ScaledSeedGraph {
  const scope = 'scale' in scale ? 'france' : gridScopeFromEnv();
  const { graph: base, errors } = buildScopedSeedGraph(dataDir, scope);
  if (errors.length > 0) throw new Error(`${errors.length} error(s) in ${dataDir}: run npm run seed:check`);
  let sizes = FRANCE_SIZES;
  if ('factor' in scale) {
    // The curated part: what is neither a grid territory nor the grid's own links
    const curatedIds = new Set(
      base.nodes
        .filter((node) => node.label !== 'Territory' || node.props.level === 'BASSIN')
        .map((n) => n.id),
    );
    const curated: SeedGraph = {
      nodes: base.nodes.filter((node) => curatedIds.has(node.id)),
      relationships: base.relationships.filter((rel) => curatedIds.has(rel.from) || curatedIds.has(rel.to)),
    };
    sizes = sizesForFactor(curated, scale.factor);
  }
  const generated = generateGraph({ base, sizes, seed });
  return {
    graph: {
      nodes: [...base.nodes, ...generated.nodes],
      relationships: [...base.relationships, ...generated.relationships],
    },
    generated,
    scope,
  };
}
