import { graphql } from '../../gql/index.js';

/**
 * The cells as the map and the table need them, in the compact form (parallel
 * lists: a région holds 4,293 communes, France ~35,000). Which dispositifs apply,
 * how and through which territories, is asked for one cell when it is opened, or
 * for all on export: a région after a national import has ~20,000 applying, which
 * listed with every map made most of its answer (3.2 MB).
 */
export const COVERAGE_MAP_FIELDS = graphql(`
  fragment CoverageMapFields on CoverageMap {
    territories
    names
    codes
    departements
    statuses
    populations
    coveredPopulations
    dispositifCounts
  }
`);

export const COVERAGE_APPLICATION_FIELDS = graphql(`
  fragment CoverageApplicationFields on CoverageCell {
    territory {
      id
    }
    applications {
      via
      population
      dispositif {
        id
        name
        status
        startDate
        endDate
      }
      through {
        id
        name
      }
    }
  }
`);

export const COVERAGE_SUMMARY_FIELDS = graphql(`
  fragment CoverageSummaryFields on CoverageSummary {
    cells
    population
    coveredPopulation
    dispositifs
    covered {
      cells
      population
    }
    partial {
      cells
      population
    }
    none {
      cells
      population
    }
  }
`);

/** The dispositifs applying on a side of a comparison, to name those its changes list. */
export const COVERAGE_APPLYING_FIELDS = graphql(`
  fragment CoverageApplyingFields on CoverageSummary {
    applying {
      dispositif {
        id
        name
      }
    }
  }
`);

export const COVERAGE_QUERY = graphql(`
  query Coverage(
    $level: TerritoryLevel!
    $within: ID!
    $theme: ID
    $public: ID
    $activeOn: Date
    $carrierType: [OrganisationType!]
    $status: [DispositifStatus!]
  ) {
    coverageMap(
      level: $level
      within: $within
      theme: $theme
      public: $public
      activeOn: $activeOn
      carrierType: $carrierType
      status: $status
    ) {
      ...CoverageMapFields
    }
    coverageSummary(
      level: $level
      within: $within
      theme: $theme
      public: $public
      activeOn: $activeOn
      carrierType: $carrierType
      status: $status
    ) {
      ...CoverageSummaryFields
    }
  }
`);

export const COVERAGE_COMPARISON_QUERY = graphql(`
  query CoverageComparison(
    $level: TerritoryLevel!
    $within: ID!
    $left: CoverageFilter!
    $right: CoverageFilter!
  ) {
    coverageComparison(level: $level, within: $within, left: $left, right: $right) {
      left {
        map {
          ...CoverageMapFields
        }
        summary {
          ...CoverageSummaryFields
          ...CoverageApplyingFields
        }
      }
      right {
        map {
          ...CoverageMapFields
        }
        summary {
          ...CoverageSummaryFields
          ...CoverageApplyingFields
        }
      }
      changes {
        before
        after
        population
        territory {
          id
        }
        lost {
          id
        }
        gained {
          id
        }
      }
    }
  }
`);

/** How each dispositif applies, for the cells named (one opened cell), with the same filter. */
export const COVERAGE_APPLICATIONS_QUERY = graphql(`
  query CoverageApplications(
    $level: TerritoryLevel!
    $within: ID!
    $theme: ID
    $public: ID
    $activeOn: Date
    $carrierType: [OrganisationType!]
    $status: [DispositifStatus!]
    $territories: [ID!]
  ) {
    coverage(
      level: $level
      within: $within
      theme: $theme
      public: $public
      activeOn: $activeOn
      carrierType: $carrierType
      status: $status
      territories: $territories
    ) {
      ...CoverageApplicationFields
    }
  }
`);

/** The same cells and summary as `Coverage`, with the filter as one input (funder, « Sans… »). */
export const COVERAGE_FILTERED_QUERY = graphql(`
  query CoverageFiltered($level: TerritoryLevel!, $within: ID!, $filter: CoverageFilter!) {
    coverageMap(level: $level, within: $within, filter: $filter) {
      ...CoverageMapFields
    }
    coverageSummary(level: $level, within: $within, filter: $filter) {
      ...CoverageSummaryFields
      exclusion {
        dropped {
          dispositif {
            id
            name
          }
        }
        kept {
          dispositif {
            id
            name
          }
          carriers {
            id
            name
          }
          funders {
            id
            name
          }
        }
      }
    }
  }
`);

/** How each dispositif applies, for the cells named, with the filter as one input. */
export const COVERAGE_FILTERED_APPLICATIONS_QUERY = graphql(`
  query CoverageFilteredApplications(
    $level: TerritoryLevel!
    $within: ID!
    $filter: CoverageFilter!
    $territories: [ID!]
  ) {
    coverage(level: $level, within: $within, filter: $filter, territories: $territories) {
      ...CoverageApplicationFields
    }
  }
`);

/** « Points de fragilité »: organisations that alone keep some territories covered. */
export const SINGLE_POINTS_OF_FAILURE_QUERY = graphql(`
  query SinglePointsOfFailure(
    $level: TerritoryLevel!
    $within: ID!
    $theme: ID
    $public: ID
    $activeOn: Date
  ) {
    singlePointsOfFailure(
      level: $level
      within: $within
      theme: $theme
      public: $public
      activeOn: $activeOn
    ) {
      population
      organisation {
        id
        name
      }
      cells {
        id
        name
      }
      dispositifs {
        id
        name
      }
    }
  }
`);

/** Names of the organisations and dispositifs of « Sans… » (a URL names them by id). */
export const NODE_NAMES_QUERY = graphql(`
  query NodeNames($ids: [ID!]!) {
    nodes(ids: $ids) {
      id
      label
    }
  }
`);
