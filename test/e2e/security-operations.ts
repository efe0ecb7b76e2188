/** Operations of the security tests; `npm run codegen` types them. */
import { graphql } from '../gql/index.js';

export const AuditLogQuery = graphql(`
  query AuditLog($first: Int, $after: String, $actor: String, $action: String) {
    auditLog(first: $first, after: $after, actor: $actor, action: $action) {
      totalCount
      edges { cursor node { id at actor roles action targets outcome } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const PatternIds = graphql(`
  query PatternIds($filter: PatternFilter) {
    patterns(filter: $filter, first: 100) { totalCount edges { node { id } } }
  }
`);

export const PatternWithExecutions = graphql(`
  query PatternWithExecutions($id: ID!) {
    pattern(id: $id) { id versions { version } executions(first: 100) { totalCount edges { node { id } } } }
  }
`);

export const ExecutionVisibility = graphql(`
  query ExecutionVisibility($id: ID!) {
    execution(id: $id) { id createdBy }
    progress(id: $id) { status }
    executions(first: 100) { totalCount edges { node { id } } }
  }
`);
