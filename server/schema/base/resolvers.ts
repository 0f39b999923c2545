import { countGraph } from '../../../graph/queries/stats.js';
import { notFound } from '../../errors.js';
import type { RelationshipType, Resolvers } from '../resolvers-types.generated.js';
import { panelAhead, relationTreeAhead } from '../look-ahead.js';
import { projectionOf } from '../projection.js';
import { kindOfLabel, linkFields, other, relationCursor } from '../shared.js';

export const baseResolvers: Resolvers = {
  Query: {
    node: async (_parent, { id }, ctx, info) => {
      const tree = relationTreeAhead(info);
      const panel = panelAhead(info);
      const row = await (tree.length > 0 || panel
        ? ctx.loaders.nodeAhead.load({ id, tree, panel, projection: projectionOf(info) })
        : ctx.loaders.node.load(id));
      if (!row) throw notFound(id);
      return row;
    },
    stats: (_parent, _args, ctx) => countGraph(ctx.db),
  },
  Node: {
    __resolveType: (row) => row.label,
  },
  Link: {
    // Every link type resolves its own fields; the interface is only ever returned as Relation.
    __resolveType: () => 'Relation',
  },
  Relation: {
    ...linkFields,
    type: (rel) => rel.type as RelationshipType,
    direction: (rel) => rel.direction,
    cursor: (rel) => relationCursor(rel),
    node: other,
  },
  GraphStats: {
    nodes: (stats) => stats.nodes.map(({ label, count }) => ({ kind: kindOfLabel(label), count })),
    relationships: (stats) => stats.relationships,
    totalNodes: (stats) => stats.nodes.reduce((sum, { count }) => sum + count, 0),
    totalRelationships: (stats) => stats.relationships.reduce((sum, { count }) => sum + count, 0),
  },
};
