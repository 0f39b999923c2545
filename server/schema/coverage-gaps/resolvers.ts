import type { Resolvers } from '../resolvers-types.generated.js';
import { coverageComparison, coverageReport } from './report.js';

export const coverageResolvers: Resolvers = {
  Query: {
    coverage: async (_parent, { level, within, territories, ...filter }, ctx) =>
      (await coverageReport(ctx, level, within, filter, territories ?? null)).cells,
    coverageSummary: async (_parent, { level, within, territories, ...filter }, ctx) =>
      (await coverageReport(ctx, level, within, filter, territories ?? null)).summary,
    coverageComparison: (_parent, { level, within, left, right }, ctx) =>
      coverageComparison(ctx, level, within, left, right),
  },
  CoverageCell: {
    dispositifs: (cell) => cell.applications.map((application) => application.dispositif),
  },
};
