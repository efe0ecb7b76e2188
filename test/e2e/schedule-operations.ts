/** The schedule operations the e2e tests send; `npm run codegen` types them into test/gql. */
import { graphql } from '../gql/index.js';

export const ScheduleFields = graphql(`
  fragment ScheduleFields on Schedule {
    id
    patternId
    cron
    everyMs
    timezone
    input
    owner
    createdAt
    nextFireAt
    lastFiredAt
    lastTick
    lastSkipReason
    fireCount
    skipCount
    lastExecution {
      id
      idempotencyKey
    }
    lastExecutions {
      id
      idempotencyKey
      status
    }
  }
`);

export const SchedulePattern = graphql(`
  mutation SchedulePattern($input: SchedulePatternInput!) {
    schedulePattern(input: $input) {
      ...ScheduleFields
    }
  }
`);

export const UnschedulePattern = graphql(`
  mutation UnschedulePattern($id: ID!) {
    unschedulePattern(id: $id)
  }
`);

export const GetSchedule = graphql(`
  query GetSchedule($id: ID!) {
    schedule(id: $id) {
      ...ScheduleFields
    }
  }
`);

export const ListSchedules = graphql(`
  query ListSchedules($first: Int, $after: String, $patternId: ID) {
    schedules(first: $first, after: $after, patternId: $patternId) {
      totalCount
      edges {
        cursor
        node {
          id
          patternId
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const ScheduledExecutions = graphql(`
  query ScheduledExecutions($patternId: ID, $first: Int, $after: String) {
    executions(patternId: $patternId, first: $first, after: $after) {
      totalCount
      edges {
        node {
          id
          idempotencyKey
          status
          createdBy
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
