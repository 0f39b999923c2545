import { expandNeighbourhood } from '../../../graph/queries/neighbourhood.js';
import { findPartnershipNetwork } from '../../../graph/queries/partners.js';
import { findShortestPath } from '../../../graph/queries/path.js';
import type { GraphQLContext } from '../../context.js';
import { badUserInput, notFound } from '../../errors.js';
import type { Resolvers } from '../resolvers-types.generated.js';
import { kindOf, loadNodes, parseRelationshipTypes, stringProp } from '../shared.js';

const MAX_DEPTH = 3;
const MAX_LIMIT = 1000;
const MAX_PATH_LENGTH = 10;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Every id must name an existing node: a typo should not look like an empty graph. */
async function assertNodesExist(ctx: GraphQLContext, ids: readonly string[]) {
  const found = new Set((await loadNodes(ctx, ids)).map((row) => row.id));
  const missing = ids.find((id) => !found.has(id));
  if (missing) throw notFound(missing);
}

export function parseDate(argument: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (!ISO_DATE.test(value) || Number.isNaN(Date.parse(value))) {
    throw badUserInput(argument, `${argument} must be a date written YYYY-MM-DD.`);
  }
  return value;
}

export const graphResolvers: Resolvers = {
  Query: {
    neighbourhood: async (_parent, { ids, depth, relations, limit }, ctx) => {
      const hops = depth ?? 1;
      const cap = limit ?? 300;
      if (ids.length === 0) throw badUserInput('ids', 'ids must name at least one node.');
      if (hops < 1 || hops > MAX_DEPTH)
        throw badUserInput('depth', `depth must be between 1 and ${MAX_DEPTH}.`);
      if (cap < 1 || cap > MAX_LIMIT)
        throw badUserInput('limit', `limit must be between 1 and ${MAX_LIMIT}.`);
      const types = parseRelationshipTypes(relations);
      await assertNodesExist(ctx, ids);
      return expandNeighbourhood(ctx.db, { ids, depth: hops, types, limit: cap });
    },
    partnershipNetwork: async (_parent, args, ctx) => {
      const activeOn = parseDate('activeOn', args.activeOn);
      const named = [args.territory, args.theme, args.public].filter((id): id is string => Boolean(id));
      const found = new Set((await loadNodes(ctx, named)).map((row) => row.id));
      for (const [argument, id] of Object.entries({
        territory: args.territory,
        theme: args.theme,
        public: args.public,
      })) {
        if (id && !found.has(id)) throw badUserInput(argument, `Unknown ${argument} "${id}".`);
      }
      return findPartnershipNetwork(ctx.db, { ...args, activeOn });
    },
    shortestPath: async (_parent, { from, to, relations, maxLength }, ctx) => {
      const length = maxLength ?? 6;
      if (length < 1 || length > MAX_PATH_LENGTH) {
        throw badUserInput('maxLength', `maxLength must be between 1 and ${MAX_PATH_LENGTH}.`);
      }
      const types = parseRelationshipTypes(relations);
      await assertNodesExist(ctx, [from, to]);
      if (from === to) throw badUserInput('to', 'from and to must be different nodes.');
      return findShortestPath(ctx.db, { from, to, types, maxLength: length });
    },
  },
  GraphSlice: {
    nodes: (slice) => slice.nodes,
    edges: (slice) => slice.edges,
    truncated: (slice) => slice.truncated,
  },
  GraphNode: {
    id: (row) => row.id,
    kind: (row) => kindOf(row),
    label: (row) => stringProp(row, 'name') ?? row.id,
    data: (row) => row.props,
  },
  GraphEdge: {
    id: (edge) => edge.id,
    source: (edge) => edge.source,
    target: (edge) => edge.target,
    type: (edge) => edge.type,
    sources: (edge) => edge.sources,
    data: (edge) => edge.props,
  },
};
