import { graphql } from '../../gql/index.js';

/** The k shortest paths between two nodes, crossing only the kinds asked (the server's default hubs rule otherwise). */
export const SHORTEST_PATHS_QUERY = graphql(`
  query ShortestPaths($from: ID!, $to: ID!, $kinds: [NodeKind!], $maxLength: Int, $k: Int) {
    shortestPaths(from: $from, to: $to, kinds: $kinds, maxLength: $maxLength, k: $k) {
      ...SliceFields
    }
  }
`);
