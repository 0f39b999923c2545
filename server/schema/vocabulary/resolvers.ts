import { findNodesByLabel } from '../../../graph/queries/nodes.js';
import type { Resolvers } from '../resolvers-types.generated.js';
import { links, nodeFields, stringProp } from '../shared.js';

export const vocabularyResolvers: Resolvers = {
  Query: {
    themes: (_parent, _args, ctx) => findNodesByLabel(ctx.db, 'Theme'),
    publics: (_parent, _args, ctx) => findNodesByLabel(ctx.db, 'Public'),
  },
  Theme: {
    ...nodeFields,
    parent: async (row, _args, ctx) => {
      const parentId = stringProp(row, 'parent');
      return parentId ? ctx.loaders.node.load(parentId) : null;
    },
    children: async (row, _args, ctx) =>
      (await findNodesByLabel(ctx.db, 'Theme')).filter((theme) => theme.props.parent === row.id),
    dispositifs: links('ADDRESSES', 'IN'),
  },
  Public: {
    ...nodeFields,
    dispositifs: links('TARGETS', 'IN'),
  },
};
