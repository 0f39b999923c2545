import { findEdgesAmong } from '../../../graph/queries/edges.js';
import { expandNeighbourhoodOf } from '../../../graph/queries/neighbourhood.js';
import { loadCoverageIndex } from '../../../graph/queries/coverage.js';
import {
  findMatchingDispositifIds,
  toDispositifFilterParams,
} from '../../../graph/queries/dispositif-filter.js';
import { findPartnershipNetwork } from '../../../graph/queries/partners.js';
import { crossableLabels, findShortestPath, findShortestPaths } from '../../../graph/queries/path.js';
import { findTerritoryScope } from '../../../graph/queries/territory-scope.js';
import { INVOLVEMENT_TYPES, type RelationshipType } from '../../../graph/model.js';
import type { NodeRow } from '../../../graph/queries/rows.js';
import type { GraphQLContext } from '../../context.js';
import { badUserInput, notFound } from '../../errors.js';
import { assertKnownFilterIds, assertKnownNodeIds, eitherFilter, fromDispositifFilter } from '../filters.js';
import { nodeOf, nodesOf } from '../node-mappers.js';
import type { NodeKind, Resolvers } from '../resolvers-types.generated.js';
import {
  kindOf,
  labelOfKind,
  loadNodes,
  parseRelationshipTypes,
  relatedNodes,
  stringProp,
} from '../shared.js';

const MAX_DEPTH = 3;
const MAX_LIMIT = 1000;
const MAX_PATH_LENGTH = 10;
const MAX_IDS = 2000;
const MAX_PATHS = 10;

/** The arguments shortestPath and shortestPaths share, checked. */
async function pathSearch(
  ctx: GraphQLContext,
  args: {
    from: string;
    to: string;
    relations?: readonly string[] | null;
    maxLength?: number | null;
    kinds?: readonly NodeKind[] | null;
    excludeKinds?: readonly NodeKind[] | null;
  },
) {
  const length = args.maxLength ?? 6;
  if (length < 1 || length > MAX_PATH_LENGTH) {
    throw badUserInput('maxLength', `maxLength must be between 1 and ${MAX_PATH_LENGTH}.`);
  }
  const types = parseRelationshipTypes(args.relations);
  if (args.from === args.to) {
    await assertNodesExist(ctx, [args.from]);
    throw badUserInput('to', 'from and to must be different nodes.');
  }
  const crossing = crossableLabels(args.kinds?.map(labelOfKind), args.excludeKinds?.map(labelOfKind));
  return { from: args.from, to: args.to, types, maxLength: length, ...crossing };
}

/** Every id must name an existing node: a typo should not look like an empty graph. */
async function assertNodesExist(ctx: GraphQLContext, ids: readonly string[]): Promise<NodeRow[]> {
  const rows = await loadNodes(ctx, ids);
  const found = new Set(rows.map((row) => row.id));
  const missing = ids.find((id) => !found.has(id));
  if (missing) throw notFound(missing);
  return rows;
}

/** Both ends of a path search name nodes (read with the paths): a typo should not look like "no path". */
function assertEnds({ from, to }: { from: string; to: string }, ends: readonly string[]) {
  const missing = [from, to].find((id) => !ends.includes(id));
  if (missing) throw notFound(missing);
}

function assertIdCount(ids: readonly string[], argument = 'ids') {
  if (ids.length > MAX_IDS) throw badUserInput(argument, `At most ${MAX_IDS} ids at a time.`);
}

/** Ids of the nodes at the end of some relationships of a node: the facets filters work on. */
async function relatedIds(
  ctx: GraphQLContext,
  row: NodeRow,
  relations: readonly (readonly [RelationshipType, 'OUT' | 'IN'])[],
): Promise<string[]> {
  const lists = await Promise.all(
    relations.map(([type, direction]) => relatedNodes(ctx, row, type, direction)),
  );
  return [...new Set(lists.flat().map((node) => node.id))];
}

// The flat arguments of partnershipNetwork, by the criterion each stands for.
const FLAT_NETWORK_ARGUMENTS = { themes: 'theme', publics: 'public', territory: 'territory' } as const;

export const graphResolvers: Resolvers = {
  Query: {
    nodes: async (_parent, { ids }, ctx) => {
      assertIdCount(ids);
      return loadNodes(ctx, ids);
    },
    edgesAmong: (_parent, { ids, relations }, ctx) => {
      assertIdCount(ids);
      return findEdgesAmong(ctx.db, { ids, types: parseRelationshipTypes(relations) });
    },
    territoryScope: async (_parent, { id }, ctx) => {
      const territory = await ctx.loaders.node.load(id);
      if (!territory || territory.label !== 'Territory')
        throw badUserInput('id', `Unknown territory "${id}".`);
      const scope = await findTerritoryScope(ctx.db, id);
      return { territory, inside: scope?.inside ?? [], containing: scope?.containing ?? [] };
    },
    neighbourhood: async (_parent, { ids, depth, relations, limit }, ctx) => {
      const hops = depth ?? 1;
      const cap = limit ?? 300;
      if (ids.length === 0) throw badUserInput('ids', 'ids must name at least one node.');
      if (hops < 1 || hops > MAX_DEPTH)
        throw badUserInput('depth', `depth must be between 1 and ${MAX_DEPTH}.`);
      if (cap < 1 || cap > MAX_LIMIT)
        throw badUserInput('limit', `limit must be between 1 and ${MAX_LIMIT}.`);
      const types = parseRelationshipTypes(relations);
      // The start nodes come with the first hop: a typo still answers NOT_FOUND, not an empty graph.
      const { start, slice } = await expandNeighbourhoodOf(ctx.db, { ids, depth: hops, types, limit: cap });
      const found = new Set(start.map((node) => node.id));
      const missing = ids.find((id) => !found.has(id));
      if (missing) throw notFound(missing);
      return slice;
    },
    partnershipNetwork: async (_parent, { filter, ...flat }, ctx) => {
      const chosen = eitherFilter(filter, flat);
      const dispositifs = fromDispositifFilter(
        chosen.input ?? {
          themes: flat.theme ? [flat.theme] : null,
          publics: flat.public ? [flat.public] : null,
          activeOn: flat.activeOn,
          territory: flat.territory,
        },
      );
      const index = await loadCoverageIndex(ctx.db);
      assertKnownFilterIds(index, dispositifs, (criterion) =>
        chosen.input ? `filter.${criterion}` : FLAT_NETWORK_ARGUMENTS[criterion],
      );
      await assertKnownNodeIds(ctx.db, dispositifs, 'filter.');
      return findPartnershipNetwork(ctx.db, index, toDispositifFilterParams(dispositifs, index));
    },
    matchingDispositifs: async (_parent, { filter, among }, ctx) => {
      if (among) assertIdCount(among, 'among');
      const dispositifs = fromDispositifFilter(filter);
      const index = await loadCoverageIndex(ctx.db);
      assertKnownFilterIds(index, dispositifs, (criterion) => `filter.${criterion}`);
      await assertKnownNodeIds(ctx.db, dispositifs, 'filter.');
      return findMatchingDispositifIds(ctx.db, toDispositifFilterParams(dispositifs, index), among ?? null);
    },
    shortestPath: async (_parent, args, ctx) => {
      const search = await pathSearch(ctx, args);
      const { ends, path } = await findShortestPath(ctx.db, search);
      assertEnds(search, ends);
      return path;
    },
    shortestPaths: async (_parent, args, ctx) => {
      const k = args.k ?? 3;
      if (k < 1 || k > MAX_PATHS) throw badUserInput('k', `k must be between 1 and ${MAX_PATHS}.`);
      const search = await pathSearch(ctx, args);
      const { ends, paths } = await findShortestPaths(ctx.db, { ...search, k });
      assertEnds(search, ends);
      return paths;
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
    themes: (row, _args, ctx) =>
      row.label === 'Dispositif' ? relatedIds(ctx, row, [['ADDRESSES', 'OUT']]) : [],
    publics: (row, _args, ctx) =>
      row.label === 'Dispositif' ? relatedIds(ctx, row, [['TARGETS', 'OUT']]) : [],
    places: (row, _args, ctx) => {
      if (row.label === 'Dispositif') return relatedIds(ctx, row, [['DEPLOYED_IN', 'OUT']]);
      if (row.label === 'Organisation') {
        return relatedIds(ctx, row, [
          ['LOCATED_IN', 'OUT'],
          ['GOVERNS', 'OUT'],
        ]);
      }
      return row.label === 'Territory' ? [row.id] : [];
    },
    involvedIn: (row, _args, ctx) =>
      row.label === 'Organisation'
        ? relatedIds(
            ctx,
            row,
            INVOLVEMENT_TYPES.map((type) => [type, 'OUT'] as const),
          )
        : [],
    degrees: (row, _args, ctx) => ctx.loaders.degrees.load(row.id),
  },
  GraphEdge: {
    id: (edge) => edge.id,
    source: (edge) => edge.source,
    target: (edge) => edge.target,
    type: (edge) => edge.type,
    sources: (edge) => edge.sources,
    data: (edge) => edge.props,
    sourceNodes: async (edge, _args, ctx) => nodesOf(await loadNodes(ctx, edge.sources), 'Source'),
  },
  TerritoryScope: {
    territory: (scope) => nodeOf(scope.territory, 'Territory'),
    inside: (scope) => scope.inside,
    containing: (scope) => scope.containing,
  },
};
