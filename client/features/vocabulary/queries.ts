import { graphql } from '../../gql';

export const VOCABULARY_QUERY = graphql(`
  query Vocabulary {
    themes {
      id
      name
      parent {
        id
      }
    }
    publics {
      id
      name
    }
  }
`);

export const STATS_QUERY = graphql(`
  query Stats {
    stats {
      totalNodes
      totalRelationships
      nodes {
        kind
        count
      }
      relationships {
        type
        count
      }
    }
  }
`);
