import { searchNodes } from '../../../graph/queries/search.js';
import { badUserInput } from '../../errors.js';
import type { Resolvers } from '../resolvers-types.generated.js';
import { labelOfKind } from '../shared.js';

const MAX_HITS = 100;

export const searchResolvers: Resolvers = {
  Query: {
    search: (_parent, { text, kinds, first }, ctx) => {
      const count = first ?? 20;
      if (count < 1 || count > MAX_HITS)
        throw badUserInput('first', `first must be between 1 and ${MAX_HITS}.`);
      if (text.length > 200) throw badUserInput('text', 'text must be at most 200 characters.');
      return searchNodes(ctx.db, { text, labels: kinds?.map(labelOfKind), first: count });
    },
  },
  SearchHit: {
    node: (hit) => hit.node,
    score: (hit) => hit.score,
  },
};
