import { checkCoverageRequest } from '../../../graph/coverage-gaps/report.js';
import { cellsWithin } from '../../../graph/coverage-gaps/grid.js';
import { loadCoverageIndex } from '../../../graph/queries/coverage.js';
import { findUnknownFilterIds } from '../../../graph/queries/dispositif-filter.js';
import { findNearestDispositifs } from '../../../graph/queries/nearest-dispositifs.js';
import { countRecordedActors, findSourceTallies } from '../../../graph/queries/recorded-actors.js';
import { badUserInput, notFound } from '../../errors.js';
import { fromCoverageFilter } from '../filters.js';
import { nodeOf } from '../node-mappers.js';
import type { Resolvers } from '../resolvers-types.generated.js';

const MAX_NEARBY = 50;

/** Honest gaps (honest-gaps.graphql): what could be extended into a gap, and what the answers rest on. */
export const honestGapsResolvers: Resolvers = {
  Query: {
    nearestDispositifs: async (_parent, { territory, filter, first }, ctx) => {
      const count = first ?? 10;
      if (count < 1 || count > MAX_NEARBY)
        throw badUserInput('first', `first must be between 1 and ${MAX_NEARBY}.`);
      const index = await loadCoverageIndex(ctx.db);
      if (!index.grid.territories.has(territory)) throw notFound(territory);
      const chosen = fromCoverageFilter(filter ?? {});
      const [unknown] = findUnknownFilterIds(chosen, index);
      if (unknown) {
        const argument = unknown.criterion === 'themes' ? 'theme' : 'public';
        throw badUserInput(`filter.${argument}`, `Unknown ${argument} "${unknown.id}".`);
      }
      const rows = await findNearestDispositifs(ctx.db, index, { territory, filter: chosen, first: count });
      return rows.map((row) => ({
        dispositif: nodeOf(row.dispositif, 'Dispositif'),
        ring: row.ring,
        deployedIn: row.deployedIn.map((place) => nodeOf(place, 'Territory')),
      }));
    },
    sourceTallies: (_parent, _args, ctx) => findSourceTallies(ctx.db),
    recordedActors: async (_parent, { level, within }, ctx) => {
      const index = await loadCoverageIndex(ctx.db);
      const problem = checkCoverageRequest(index, { level, within, only: null }, []);
      if (problem) throw badUserInput(problem.argument, problem.message);
      const cells = cellsWithin(index.grid, level, within).map((cell) => cell.id);
      const counts = await countRecordedActors(ctx.db, index.grid, cells);
      return {
        territories: cells,
        organisations: counts.map((count) => count.organisations),
        dispositifs: counts.map((count) => count.dispositifs),
      };
    },
  },
};
