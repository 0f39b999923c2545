import { graphql } from '../../gql/index.js';

/** What the page shows of a result, the console's and a saved query's alike. */
export const CYPHER_RESULT_FIELDS = graphql(`
  fragment CypherResultFields on CypherResult {
    columns
    rows
    truncated
    elapsedMs
    graph {
      nodes {
        id
        kind
        label
      }
      edges {
        id
        source
        target
        type
      }
    }
  }
`);

export const CYPHER_QUERY = graphql(`
  query AnalysisCypher($query: String!, $params: JSON, $limit: Int) {
    cypher(query: $query, params: $params, limit: $limit) {
      ...CypherResultFields
    }
  }
`);

export const SAVED_QUERIES_QUERY = graphql(`
  query AnalysisSavedQueries {
    savedQueries {
      id
      title
      description
      audience
      parameters {
        name
        label
        type
        required
        default
        kinds
        levels
        values
        min
        max
      }
    }
  }
`);

export const RUN_SAVED_QUERY = graphql(`
  query AnalysisRunSavedQuery($id: ID!, $params: JSON) {
    runSavedQuery(id: $id, params: $params) {
      ...CypherResultFields
    }
  }
`);

export const NETWORK_METRICS_QUERY = graphql(`
  query AnalysisNetworkMetrics {
    networkMetrics {
      modularity
      betweennessMethod
      betweennessSamples
      truncated
      maxPairs
      nodes {
        node {
          id
          label
        }
        degree
        weightedDegree
        betweenness
        pageRank
        community
      }
      communities {
        id
        size
        central {
          id
          label
        }
      }
    }
  }
`);

export const CYPHER_SCHEMA_QUERY = graphql(`
  query AnalysisCypherSchema {
    cypherSchema {
      labels {
        name
        properties
      }
      relationshipTypes {
        name
        properties
      }
    }
  }
`);

export const MY_QUERIES_QUERY = graphql(`
  query AnalysisMyQueries {
    myQueries {
      id
      title
      description
      cypher
      params
      updatedAt
    }
  }
`);

export const SAVE_ANALYST_QUERY = graphql(`
  mutation AnalysisSaveQuery($input: AnalystQueryInput!, $change: ChangeInput!) {
    saveAnalystQuery(input: $input, change: $change) {
      query {
        id
      }
      change {
        id
        source {
          id
        }
      }
    }
  }
`);

export const DELETE_ANALYST_QUERY = graphql(`
  mutation AnalysisDeleteQuery($id: ID!, $change: ChangeInput!) {
    deleteAnalystQuery(id: $id, change: $change) {
      change {
        id
        source {
          id
        }
      }
    }
  }
`);
