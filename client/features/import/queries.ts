import { graphql } from '../../gql';

export const IMPORT_REPORT_FIELDS = graphql(`
  fragment ImportReportFields on ImportReport {
    status
    sourceId
    merged
    files {
      name
      format
      kind
      rows
      columns
    }
    problems {
      text
    }
    nodes {
      kind
      new
      changed
      unchanged
      vanished
    }
    links {
      kind
      new
      changed
      unchanged
      vanished
    }
    candidates {
      plannedId
      plannedName
      origin
      existingId
      existingName
      reason
      accepted
    }
    change {
      id
      seq
    }
    mappings {
      name
      entity
      type
      columns {
        field
        column
      }
    }
    mappingFields
  }
`);

export const PREVIEW_IMPORT = graphql(`
  mutation PreviewImport(
    $files: [File!]!
    $mapping: ImportMappingInput
    $acceptedMatches: [ImportMatchInput!]
    $progressKey: ID
  ) {
    previewImport(
      files: $files
      mapping: $mapping
      acceptedMatches: $acceptedMatches
      progressKey: $progressKey
    ) {
      ...ImportReportFields
    }
  }
`);

export const CONFIRM_IMPORT = graphql(`
  mutation ConfirmImport(
    $files: [File!]!
    $mapping: ImportMappingInput
    $acceptedMatches: [ImportMatchInput!]!
    $sourceTitle: String
    $progressKey: ID
  ) {
    confirmImport(
      files: $files
      mapping: $mapping
      acceptedMatches: $acceptedMatches
      sourceTitle: $sourceTitle
      progressKey: $progressKey
    ) {
      ...ImportReportFields
    }
  }
`);

export const IMPORT_PROGRESS = graphql(`
  query ImportProgress($key: ID!) {
    importProgress(key: $key) {
      phase
      read
      validated
      written
      total
    }
  }
`);
