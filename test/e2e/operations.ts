/** The operations the e2e tests send; `npm run codegen` types them into test/gql. */
import { graphql } from '../gql/index.js';

export const PatternFields = graphql(`
  fragment PatternFields on Pattern {
    id
    name
    description
    version
    origin
    category
    steps {
      id
      type
      action
      parameters
      dependsOn
      retries
      timeoutMs
    }
    metadata
    transactional
    isActive
    createdBy
    createdAt
    updatedAt
    usageCount
    successRate
    avgDurationMs
  }
`);

export const CreatePattern = graphql(`
  mutation CreatePattern($input: CreatePatternInput!) {
    createPattern(input: $input) {
      ...PatternFields
    }
  }
`);

export const UpdatePattern = graphql(`
  mutation UpdatePattern($id: ID!, $input: UpdatePatternInput!, $expectedVersion: Int) {
    updatePattern(id: $id, input: $input, expectedVersion: $expectedVersion) {
      ...PatternFields
    }
  }
`);

export const DeletePattern = graphql(`
  mutation DeletePattern($id: ID!) {
    deletePattern(id: $id)
  }
`);

export const GetPattern = graphql(`
  query GetPattern($id: ID!, $version: Int) {
    pattern(id: $id, version: $version) {
      ...PatternFields
      versions {
        version
        name
      }
    }
  }
`);

export const ListPatterns = graphql(`
  query ListPatterns($filter: PatternFilter, $first: Int, $after: String) {
    patterns(filter: $filter, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          version
          updatedAt
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
    }
  }
`);
