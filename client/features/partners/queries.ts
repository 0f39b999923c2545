import { graphql } from '../../gql/index.js';

/** The network around what a funder funds (the filter form: the flat arguments hold no funder). */
export const FUNDED_PARTNERSHIP_NETWORK_QUERY = graphql(`
  query FundedPartnershipNetwork($filter: DispositifFilter!) {
    partnershipNetwork(filter: $filter) {
      ...SliceFields
    }
  }
`);
