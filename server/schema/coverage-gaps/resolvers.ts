import {
  checkCoverageRequest,
  checkFilterNodeIds,
  readCoverageComparison,
  readCoverageReport,
  type CoverageRequest,
  type NamedCoverageFilter,
} from '../../../graph/coverage-gaps/report.js';
import { loadCoverageIndex } from '../../../graph/queries/coverage.js';
import type { GraphQLContext } from '../../context.js';
import { badUserInput } from '../../errors.js';
import { eitherFilter, fromCoverageFilter } from '../filters.js';
import { nodeOf, nodesOf } from '../node-mappers.js';
import { memoOnRequest } from '../request-memo.js';
import type { QueryCoverageArgs, Resolvers } from '../resolvers-types.generated.js';

/** Loads the index, then refuses what the analysis cannot run, before any other query. */
async function checkedIndex(ctx: GraphQLContext, request: CoverageRequest, filters: NamedCoverageFilter[]) {
  const index = await loadCoverageIndex(ctx.db);
  const problem =
    checkCoverageRequest(index, request, filters) ?? (await checkFilterNodeIds(ctx.db, filters));
  if (problem) throw badUserInput(problem.argument, problem.message);
  return index;
}

/** `coverage` and `coverageSummary` take the same arguments and share one report per request. */
function coverageReport(ctx: GraphQLContext, args: QueryCoverageArgs) {
  const { level, within, territories, filter, ...flat } = args;
  const chosen = eitherFilter(filter, flat);
  const named = { prefix: chosen.prefix, filter: fromCoverageFilter(chosen.input ?? flat) };
  const request = { level, within, only: territories ?? null };
  return memoOnRequest(ctx, ['coverageReport', request, named.filter], async () => {
    const index = await checkedIndex(ctx, request, [named]);
    return readCoverageReport(ctx.db, index, request, named.filter);
  });
}

export const coverageResolvers: Resolvers = {
  Query: {
    coverage: async (_parent, args, ctx) => (await coverageReport(ctx, args)).cells(),
    coverageMap: async (_parent, args, ctx) => (await coverageReport(ctx, args)).map(),
    coverageSummary: async (_parent, args, ctx) => (await coverageReport(ctx, args)).summary,
    coverageComparison: async (_parent, { level, within, left, right }, ctx) => {
      const request = { level, within, only: null };
      const sides = [
        { prefix: 'left.', filter: fromCoverageFilter(left) },
        { prefix: 'right.', filter: fromCoverageFilter(right) },
      ];
      const index = await checkedIndex(ctx, request, sides);
      return readCoverageComparison(ctx.db, index, request, sides[0]!.filter, sides[1]!.filter);
    },
  },
  CoverageReport: {
    cells: (report) => report.cells(),
    map: (report) => report.map(),
  },
  CoverageCell: {
    applications: (cell) => cell.applications(),
    dispositifs: async (cell) =>
      nodesOf(
        await Promise.all(cell.applications().map((application) => application.dispositif)),
        'Dispositif',
      ),
  },
  // The report reads the dispositifs it shows only when asked, as promises: resolvers of
  // their own, for compiled execution (server/compiled-execution.ts).
  CoverageApplication: {
    dispositif: async (application) => nodeOf(await application.dispositif, 'Dispositif'),
  },
  CoverageDispositif: {
    dispositif: async (reach) => nodeOf(await reach.dispositif, 'Dispositif'),
  },
  CoverageChange: {
    lost: async (change) => nodesOf(await change.lost, 'Dispositif'),
    gained: async (change) => nodesOf(await change.gained, 'Dispositif'),
  },
};
