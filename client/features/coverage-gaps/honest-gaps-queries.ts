// `.js`: tests/integration imports these documents under Node's own module resolution.
import { graphql } from '../../gql/index.js';

export const SOURCE_TALLIES_QUERY = graphql(`
  query SourceTallies {
    sourceTallies {
      kind
      publisher
      count
      firstDate
      lastDate
    }
  }
`);

export const RECORDED_ACTORS_QUERY = graphql(`
  query RecordedActors($level: TerritoryLevel!, $within: ID!) {
    recordedActors(level: $level, within: $within) {
      territories
      organisations
      dispositifs
    }
  }
`);

export const NEAREST_DISPOSITIFS_QUERY = graphql(`
  query NearestDispositifs($territory: ID!, $filter: CoverageFilter, $first: Int) {
    nearestDispositifs(territory: $territory, filter: $filter, first: $first) {
      ring
      deployedIn {
        id
        name
      }
      dispositif {
        id
        name
        carriers {
          organisation {
            id
            name
          }
        }
        funders {
          organisation {
            id
            name
          }
        }
      }
    }
  }
`);
