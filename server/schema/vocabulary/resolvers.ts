import { findNodesByLabel } from '../../../graph/queries/nodes.js';
import type { Resolvers } from '../resolvers-types.generated.js';
import { nodeOf, nodesOf } from '../node-mappers.js';
import { relationTreeAhead } from '../look-ahead.js';
import { projectionOf } from '../projection.js';
import { links, nodeFields } from '../shared.js';

export const vocabularyResolvers: Resolvers = {
  Query: {
    themes: async (_parent, _args, ctx, info) => {
      const tree = relationTreeAhead(info);
      const rows =
        tree.length > 0
          ? ctx.loaders.labelAhead('Theme', tree, projectionOf(info))
          : findNodesByLabel(ctx.db, 'Theme');
      return nodesOf(await rows, 'Theme');
    },
    publics: async (_parent, _args, ctx) => nodesOf(await findNodesByLabel(ctx.db, 'Public'), 'Public'),
  },
  Theme: {
    ...nodeFields,
    parent: async (row, _args, ctx) => {
      const parent = row.props.parent ? await ctx.loaders.node.load(row.props.parent) : null;
      return parent ? nodeOf(parent, 'Theme') : null;
    },
    children: async (row, _args, ctx) => nodesOf(await ctx.loaders.themeChildren.load(row.id), 'Theme'),
    dispositifs: links('ADDRESSES', 'IN'),
  },
  Public: {
    ...nodeFields,
    dispositifs: links('TARGETS', 'IN'),
  },
};
