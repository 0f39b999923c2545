import { readOfferFor, checkOfferCommune } from '../../../graph/coverage-gaps/offer.js';
import { checkCoverageRequest, type CoverageRequest } from '../../../graph/coverage-gaps/report.js';
import { readDependencies, readSinglePointsOfFailure } from '../../../graph/coverage-gaps/what-if.js';
import { loadCoverageIndex } from '../../../graph/queries/coverage.js';
import { findNodesByIds } from '../../../graph/queries/nodes.js';
import type { GraphQLContext } from '../../context.js';
import { badUserInput } from '../../errors.js';
import { assertKnownFilterIds, fromCoverageFilter } from '../filters.js';
import { nodeOf, nodesOf } from '../node-mappers.js';
import { memoOnRequest } from '../request-memo.js';
import type { Resolvers } from '../resolvers-types.generated.js';

/** Refuses a level/within pair or filter ids the coverage analysis would refuse, then gives its index. */
async function checkedIndex(
  ctx: GraphQLContext,
  request: CoverageRequest,
  theme?: string | null,
  publicId?: string | null,
) {
  const index = await loadCoverageIndex(ctx.db);
  const filter = fromCoverageFilter({ theme, public: publicId });
  const problem = checkCoverageRequest(index, request, [{ prefix: '', filter }]);
  if (problem) throw badUserInput(problem.argument, problem.message);
  return index;
}

async function assertOrganisation(ctx: GraphQLContext, id: string, argument: string) {
  const [row] = await findNodesByIds(ctx.db, [id]);
  if (row?.label !== 'Organisation') throw badUserInput(argument, `Unknown organisation "${id}".`);
}

export const dependencyResolvers: Resolvers = {
  Query: {
    dependencies: async (_parent, { organisation, level, within, activeOn }, ctx) => {
      const request = { level, within, only: null };
      const index = await checkedIndex(ctx, request);
      await assertOrganisation(ctx, organisation, 'organisation');
      return memoOnRequest(ctx, ['dependencies', organisation, level, within, activeOn], () =>
        readDependencies(ctx.db, index, { organisation, level, within, activeOn: activeOn ?? null }),
      );
    },
    singlePointsOfFailure: async (_parent, { level, within, theme, public: publicId, activeOn }, ctx) => {
      const request = { level, within, only: null };
      const index = await checkedIndex(ctx, request, theme, publicId);
      const filter = fromCoverageFilter({ theme, public: publicId, activeOn });
      return readSinglePointsOfFailure(ctx.db, index, request, filter);
    },
    offerFor: async (_parent, { commune, public: publicId, theme, activeOn }, ctx) => {
      const index = await loadCoverageIndex(ctx.db);
      const communeProblem = checkOfferCommune(index, commune);
      if (communeProblem) throw badUserInput('commune', communeProblem);
      assertKnownFilterIds(index, fromCoverageFilter({ theme, public: publicId }), (criterion) =>
        criterion === 'publics' ? 'public' : criterion === 'themes' ? 'theme' : 'commune',
      );
      return readOfferFor(ctx.db, index, {
        commune,
        theme: theme ?? null,
        public: publicId ?? null,
        activeOn: activeOn ?? null,
      });
    },
  },
  Dependency: {
    territory: (row) => nodeOf(row.territory, 'Territory'),
    departement: (row) => (row.departement ? nodeOf(row.departement, 'Territory') : null),
    theme: async (row, _args, ctx) => nodeOf((await ctx.loaders.node.load(row.theme))!, 'Theme'),
    dispositifs: (row) => nodesOf(row.dispositifs, 'Dispositif'),
  },
  SinglePointOfFailure: {
    organisation: (row) => nodeOf(row.organisation, 'Organisation'),
    cells: (row) => nodesOf(row.cells, 'Territory'),
    dispositifs: (row) => nodesOf(row.dispositifs, 'Dispositif'),
  },
  OfferItem: {
    dispositif: (row) => nodeOf(row.dispositif, 'Dispositif'),
    through: (row) => nodesOf(row.through, 'Territory'),
  },
  ExcludedDispositif: {
    dispositif: (row) => nodeOf(row.dispositif, 'Dispositif'),
    excluded: (row) => nodesOf(row.excluded, 'Organisation'),
    carriers: (row) => nodesOf(row.carriers, 'Organisation'),
    funders: (row) => nodesOf(row.funders, 'Organisation'),
  },
  CoverageSummary: {
    exclusion: (summary) => summary.exclusion,
  },
  CoverageComparison: {
    uncovered: (comparison) => {
      const lost = comparison.changes.filter((change) => change.after === 'NONE' && change.before !== 'NONE');
      return { cells: lost.length, population: lost.reduce((sum, change) => sum + change.population, 0) };
    },
  },
};
