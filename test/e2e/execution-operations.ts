/** Executor operations the e2e tests send; `npm run codegen` types them. */
import { graphql } from '../gql/index.js';

export const ExecutionFields = graphql(`
  fragment ExecutionFields on Execution {
    id
    status
    patternVersion
    input
    output
    error
    durationMs
    idempotencyKey
    steps { stepId status attempts output error durationMs }
    progress { status percent currentStage stages { name status error } }
  }
`);

export const ExecutePattern = graphql(`
  mutation ExecutePattern($id: ID!, $input: JSON, $mode: ExecutionMode!, $idempotencyKey: String) {
    executePattern(id: $id, input: $input, mode: $mode, idempotencyKey: $idempotencyKey) {
      ...ExecutionFields
    }
  }
`);

export const CancelExecution = graphql(`
  mutation CancelExecution($id: ID!) {
    cancelExecution(id: $id) { ...ExecutionFields }
  }
`);

export const GetExecution = graphql(`
  query GetExecution($id: ID!) {
    execution(id: $id) { ...ExecutionFields pattern { id version } }
    progress(id: $id) { status percent }
  }
`);

export const ListExecutions = graphql(`
  query ListExecutions($patternId: ID, $status: ExecutionStatus, $first: Int, $after: String) {
    executions(patternId: $patternId, status: $status, first: $first, after: $after) {
      totalCount
      edges { cursor node { id status } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const PlanPattern = graphql(`
  query PlanPattern($id: ID!, $input: JSON) {
    planPattern(id: $id, input: $input) { levels criticalPath }
  }
`);

export const PatternStats = graphql(`
  query PatternStats($id: ID!) {
    pattern(id: $id) { usageCount successRate avgDurationMs executions(first: 100) { totalCount } }
  }
`);
