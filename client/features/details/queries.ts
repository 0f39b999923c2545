import { graphql } from '../../gql/index.js';

export const RELATION_FIELDS = graphql(`
  fragment RelationFields on Relation {
    type
    direction
    role
    amount
    period
    evidence
    node {
      id
      kind
      name
    }
    sources {
      id
      title
      date
    }
  }
`);

/**
 * What the panel shows of a node: a first page of its relations and how many
 * it has of each type (a national hub has thousands), its citations apart.
 */
export const NODE_DETAILS_FIELDS = graphql(`
  fragment NodeDetailsFields on Node {
    id
    kind
    name
    sources {
      id
      title
      date
    }
    relations(types: $types, first: $first) {
      ...RelationFields
    }
    relationCounts {
      type
      direction
      count
    }
  }
`);

export const NODE_DETAILS_QUERY = graphql(`
  query NodeDetails($id: ID!, $types: [String!], $first: Int) {
    node(id: $id) {
      ...NodeDetailsFields
    }
  }
`);

/** How many relations the panel asks at first. */
export const DETAILS_PAGE_SIZE = 100;

/** The panel's page variables: every relationship type of `types` but citations (listed under « Cité dans »). */
export const detailsPage = (types: readonly string[]) => ({
  types: types.filter((type) => type !== 'MENTIONED_IN'),
  first: DETAILS_PAGE_SIZE,
});
