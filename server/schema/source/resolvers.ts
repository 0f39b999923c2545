import { findNodesByLabel } from '../../../graph/queries/nodes.js';
import type { Resolvers } from '../resolvers-types.generated.js';
import { kindOf, nodeFields, relatedNodes, stringProp } from '../shared.js';

export const sourceResolvers: Resolvers = {
  Query: {
    sourceList: async (_parent, _args, ctx) =>
      (await findNodesByLabel(ctx.db, 'Source')).sort((a, b) =>
        String(b.props.date ?? '').localeCompare(String(a.props.date ?? '')),
      ),
  },
  Source: {
    ...nodeFields,
    title: (row) => stringProp(row, 'title') ?? stringProp(row, 'name') ?? row.id,
    date: (row) => stringProp(row, 'date'),
    publisher: (row) => stringProp(row, 'publisher'),
    sourceKind: (row) => stringProp(row, 'kind'),
    url: (row) => stringProp(row, 'url'),
    mentions: async (row, { kinds }, ctx) => {
      const nodes = await relatedNodes(ctx, row, 'MENTIONED_IN', 'IN');
      return kinds?.length ? nodes.filter((node) => kinds.includes(kindOf(node))) : nodes;
    },
  },
};
