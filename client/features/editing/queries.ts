import { graphql } from '../../gql';

export const EDITABLE_NODE_QUERY = graphql(`
  query EditableNode($id: ID!) {
    node(id: $id) {
      __typename
      id
      kind
      name
      ... on Organisation {
        version
        acronym
        aliases
        type
        description
        website
      }
      ... on Dispositif {
        version
        aliases
        dispositifType: type
        status
        startDate
        endDate
        description
      }
      ... on Person {
        version
        role
      }
    }
  }
`);

export const UPDATE_ORGANISATION = graphql(`
  mutation UpdateOrganisation($id: ID!, $version: Int!, $patch: OrganisationPatch!, $change: ChangeInput!) {
    updateOrganisation(id: $id, version: $version, patch: $patch, change: $change) {
      change {
        id
      }
    }
  }
`);

export const UPDATE_DISPOSITIF = graphql(`
  mutation UpdateDispositif($id: ID!, $version: Int!, $patch: DispositifPatch!, $change: ChangeInput!) {
    updateDispositif(id: $id, version: $version, patch: $patch, change: $change) {
      change {
        id
      }
    }
  }
`);

export const UPDATE_PERSON = graphql(`
  mutation UpdatePerson($id: ID!, $version: Int!, $patch: PersonPatch!, $change: ChangeInput!) {
    updatePerson(id: $id, version: $version, patch: $patch, change: $change) {
      change {
        id
      }
    }
  }
`);

export const CREATE_ORGANISATION = graphql(`
  mutation CreateOrganisation($input: OrganisationInput!, $change: ChangeInput!) {
    createOrganisation(input: $input, change: $change) {
      node {
        id
      }
    }
  }
`);

export const CREATE_DISPOSITIF = graphql(`
  mutation CreateDispositif($input: DispositifInput!, $change: ChangeInput!) {
    createDispositif(input: $input, change: $change) {
      node {
        id
      }
    }
  }
`);

export const ADD_RELATIONSHIP = graphql(`
  mutation AddRelationship($input: RelationshipInput!, $change: ChangeInput!) {
    addRelationship(input: $input, change: $change) {
      change {
        id
      }
    }
  }
`);

export const DELETE_NODE = graphql(`
  mutation DeleteNode($id: ID!, $version: Int!, $change: ChangeInput!) {
    deleteNode(id: $id, version: $version, change: $change) {
      change {
        id
      }
    }
  }
`);

export const CHANGE_FIELDS = graphql(`
  fragment ChangeFields on Change {
    id
    seq
    at
    authorEmail
    operation
    kind
    nodeIds
    fields
    reason
    revertOf
    revertedBy
    source {
      id
      title
    }
  }
`);

export const HISTORY_QUERY = graphql(`
  query NodeHistory($id: ID!) {
    history(id: $id) {
      ...ChangeFields
    }
  }
`);

export const CHANGES_QUERY = graphql(`
  query Journal($since: String, $author: String, $kind: ChangeKind, $first: Int, $after: String) {
    changes(since: $since, author: $author, kind: $kind, first: $first, after: $after) {
      changes {
        ...ChangeFields
      }
      endCursor
    }
  }
`);

export const REVERT_CHANGE = graphql(`
  mutation RevertChange($id: ID!, $reason: String) {
    revertChange(id: $id, reason: $reason) {
      change {
        id
      }
    }
  }
`);

export const NODE_NAME_QUERY = graphql(`
  query NodeName($id: ID!) {
    node(id: $id) {
      id
      kind
      name
    }
  }
`);

/** What « Fusionner avec… » shows before it asks: the links of the node that goes, and its names. */
export const MERGE_PREVIEW_QUERY = graphql(`
  query MergePreview($id: ID!) {
    node(id: $id) {
      id
      name
      ... on Organisation {
        aliases
      }
      ... on Dispositif {
        aliases
      }
    }
    neighbourhood(ids: [$id], depth: 1, limit: 300) {
      nodes {
        id
        label
      }
      edges {
        id
        source
        target
        type
      }
      truncated
    }
  }
`);

export const MERGE_NODES = graphql(`
  mutation MergeNodes($keep: ID!, $merge: ID!, $change: ChangeInput!) {
    mergeNodes(keep: $keep, merge: $merge, change: $change) {
      change {
        id
      }
    }
  }
`);
