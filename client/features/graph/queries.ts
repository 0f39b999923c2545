import { graphql } from '../../gql';

/** A graph slice as every canvas query asks for it. */
export const SLICE_FIELDS = graphql(`
  fragment SliceFields on GraphSlice {
    truncated
    nodes {
      id
      kind
      label
      data
    }
    edges {
      id
      source
      target
      type
      sources
      data
    }
  }
`);

export const NEIGHBOURHOOD_QUERY = graphql(`
  query Neighbourhood($ids: [ID!]!, $depth: Int, $relations: [String!], $limit: Int) {
    neighbourhood(ids: $ids, depth: $depth, relations: $relations, limit: $limit) {
      ...SliceFields
    }
  }
`);

export const SHORTEST_PATH_QUERY = graphql(`
  query ShortestPath($from: ID!, $to: ID!, $maxLength: Int) {
    shortestPath(from: $from, to: $to, maxLength: $maxLength) {
      ...SliceFields
    }
  }
`);

export const PARTNERSHIP_NETWORK_QUERY = graphql(`
  query PartnershipNetwork($territory: ID, $theme: ID, $public: ID, $activeOn: Date) {
    partnershipNetwork(territory: $territory, theme: $theme, public: $public, activeOn: $activeOn) {
      ...SliceFields
    }
  }
`);
