// `.js`: tests/integration imports these documents under Node's own module resolution.
import { graphql } from '../../gql/index.js';

/** A node as every canvas query asks for it. */
export const SLICE_NODE_FIELDS = graphql(`
  fragment SliceNodeFields on GraphNode {
    id
    kind
    label
    data
  }
`);

/** An edge as every canvas query asks for it; its sources' titles are fetched when it is selected. */
export const SLICE_EDGE_FIELDS = graphql(`
  fragment SliceEdgeFields on GraphEdge {
    id
    source
    target
    type
    sources
    data
  }
`);

/** A graph slice as every canvas query asks for it. */
export const SLICE_FIELDS = graphql(`
  fragment SliceFields on GraphSlice {
    truncated
    nodes {
      ...SliceNodeFields
    }
    edges {
      ...SliceEdgeFields
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

export const NODES_QUERY = graphql(`
  query Nodes($ids: [ID!]!) {
    nodes(ids: $ids) {
      ...SliceNodeFields
    }
  }
`);

export const EDGES_AMONG_QUERY = graphql(`
  query EdgesAmong($ids: [ID!]!) {
    edgesAmong(ids: $ids) {
      ...SliceEdgeFields
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

/** A territory's own containment, for telling a cut that only fell on folded children from one that hid more. */
export const TERRITORY_CONTAINMENT_QUERY = graphql(`
  query TerritoryContainment($id: ID!) {
    node(id: $id) {
      ... on Territory {
        parents {
          id
        }
        children {
          id
          level
        }
      }
    }
  }
`);

/** The territories of one level inside a territory (what a fold stands for): ids only, their nodes come by `nodes`. */
export const TERRITORY_CHILDREN_QUERY = graphql(`
  query TerritoryChildren($id: ID!, $level: TerritoryLevel) {
    node(id: $id) {
      ... on Territory {
        children(level: $level) {
          id
        }
      }
    }
  }
`);
