import type { CodegenConfig } from '@graphql-codegen/cli';

const NODE_ROW = '../../graph/queries/rows.js#NodeRow';
const RELATION_ROW = '../../graph/queries/rows.js#RelationRow';

/** One configuration: resolver types for the server, typed documents for the client. */
const config: CodegenConfig = {
  schema: 'server/schema/**/*.graphql',
  ignoreNoDocuments: true,
  generates: {
    'server/schema/resolvers-types.generated.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        contextType: '../context.js#GraphQLContext',
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { Date: 'string', JSON: 'unknown', File: 'File' },
        // A resolver's parent is what graph/ returned.
        mappers: {
          Node: NODE_ROW,
          // One mapper per node kind, with that kind's own properties.
          Organisation: './organisation/schema.mappers.js#OrganisationMapper',
          Dispositif: './dispositif/schema.mappers.js#DispositifMapper',
          Territory: './territory/schema.mappers.js#TerritoryMapper',
          Person: './person/schema.mappers.js#PersonMapper',
          Theme: './vocabulary/schema.mappers.js#ThemeMapper',
          Public: './vocabulary/schema.mappers.js#PublicMapper',
          Source: './source/schema.mappers.js#SourceMapper',
          Relation: RELATION_ROW,
          OrganisationLink: RELATION_ROW,
          DispositifLink: RELATION_ROW,
          FundingLink: RELATION_ROW,
          TerritoryLink: RELATION_ROW,
          PersonLink: RELATION_ROW,
          PublicLink: RELATION_ROW,
          ThemeLink: RELATION_ROW,
          Partnership: '../../graph/queries/partners.js#PartnershipRow',
          SearchHit: '../../graph/queries/search.js#SearchHitRow',
          GraphSlice: '../../graph/queries/rows.js#GraphSliceRow',
          GraphNode: NODE_ROW,
          GraphEdge: '../../graph/queries/rows.js#EdgeRow',
          GraphStats: '../../graph/queries/stats.js#GraphStatsRow',
          TerritoryScope: '../../graph/queries/territory-scope.js#TerritoryScopeMapper',
          CoverageCell: './coverage-gaps/schema.mappers.js#CoverageCellMapper',
          CoverageApplication: './coverage-gaps/schema.mappers.js#CoverageApplicationMapper',
          CoverageSummary: './coverage-gaps/schema.mappers.js#CoverageSummaryMapper',
          CoverageDispositif: './coverage-gaps/schema.mappers.js#CoverageDispositifMapper',
          CoverageReport: './coverage-gaps/schema.mappers.js#CoverageReportMapper',
          CoverageChange: './coverage-gaps/schema.mappers.js#CoverageChangeMapper',
          CoverageComparison: './coverage-gaps/schema.mappers.js#CoverageComparisonMapper',
          Dependency: './dependencies/schema.mappers.js#DependencyMapper',
          SinglePointOfFailure: './dependencies/schema.mappers.js#SinglePointOfFailureMapper',
          OfferItem: './dependencies/schema.mappers.js#OfferItemMapper',
          ExcludedDispositif: './dependencies/schema.mappers.js#ExcludedDispositifMapper',
          CoverageExclusion: './dependencies/schema.mappers.js#CoverageExclusionMapper',
          Change: './journal/schema.mappers.js#ChangeMapper',
          ChangePage: './journal/schema.mappers.js#ChangePageMapper',
          EditResult: './editing/schema.mappers.js#EditResultMapper',
        },
      },
    },
    'client/gql/': {
      documents: ['client/**/*.{ts,tsx}', 'tests/**/*.ts', '!client/gql/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        importExtension: '.js',
        scalars: { Date: 'string', JSON: 'unknown', File: 'File' },
      },
    },
  },
};

export default config;
