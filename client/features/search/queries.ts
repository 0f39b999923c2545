// `.js`: tests/integration imports these documents under Node's own module resolution.
import { graphql } from '../../gql/index.js';

export const SEARCH_HIT_FIELDS = graphql(`
  fragment SearchHitFields on SearchHit {
    score
    node {
      id
      kind
      name
    }
  }
`);

export const SEARCH_QUERY = graphql(`
  query Search($text: String!, $kinds: [NodeKind!], $first: Int) {
    search(text: $text, kinds: $kinds, first: $first) {
      ...SearchHitFields
    }
  }
`);
