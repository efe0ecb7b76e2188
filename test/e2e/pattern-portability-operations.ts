/** Operations of the version, export and import tests; `npm run codegen` types them. */
import { graphql } from '../gql/index.js';

export const PatternDiffQuery = graphql(`
  query PatternDiff($id: ID!, $from: Int!, $to: Int!) {
    pattern(id: $id) {
      id
      diff(from: $from, to: $to) {
        from
        to
        fields { field before after }
        stepsAdded
        stepsRemoved
        stepsChanged { id changes { field before after } }
        stepsReordered
        identical
      }
    }
  }
`);

export const RestorePatternVersion = graphql(`
  mutation RestorePatternVersion($id: ID!, $version: Int!, $expectedVersion: Int) {
    restorePatternVersion(id: $id, version: $version, expectedVersion: $expectedVersion) {
      ...PatternFields
    }
  }
`);

export const ExportPatterns = graphql(`
  query ExportPatterns($ids: [ID!], $filter: PatternFilter, $includeVersions: Boolean) {
    exportPatterns(ids: $ids, filter: $filter, includeVersions: $includeVersions)
  }
`);

export const ImportPatterns = graphql(`
  mutation ImportPatterns($document: JSON!, $mode: ImportMode, $dryRun: Boolean) {
    importPatterns(document: $document, mode: $mode, dryRun: $dryRun) {
      mode
      dryRun
      created
      updated
      unchanged
      skipped
      refused
      items { index id outcome version code reason }
    }
  }
`);
