import { findNodesByLabel } from '../../../graph/queries/nodes.js';
import type { Resolvers } from '../resolvers-types.generated.js';
import { nodesOf } from '../node-mappers.js';
import { projectionOf } from '../projection.js';
import { kindOf, nodeFields, relatedNodes } from '../shared.js';

export const sourceResolvers: Resolvers = {
  Query: {
    sourceList: async (_parent, _args, ctx) =>
      nodesOf(await findNodesByLabel(ctx.db, 'Source'), 'Source').sort((a, b) =>
        (b.props.date ?? '').localeCompare(a.props.date ?? ''),
      ),
  },
  Source: {
    ...nodeFields,
    title: (row) => row.props.title ?? row.props.name ?? row.id,
    date: (row) => row.props.date ?? null,
    publisher: (row) => row.props.publisher ?? null,
    sourceKind: (row) => row.props.kind ?? null,
    url: (row) => row.props.url ?? null,
    mentions: async (row, { kinds }, ctx, info) => {
      const nodes = await relatedNodes(ctx, row, 'MENTIONED_IN', 'IN', projectionOf(info));
      return kinds?.length ? nodes.filter((node) => kinds.includes(kindOf(node))) : nodes;
    },
  },
};
