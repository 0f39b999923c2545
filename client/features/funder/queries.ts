import { graphql } from '../../gql/index.js';

/** « Si ce financeur se retirait »: where, theme by theme, nothing else would reach. */
export const DEPENDENCIES_QUERY = graphql(`
  query Dependencies($organisation: ID!, $level: TerritoryLevel!, $within: ID!) {
    dependencies(organisation: $organisation, level: $level, within: $within) {
      population
      territory {
        id
        name
        code
      }
      departement {
        id
      }
      theme {
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

/** Funders by name, for the funder filters of « Couverture » and « Partenariats ». */
export const FUNDER_NAMES_QUERY = graphql(`
  query FunderNames {
    funders {
      id
      name
    }
  }
`);
