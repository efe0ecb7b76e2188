/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ReadEvents($since: ID, $first: Int, $last: Int, $types: [NexusEventType!], $executionId: ID) {\n    events(since: $since, first: $first, last: $last, types: $types, executionId: $executionId) {\n      cursor\n      hasMore\n      events { ...LoggedEvent }\n    }\n  }\n": typeof types.ReadEventsDocument,
    "\n  fragment LoggedEvent on NexusEvent {\n    id\n    type\n    executionId\n    relationship { from { id } }\n    progressChange {\n      executionId status percent currentStage at sequence\n      stage { name status progress startedAt completedAt error }\n    }\n    progress {\n      id status percent currentStage error updatedAt completedAt\n      stages { name status progress startedAt completedAt error }\n    }\n    payload\n  }\n": typeof types.LoggedEventFragmentDoc,
    "\n  fragment ExecutionFields on Execution {\n    id\n    status\n    patternVersion\n    input\n    output\n    error\n    durationMs\n    idempotencyKey\n    steps { stepId status attempts output error durationMs }\n    progress { status percent currentStage stages { name status error } }\n  }\n": typeof types.ExecutionFieldsFragmentDoc,
    "\n  mutation ExecutePattern($id: ID!, $input: JSON, $mode: ExecutionMode!, $idempotencyKey: String) {\n    executePattern(id: $id, input: $input, mode: $mode, idempotencyKey: $idempotencyKey) {\n      ...ExecutionFields\n    }\n  }\n": typeof types.ExecutePatternDocument,
    "\n  mutation CancelExecution($id: ID!) {\n    cancelExecution(id: $id) { ...ExecutionFields }\n  }\n": typeof types.CancelExecutionDocument,
    "\n  query GetExecution($id: ID!) {\n    execution(id: $id) { ...ExecutionFields pattern { id version } }\n    progress(id: $id) { status percent }\n  }\n": typeof types.GetExecutionDocument,
    "\n  query ListExecutions($patternId: ID, $status: ExecutionStatus, $first: Int, $after: String) {\n    executions(patternId: $patternId, status: $status, first: $first, after: $after) {\n      totalCount\n      edges { cursor node { id status } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.ListExecutionsDocument,
    "\n  query PlanPattern($id: ID!, $input: JSON) {\n    planPattern(id: $id, input: $input) { levels criticalPath }\n  }\n": typeof types.PlanPatternDocument,
    "\n  query PatternStats($id: ID!) {\n    pattern(id: $id) { usageCount successRate avgDurationMs executions(first: 100) { totalCount } }\n  }\n": typeof types.PatternStatsDocument,
    "\n  mutation CreateRelationship($input: CreateRelationshipInput!) {\n    createRelationship(input: $input) {\n      id\n      type\n      inverseType\n      from { id }\n      to { id }\n      metadata\n      createdAt\n      createdBy\n    }\n  }\n": typeof types.CreateRelationshipDocument,
    "\n  mutation DeleteRelationship($id: ID!) {\n    deleteRelationship(id: $id)\n  }\n": typeof types.DeleteRelationshipDocument,
    "\n  query GetRelationship($id: ID!) {\n    relationship(id: $id) { id type from { id } to { id } metadata }\n  }\n": typeof types.GetRelationshipDocument,
    "\n  query GetEntity($id: ID!, $direction: Direction!, $types: [RelationshipType!], $first: Int, $after: String) {\n    entity(id: $id) {\n      id\n      degree\n      outDegree: degree(direction: OUT)\n      inDegree: degree(direction: IN)\n      relationships(direction: $direction, types: $types, first: $first, after: $after) {\n        totalCount\n        edges { cursor node { id type from { id } to { id } } }\n        pageInfo { hasNextPage hasPreviousPage endCursor }\n      }\n      neighbors(direction: $direction, types: $types) { id }\n    }\n  }\n": typeof types.GetEntityDocument,
    "\n  query FindPath($from: ID!, $to: ID!, $maxDepth: Int!, $direction: Direction!, $types: [RelationshipType!]) {\n    findPath(from: $from, to: $to, maxDepth: $maxDepth, direction: $direction, types: $types) {\n      length\n      entities { id }\n      relationships { id type from { id } to { id } }\n    }\n  }\n": typeof types.FindPathDocument,
    "\n  query Traverse($from: ID!, $maxDepth: Int!, $direction: Direction!, $types: [RelationshipType!], $limit: Int) {\n    traverse(from: $from, maxDepth: $maxDepth, direction: $direction, types: $types, limit: $limit) {\n      entities { entity { id } depth }\n      relationships { id type }\n    }\n  }\n": typeof types.TraverseDocument,
    "\n  query DetectCycles($types: [RelationshipType!], $from: ID, $limit: Int, $maxLength: Int) {\n    detectCycles(types: $types, from: $from, limit: $limit, maxLength: $maxLength) {\n      entities { id }\n      relationships { id type }\n    }\n  }\n": typeof types.DetectCyclesDocument,
    "\n  query GraphStatsQuery {\n    graphStats { entityCount relationshipCount byType { type count } }\n  }\n": typeof types.GraphStatsQueryDocument,
    "\n  query NestedNeighbors($id: ID!) {\n    entity(id: $id) { neighbors { id neighbors { id neighbors { id degree } } } }\n  }\n": typeof types.NestedNeighborsDocument,
    "\n  fragment PatternFields on Pattern {\n    id\n    name\n    description\n    version\n    origin\n    category\n    steps {\n      id\n      type\n      action\n      parameters\n      dependsOn\n      retries\n      timeoutMs\n    }\n    metadata\n    transactional\n    isActive\n    createdBy\n    createdAt\n    updatedAt\n    usageCount\n    successRate\n    avgDurationMs\n  }\n": typeof types.PatternFieldsFragmentDoc,
    "\n  mutation CreatePattern($input: CreatePatternInput!) {\n    createPattern(input: $input) {\n      ...PatternFields\n    }\n  }\n": typeof types.CreatePatternDocument,
    "\n  mutation UpdatePattern($id: ID!, $input: UpdatePatternInput!, $expectedVersion: Int) {\n    updatePattern(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      ...PatternFields\n    }\n  }\n": typeof types.UpdatePatternDocument,
    "\n  mutation DeletePattern($id: ID!) {\n    deletePattern(id: $id)\n  }\n": typeof types.DeletePatternDocument,
    "\n  query GetPattern($id: ID!, $version: Int) {\n    pattern(id: $id, version: $version) {\n      ...PatternFields\n      versions {\n        version\n        name\n      }\n    }\n  }\n": typeof types.GetPatternDocument,
    "\n  query ListPatterns($filter: PatternFilter, $first: Int, $after: String) {\n    patterns(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          version\n          updatedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n": typeof types.ListPatternsDocument,
    "\n  query PatternDiff($id: ID!, $from: Int!, $to: Int!) {\n    pattern(id: $id) {\n      id\n      diff(from: $from, to: $to) {\n        from\n        to\n        fields { field before after }\n        stepsAdded\n        stepsRemoved\n        stepsChanged { id changes { field before after } }\n        stepsReordered\n        identical\n      }\n    }\n  }\n": typeof types.PatternDiffDocument,
    "\n  mutation RestorePatternVersion($id: ID!, $version: Int!, $expectedVersion: Int) {\n    restorePatternVersion(id: $id, version: $version, expectedVersion: $expectedVersion) {\n      ...PatternFields\n    }\n  }\n": typeof types.RestorePatternVersionDocument,
    "\n  query ExportPatterns($ids: [ID!], $filter: PatternFilter, $includeVersions: Boolean) {\n    exportPatterns(ids: $ids, filter: $filter, includeVersions: $includeVersions)\n  }\n": typeof types.ExportPatternsDocument,
    "\n  mutation ImportPatterns($document: JSON!, $mode: ImportMode, $dryRun: Boolean) {\n    importPatterns(document: $document, mode: $mode, dryRun: $dryRun) {\n      mode\n      dryRun\n      created\n      updated\n      unchanged\n      skipped\n      refused\n      items { index id outcome version code reason }\n    }\n  }\n": typeof types.ImportPatternsDocument,
    "\n  fragment PlannedTextFields on PlannedText { template value resolved reason }\n": typeof types.PlannedTextFieldsFragmentDoc,
    "\n  query PlanEffects($id: ID!, $input: JSON) {\n    planPattern(id: $id, input: $input) {\n      levels\n      criticalPath\n      effects {\n        stepId\n        reads { action key { ...PlannedTextFields } }\n        writes { action key { ...PlannedTextFields } }\n        createsRelationships {\n          from { ...PlannedTextFields }\n          to { ...PlannedTextFields }\n          type { ...PlannedTextFields }\n        }\n        deletesRelationships { ...PlannedTextFields }\n        publishes { eventType { ...PlannedTextFields } payload payloadResolved }\n        runsPattern { patternId { ...PlannedTextFields } input inputResolved }\n        readsGraph\n        unknown { parameter reason }\n      }\n      conflicts { kind steps target key edge { from to type } inputIndependent }\n      conflictCount\n      conflictsComplete\n      unresolved { stepId what template reason }\n    }\n  }\n": typeof types.PlanEffectsDocument,
    "\n  mutation CreateWithWarnings($input: CreatePatternInput!) {\n    createPattern(input: $input) {\n      id\n      version\n      warnings { code message steps key edge { from to type } }\n    }\n  }\n": typeof types.CreateWithWarningsDocument,
    "\n  query PatternWarnings($id: ID!) {\n    pattern(id: $id) { version warnings { code steps key edge { from to type } } }\n  }\n": typeof types.PatternWarningsDocument,
    "\n  fragment ScheduleFields on Schedule {\n    id\n    patternId\n    cron\n    everyMs\n    timezone\n    input\n    owner\n    createdAt\n    nextFireAt\n    lastFiredAt\n    lastTick\n    lastSkipReason\n    fireCount\n    skipCount\n    lastExecution {\n      id\n      idempotencyKey\n    }\n    lastExecutions {\n      id\n      idempotencyKey\n      status\n    }\n  }\n": typeof types.ScheduleFieldsFragmentDoc,
    "\n  mutation SchedulePattern($input: SchedulePatternInput!) {\n    schedulePattern(input: $input) {\n      ...ScheduleFields\n    }\n  }\n": typeof types.SchedulePatternDocument,
    "\n  mutation UnschedulePattern($id: ID!) {\n    unschedulePattern(id: $id)\n  }\n": typeof types.UnschedulePatternDocument,
    "\n  query GetSchedule($id: ID!) {\n    schedule(id: $id) {\n      ...ScheduleFields\n    }\n  }\n": typeof types.GetScheduleDocument,
    "\n  query ListSchedules($first: Int, $after: String, $patternId: ID) {\n    schedules(first: $first, after: $after, patternId: $patternId) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          patternId\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ListSchedulesDocument,
    "\n  query ScheduledExecutions($patternId: ID, $first: Int, $after: String) {\n    executions(patternId: $patternId, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          idempotencyKey\n          status\n          createdBy\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ScheduledExecutionsDocument,
    "\n  mutation DeactivatePattern($id: ID!) {\n    updatePattern(id: $id, input: { isActive: false }) {\n      id\n      isActive\n    }\n  }\n": typeof types.DeactivatePatternDocument,
    "\n  mutation DeleteScheduledPattern($id: ID!) {\n    deletePattern(id: $id)\n  }\n": typeof types.DeleteScheduledPatternDocument,
    "\n  query ScheduleEvents($patternId: ID) {\n    events(last: 50, types: [SCHEDULE_FIRED], patternId: $patternId) {\n      events {\n        type\n        patternId\n        executionId\n        payload\n      }\n    }\n  }\n": typeof types.ScheduleEventsDocument,
    "\n  query AuditLog($first: Int, $after: String, $actor: String, $action: String) {\n    auditLog(first: $first, after: $after, actor: $actor, action: $action) {\n      totalCount\n      edges { cursor node { id at actor roles action targets outcome } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  query PatternIds($filter: PatternFilter) {\n    patterns(filter: $filter, first: 100) { totalCount edges { node { id } } }\n  }\n": typeof types.PatternIdsDocument,
    "\n  query PatternWithExecutions($id: ID!) {\n    pattern(id: $id) { id versions { version } executions(first: 100) { totalCount edges { node { id } } } }\n  }\n": typeof types.PatternWithExecutionsDocument,
    "\n  query ExecutionVisibility($id: ID!) {\n    execution(id: $id) { id createdBy }\n    progress(id: $id) { status }\n    executions(first: 100) { totalCount edges { node { id } } }\n  }\n": typeof types.ExecutionVisibilityDocument,
    "\n  query StepTypes {\n    stepTypes {\n      type\n      description\n      actions { action description parametersSchema outputSchema example }\n    }\n  }\n": typeof types.StepTypesDocument,
};
const documents: Documents = {
    "\n  query ReadEvents($since: ID, $first: Int, $last: Int, $types: [NexusEventType!], $executionId: ID) {\n    events(since: $since, first: $first, last: $last, types: $types, executionId: $executionId) {\n      cursor\n      hasMore\n      events { ...LoggedEvent }\n    }\n  }\n": types.ReadEventsDocument,
    "\n  fragment LoggedEvent on NexusEvent {\n    id\n    type\n    executionId\n    relationship { from { id } }\n    progressChange {\n      executionId status percent currentStage at sequence\n      stage { name status progress startedAt completedAt error }\n    }\n    progress {\n      id status percent currentStage error updatedAt completedAt\n      stages { name status progress startedAt completedAt error }\n    }\n    payload\n  }\n": types.LoggedEventFragmentDoc,
    "\n  fragment ExecutionFields on Execution {\n    id\n    status\n    patternVersion\n    input\n    output\n    error\n    durationMs\n    idempotencyKey\n    steps { stepId status attempts output error durationMs }\n    progress { status percent currentStage stages { name status error } }\n  }\n": types.ExecutionFieldsFragmentDoc,
    "\n  mutation ExecutePattern($id: ID!, $input: JSON, $mode: ExecutionMode!, $idempotencyKey: String) {\n    executePattern(id: $id, input: $input, mode: $mode, idempotencyKey: $idempotencyKey) {\n      ...ExecutionFields\n    }\n  }\n": types.ExecutePatternDocument,
    "\n  mutation CancelExecution($id: ID!) {\n    cancelExecution(id: $id) { ...ExecutionFields }\n  }\n": types.CancelExecutionDocument,
    "\n  query GetExecution($id: ID!) {\n    execution(id: $id) { ...ExecutionFields pattern { id version } }\n    progress(id: $id) { status percent }\n  }\n": types.GetExecutionDocument,
    "\n  query ListExecutions($patternId: ID, $status: ExecutionStatus, $first: Int, $after: String) {\n    executions(patternId: $patternId, status: $status, first: $first, after: $after) {\n      totalCount\n      edges { cursor node { id status } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.ListExecutionsDocument,
    "\n  query PlanPattern($id: ID!, $input: JSON) {\n    planPattern(id: $id, input: $input) { levels criticalPath }\n  }\n": types.PlanPatternDocument,
    "\n  query PatternStats($id: ID!) {\n    pattern(id: $id) { usageCount successRate avgDurationMs executions(first: 100) { totalCount } }\n  }\n": types.PatternStatsDocument,
    "\n  mutation CreateRelationship($input: CreateRelationshipInput!) {\n    createRelationship(input: $input) {\n      id\n      type\n      inverseType\n      from { id }\n      to { id }\n      metadata\n      createdAt\n      createdBy\n    }\n  }\n": types.CreateRelationshipDocument,
    "\n  mutation DeleteRelationship($id: ID!) {\n    deleteRelationship(id: $id)\n  }\n": types.DeleteRelationshipDocument,
    "\n  query GetRelationship($id: ID!) {\n    relationship(id: $id) { id type from { id } to { id } metadata }\n  }\n": types.GetRelationshipDocument,
    "\n  query GetEntity($id: ID!, $direction: Direction!, $types: [RelationshipType!], $first: Int, $after: String) {\n    entity(id: $id) {\n      id\n      degree\n      outDegree: degree(direction: OUT)\n      inDegree: degree(direction: IN)\n      relationships(direction: $direction, types: $types, first: $first, after: $after) {\n        totalCount\n        edges { cursor node { id type from { id } to { id } } }\n        pageInfo { hasNextPage hasPreviousPage endCursor }\n      }\n      neighbors(direction: $direction, types: $types) { id }\n    }\n  }\n": types.GetEntityDocument,
    "\n  query FindPath($from: ID!, $to: ID!, $maxDepth: Int!, $direction: Direction!, $types: [RelationshipType!]) {\n    findPath(from: $from, to: $to, maxDepth: $maxDepth, direction: $direction, types: $types) {\n      length\n      entities { id }\n      relationships { id type from { id } to { id } }\n    }\n  }\n": types.FindPathDocument,
    "\n  query Traverse($from: ID!, $maxDepth: Int!, $direction: Direction!, $types: [RelationshipType!], $limit: Int) {\n    traverse(from: $from, maxDepth: $maxDepth, direction: $direction, types: $types, limit: $limit) {\n      entities { entity { id } depth }\n      relationships { id type }\n    }\n  }\n": types.TraverseDocument,
    "\n  query DetectCycles($types: [RelationshipType!], $from: ID, $limit: Int, $maxLength: Int) {\n    detectCycles(types: $types, from: $from, limit: $limit, maxLength: $maxLength) {\n      entities { id }\n      relationships { id type }\n    }\n  }\n": types.DetectCyclesDocument,
    "\n  query GraphStatsQuery {\n    graphStats { entityCount relationshipCount byType { type count } }\n  }\n": types.GraphStatsQueryDocument,
    "\n  query NestedNeighbors($id: ID!) {\n    entity(id: $id) { neighbors { id neighbors { id neighbors { id degree } } } }\n  }\n": types.NestedNeighborsDocument,
    "\n  fragment PatternFields on Pattern {\n    id\n    name\n    description\n    version\n    origin\n    category\n    steps {\n      id\n      type\n      action\n      parameters\n      dependsOn\n      retries\n      timeoutMs\n    }\n    metadata\n    transactional\n    isActive\n    createdBy\n    createdAt\n    updatedAt\n    usageCount\n    successRate\n    avgDurationMs\n  }\n": types.PatternFieldsFragmentDoc,
    "\n  mutation CreatePattern($input: CreatePatternInput!) {\n    createPattern(input: $input) {\n      ...PatternFields\n    }\n  }\n": types.CreatePatternDocument,
    "\n  mutation UpdatePattern($id: ID!, $input: UpdatePatternInput!, $expectedVersion: Int) {\n    updatePattern(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      ...PatternFields\n    }\n  }\n": types.UpdatePatternDocument,
    "\n  mutation DeletePattern($id: ID!) {\n    deletePattern(id: $id)\n  }\n": types.DeletePatternDocument,
    "\n  query GetPattern($id: ID!, $version: Int) {\n    pattern(id: $id, version: $version) {\n      ...PatternFields\n      versions {\n        version\n        name\n      }\n    }\n  }\n": types.GetPatternDocument,
    "\n  query ListPatterns($filter: PatternFilter, $first: Int, $after: String) {\n    patterns(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          version\n          updatedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n": types.ListPatternsDocument,
    "\n  query PatternDiff($id: ID!, $from: Int!, $to: Int!) {\n    pattern(id: $id) {\n      id\n      diff(from: $from, to: $to) {\n        from\n        to\n        fields { field before after }\n        stepsAdded\n        stepsRemoved\n        stepsChanged { id changes { field before after } }\n        stepsReordered\n        identical\n      }\n    }\n  }\n": types.PatternDiffDocument,
    "\n  mutation RestorePatternVersion($id: ID!, $version: Int!, $expectedVersion: Int) {\n    restorePatternVersion(id: $id, version: $version, expectedVersion: $expectedVersion) {\n      ...PatternFields\n    }\n  }\n": types.RestorePatternVersionDocument,
    "\n  query ExportPatterns($ids: [ID!], $filter: PatternFilter, $includeVersions: Boolean) {\n    exportPatterns(ids: $ids, filter: $filter, includeVersions: $includeVersions)\n  }\n": types.ExportPatternsDocument,
    "\n  mutation ImportPatterns($document: JSON!, $mode: ImportMode, $dryRun: Boolean) {\n    importPatterns(document: $document, mode: $mode, dryRun: $dryRun) {\n      mode\n      dryRun\n      created\n      updated\n      unchanged\n      skipped\n      refused\n      items { index id outcome version code reason }\n    }\n  }\n": types.ImportPatternsDocument,
    "\n  fragment PlannedTextFields on PlannedText { template value resolved reason }\n": types.PlannedTextFieldsFragmentDoc,
    "\n  query PlanEffects($id: ID!, $input: JSON) {\n    planPattern(id: $id, input: $input) {\n      levels\n      criticalPath\n      effects {\n        stepId\n        reads { action key { ...PlannedTextFields } }\n        writes { action key { ...PlannedTextFields } }\n        createsRelationships {\n          from { ...PlannedTextFields }\n          to { ...PlannedTextFields }\n          type { ...PlannedTextFields }\n        }\n        deletesRelationships { ...PlannedTextFields }\n        publishes { eventType { ...PlannedTextFields } payload payloadResolved }\n        runsPattern { patternId { ...PlannedTextFields } input inputResolved }\n        readsGraph\n        unknown { parameter reason }\n      }\n      conflicts { kind steps target key edge { from to type } inputIndependent }\n      conflictCount\n      conflictsComplete\n      unresolved { stepId what template reason }\n    }\n  }\n": types.PlanEffectsDocument,
    "\n  mutation CreateWithWarnings($input: CreatePatternInput!) {\n    createPattern(input: $input) {\n      id\n      version\n      warnings { code message steps key edge { from to type } }\n    }\n  }\n": types.CreateWithWarningsDocument,
    "\n  query PatternWarnings($id: ID!) {\n    pattern(id: $id) { version warnings { code steps key edge { from to type } } }\n  }\n": types.PatternWarningsDocument,
    "\n  fragment ScheduleFields on Schedule {\n    id\n    patternId\n    cron\n    everyMs\n    timezone\n    input\n    owner\n    createdAt\n    nextFireAt\n    lastFiredAt\n    lastTick\n    lastSkipReason\n    fireCount\n    skipCount\n    lastExecution {\n      id\n      idempotencyKey\n    }\n    lastExecutions {\n      id\n      idempotencyKey\n      status\n    }\n  }\n": types.ScheduleFieldsFragmentDoc,
    "\n  mutation SchedulePattern($input: SchedulePatternInput!) {\n    schedulePattern(input: $input) {\n      ...ScheduleFields\n    }\n  }\n": types.SchedulePatternDocument,
    "\n  mutation UnschedulePattern($id: ID!) {\n    unschedulePattern(id: $id)\n  }\n": types.UnschedulePatternDocument,
    "\n  query GetSchedule($id: ID!) {\n    schedule(id: $id) {\n      ...ScheduleFields\n    }\n  }\n": types.GetScheduleDocument,
    "\n  query ListSchedules($first: Int, $after: String, $patternId: ID) {\n    schedules(first: $first, after: $after, patternId: $patternId) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          patternId\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ListSchedulesDocument,
    "\n  query ScheduledExecutions($patternId: ID, $first: Int, $after: String) {\n    executions(patternId: $patternId, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          idempotencyKey\n          status\n          createdBy\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ScheduledExecutionsDocument,
    "\n  mutation DeactivatePattern($id: ID!) {\n    updatePattern(id: $id, input: { isActive: false }) {\n      id\n      isActive\n    }\n  }\n": types.DeactivatePatternDocument,
    "\n  mutation DeleteScheduledPattern($id: ID!) {\n    deletePattern(id: $id)\n  }\n": types.DeleteScheduledPatternDocument,
    "\n  query ScheduleEvents($patternId: ID) {\n    events(last: 50, types: [SCHEDULE_FIRED], patternId: $patternId) {\n      events {\n        type\n        patternId\n        executionId\n        payload\n      }\n    }\n  }\n": types.ScheduleEventsDocument,
    "\n  query AuditLog($first: Int, $after: String, $actor: String, $action: String) {\n    auditLog(first: $first, after: $after, actor: $actor, action: $action) {\n      totalCount\n      edges { cursor node { id at actor roles action targets outcome } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.AuditLogDocument,
    "\n  query PatternIds($filter: PatternFilter) {\n    patterns(filter: $filter, first: 100) { totalCount edges { node { id } } }\n  }\n": types.PatternIdsDocument,
    "\n  query PatternWithExecutions($id: ID!) {\n    pattern(id: $id) { id versions { version } executions(first: 100) { totalCount edges { node { id } } } }\n  }\n": types.PatternWithExecutionsDocument,
    "\n  query ExecutionVisibility($id: ID!) {\n    execution(id: $id) { id createdBy }\n    progress(id: $id) { status }\n    executions(first: 100) { totalCount edges { node { id } } }\n  }\n": types.ExecutionVisibilityDocument,
    "\n  query StepTypes {\n    stepTypes {\n      type\n      description\n      actions { action description parametersSchema outputSchema example }\n    }\n  }\n": types.StepTypesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReadEvents($since: ID, $first: Int, $last: Int, $types: [NexusEventType!], $executionId: ID) {\n    events(since: $since, first: $first, last: $last, types: $types, executionId: $executionId) {\n      cursor\n      hasMore\n      events { ...LoggedEvent }\n    }\n  }\n"): (typeof documents)["\n  query ReadEvents($since: ID, $first: Int, $last: Int, $types: [NexusEventType!], $executionId: ID) {\n    events(since: $since, first: $first, last: $last, types: $types, executionId: $executionId) {\n      cursor\n      hasMore\n      events { ...LoggedEvent }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LoggedEvent on NexusEvent {\n    id\n    type\n    executionId\n    relationship { from { id } }\n    progressChange {\n      executionId status percent currentStage at sequence\n      stage { name status progress startedAt completedAt error }\n    }\n    progress {\n      id status percent currentStage error updatedAt completedAt\n      stages { name status progress startedAt completedAt error }\n    }\n    payload\n  }\n"): (typeof documents)["\n  fragment LoggedEvent on NexusEvent {\n    id\n    type\n    executionId\n    relationship { from { id } }\n    progressChange {\n      executionId status percent currentStage at sequence\n      stage { name status progress startedAt completedAt error }\n    }\n    progress {\n      id status percent currentStage error updatedAt completedAt\n      stages { name status progress startedAt completedAt error }\n    }\n    payload\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ExecutionFields on Execution {\n    id\n    status\n    patternVersion\n    input\n    output\n    error\n    durationMs\n    idempotencyKey\n    steps { stepId status attempts output error durationMs }\n    progress { status percent currentStage stages { name status error } }\n  }\n"): (typeof documents)["\n  fragment ExecutionFields on Execution {\n    id\n    status\n    patternVersion\n    input\n    output\n    error\n    durationMs\n    idempotencyKey\n    steps { stepId status attempts output error durationMs }\n    progress { status percent currentStage stages { name status error } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExecutePattern($id: ID!, $input: JSON, $mode: ExecutionMode!, $idempotencyKey: String) {\n    executePattern(id: $id, input: $input, mode: $mode, idempotencyKey: $idempotencyKey) {\n      ...ExecutionFields\n    }\n  }\n"): (typeof documents)["\n  mutation ExecutePattern($id: ID!, $input: JSON, $mode: ExecutionMode!, $idempotencyKey: String) {\n    executePattern(id: $id, input: $input, mode: $mode, idempotencyKey: $idempotencyKey) {\n      ...ExecutionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelExecution($id: ID!) {\n    cancelExecution(id: $id) { ...ExecutionFields }\n  }\n"): (typeof documents)["\n  mutation CancelExecution($id: ID!) {\n    cancelExecution(id: $id) { ...ExecutionFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetExecution($id: ID!) {\n    execution(id: $id) { ...ExecutionFields pattern { id version } }\n    progress(id: $id) { status percent }\n  }\n"): (typeof documents)["\n  query GetExecution($id: ID!) {\n    execution(id: $id) { ...ExecutionFields pattern { id version } }\n    progress(id: $id) { status percent }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ListExecutions($patternId: ID, $status: ExecutionStatus, $first: Int, $after: String) {\n    executions(patternId: $patternId, status: $status, first: $first, after: $after) {\n      totalCount\n      edges { cursor node { id status } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query ListExecutions($patternId: ID, $status: ExecutionStatus, $first: Int, $after: String) {\n    executions(patternId: $patternId, status: $status, first: $first, after: $after) {\n      totalCount\n      edges { cursor node { id status } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlanPattern($id: ID!, $input: JSON) {\n    planPattern(id: $id, input: $input) { levels criticalPath }\n  }\n"): (typeof documents)["\n  query PlanPattern($id: ID!, $input: JSON) {\n    planPattern(id: $id, input: $input) { levels criticalPath }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PatternStats($id: ID!) {\n    pattern(id: $id) { usageCount successRate avgDurationMs executions(first: 100) { totalCount } }\n  }\n"): (typeof documents)["\n  query PatternStats($id: ID!) {\n    pattern(id: $id) { usageCount successRate avgDurationMs executions(first: 100) { totalCount } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateRelationship($input: CreateRelationshipInput!) {\n    createRelationship(input: $input) {\n      id\n      type\n      inverseType\n      from { id }\n      to { id }\n      metadata\n      createdAt\n      createdBy\n    }\n  }\n"): (typeof documents)["\n  mutation CreateRelationship($input: CreateRelationshipInput!) {\n    createRelationship(input: $input) {\n      id\n      type\n      inverseType\n      from { id }\n      to { id }\n      metadata\n      createdAt\n      createdBy\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteRelationship($id: ID!) {\n    deleteRelationship(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteRelationship($id: ID!) {\n    deleteRelationship(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetRelationship($id: ID!) {\n    relationship(id: $id) { id type from { id } to { id } metadata }\n  }\n"): (typeof documents)["\n  query GetRelationship($id: ID!) {\n    relationship(id: $id) { id type from { id } to { id } metadata }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetEntity($id: ID!, $direction: Direction!, $types: [RelationshipType!], $first: Int, $after: String) {\n    entity(id: $id) {\n      id\n      degree\n      outDegree: degree(direction: OUT)\n      inDegree: degree(direction: IN)\n      relationships(direction: $direction, types: $types, first: $first, after: $after) {\n        totalCount\n        edges { cursor node { id type from { id } to { id } } }\n        pageInfo { hasNextPage hasPreviousPage endCursor }\n      }\n      neighbors(direction: $direction, types: $types) { id }\n    }\n  }\n"): (typeof documents)["\n  query GetEntity($id: ID!, $direction: Direction!, $types: [RelationshipType!], $first: Int, $after: String) {\n    entity(id: $id) {\n      id\n      degree\n      outDegree: degree(direction: OUT)\n      inDegree: degree(direction: IN)\n      relationships(direction: $direction, types: $types, first: $first, after: $after) {\n        totalCount\n        edges { cursor node { id type from { id } to { id } } }\n        pageInfo { hasNextPage hasPreviousPage endCursor }\n      }\n      neighbors(direction: $direction, types: $types) { id }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FindPath($from: ID!, $to: ID!, $maxDepth: Int!, $direction: Direction!, $types: [RelationshipType!]) {\n    findPath(from: $from, to: $to, maxDepth: $maxDepth, direction: $direction, types: $types) {\n      length\n      entities { id }\n      relationships { id type from { id } to { id } }\n    }\n  }\n"): (typeof documents)["\n  query FindPath($from: ID!, $to: ID!, $maxDepth: Int!, $direction: Direction!, $types: [RelationshipType!]) {\n    findPath(from: $from, to: $to, maxDepth: $maxDepth, direction: $direction, types: $types) {\n      length\n      entities { id }\n      relationships { id type from { id } to { id } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Traverse($from: ID!, $maxDepth: Int!, $direction: Direction!, $types: [RelationshipType!], $limit: Int) {\n    traverse(from: $from, maxDepth: $maxDepth, direction: $direction, types: $types, limit: $limit) {\n      entities { entity { id } depth }\n      relationships { id type }\n    }\n  }\n"): (typeof documents)["\n  query Traverse($from: ID!, $maxDepth: Int!, $direction: Direction!, $types: [RelationshipType!], $limit: Int) {\n    traverse(from: $from, maxDepth: $maxDepth, direction: $direction, types: $types, limit: $limit) {\n      entities { entity { id } depth }\n      relationships { id type }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DetectCycles($types: [RelationshipType!], $from: ID, $limit: Int, $maxLength: Int) {\n    detectCycles(types: $types, from: $from, limit: $limit, maxLength: $maxLength) {\n      entities { id }\n      relationships { id type }\n    }\n  }\n"): (typeof documents)["\n  query DetectCycles($types: [RelationshipType!], $from: ID, $limit: Int, $maxLength: Int) {\n    detectCycles(types: $types, from: $from, limit: $limit, maxLength: $maxLength) {\n      entities { id }\n      relationships { id type }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GraphStatsQuery {\n    graphStats { entityCount relationshipCount byType { type count } }\n  }\n"): (typeof documents)["\n  query GraphStatsQuery {\n    graphStats { entityCount relationshipCount byType { type count } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NestedNeighbors($id: ID!) {\n    entity(id: $id) { neighbors { id neighbors { id neighbors { id degree } } } }\n  }\n"): (typeof documents)["\n  query NestedNeighbors($id: ID!) {\n    entity(id: $id) { neighbors { id neighbors { id neighbors { id degree } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PatternFields on Pattern {\n    id\n    name\n    description\n    version\n    origin\n    category\n    steps {\n      id\n      type\n      action\n      parameters\n      dependsOn\n      retries\n      timeoutMs\n    }\n    metadata\n    transactional\n    isActive\n    createdBy\n    createdAt\n    updatedAt\n    usageCount\n    successRate\n    avgDurationMs\n  }\n"): (typeof documents)["\n  fragment PatternFields on Pattern {\n    id\n    name\n    description\n    version\n    origin\n    category\n    steps {\n      id\n      type\n      action\n      parameters\n      dependsOn\n      retries\n      timeoutMs\n    }\n    metadata\n    transactional\n    isActive\n    createdBy\n    createdAt\n    updatedAt\n    usageCount\n    successRate\n    avgDurationMs\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePattern($input: CreatePatternInput!) {\n    createPattern(input: $input) {\n      ...PatternFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePattern($input: CreatePatternInput!) {\n    createPattern(input: $input) {\n      ...PatternFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePattern($id: ID!, $input: UpdatePatternInput!, $expectedVersion: Int) {\n    updatePattern(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      ...PatternFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePattern($id: ID!, $input: UpdatePatternInput!, $expectedVersion: Int) {\n    updatePattern(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      ...PatternFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeletePattern($id: ID!) {\n    deletePattern(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeletePattern($id: ID!) {\n    deletePattern(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetPattern($id: ID!, $version: Int) {\n    pattern(id: $id, version: $version) {\n      ...PatternFields\n      versions {\n        version\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query GetPattern($id: ID!, $version: Int) {\n    pattern(id: $id, version: $version) {\n      ...PatternFields\n      versions {\n        version\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ListPatterns($filter: PatternFilter, $first: Int, $after: String) {\n    patterns(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          version\n          updatedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ListPatterns($filter: PatternFilter, $first: Int, $after: String) {\n    patterns(filter: $filter, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          version\n          updatedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PatternDiff($id: ID!, $from: Int!, $to: Int!) {\n    pattern(id: $id) {\n      id\n      diff(from: $from, to: $to) {\n        from\n        to\n        fields { field before after }\n        stepsAdded\n        stepsRemoved\n        stepsChanged { id changes { field before after } }\n        stepsReordered\n        identical\n      }\n    }\n  }\n"): (typeof documents)["\n  query PatternDiff($id: ID!, $from: Int!, $to: Int!) {\n    pattern(id: $id) {\n      id\n      diff(from: $from, to: $to) {\n        from\n        to\n        fields { field before after }\n        stepsAdded\n        stepsRemoved\n        stepsChanged { id changes { field before after } }\n        stepsReordered\n        identical\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestorePatternVersion($id: ID!, $version: Int!, $expectedVersion: Int) {\n    restorePatternVersion(id: $id, version: $version, expectedVersion: $expectedVersion) {\n      ...PatternFields\n    }\n  }\n"): (typeof documents)["\n  mutation RestorePatternVersion($id: ID!, $version: Int!, $expectedVersion: Int) {\n    restorePatternVersion(id: $id, version: $version, expectedVersion: $expectedVersion) {\n      ...PatternFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportPatterns($ids: [ID!], $filter: PatternFilter, $includeVersions: Boolean) {\n    exportPatterns(ids: $ids, filter: $filter, includeVersions: $includeVersions)\n  }\n"): (typeof documents)["\n  query ExportPatterns($ids: [ID!], $filter: PatternFilter, $includeVersions: Boolean) {\n    exportPatterns(ids: $ids, filter: $filter, includeVersions: $includeVersions)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportPatterns($document: JSON!, $mode: ImportMode, $dryRun: Boolean) {\n    importPatterns(document: $document, mode: $mode, dryRun: $dryRun) {\n      mode\n      dryRun\n      created\n      updated\n      unchanged\n      skipped\n      refused\n      items { index id outcome version code reason }\n    }\n  }\n"): (typeof documents)["\n  mutation ImportPatterns($document: JSON!, $mode: ImportMode, $dryRun: Boolean) {\n    importPatterns(document: $document, mode: $mode, dryRun: $dryRun) {\n      mode\n      dryRun\n      created\n      updated\n      unchanged\n      skipped\n      refused\n      items { index id outcome version code reason }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PlannedTextFields on PlannedText { template value resolved reason }\n"): (typeof documents)["\n  fragment PlannedTextFields on PlannedText { template value resolved reason }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlanEffects($id: ID!, $input: JSON) {\n    planPattern(id: $id, input: $input) {\n      levels\n      criticalPath\n      effects {\n        stepId\n        reads { action key { ...PlannedTextFields } }\n        writes { action key { ...PlannedTextFields } }\n        createsRelationships {\n          from { ...PlannedTextFields }\n          to { ...PlannedTextFields }\n          type { ...PlannedTextFields }\n        }\n        deletesRelationships { ...PlannedTextFields }\n        publishes { eventType { ...PlannedTextFields } payload payloadResolved }\n        runsPattern { patternId { ...PlannedTextFields } input inputResolved }\n        readsGraph\n        unknown { parameter reason }\n      }\n      conflicts { kind steps target key edge { from to type } inputIndependent }\n      conflictCount\n      conflictsComplete\n      unresolved { stepId what template reason }\n    }\n  }\n"): (typeof documents)["\n  query PlanEffects($id: ID!, $input: JSON) {\n    planPattern(id: $id, input: $input) {\n      levels\n      criticalPath\n      effects {\n        stepId\n        reads { action key { ...PlannedTextFields } }\n        writes { action key { ...PlannedTextFields } }\n        createsRelationships {\n          from { ...PlannedTextFields }\n          to { ...PlannedTextFields }\n          type { ...PlannedTextFields }\n        }\n        deletesRelationships { ...PlannedTextFields }\n        publishes { eventType { ...PlannedTextFields } payload payloadResolved }\n        runsPattern { patternId { ...PlannedTextFields } input inputResolved }\n        readsGraph\n        unknown { parameter reason }\n      }\n      conflicts { kind steps target key edge { from to type } inputIndependent }\n      conflictCount\n      conflictsComplete\n      unresolved { stepId what template reason }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWithWarnings($input: CreatePatternInput!) {\n    createPattern(input: $input) {\n      id\n      version\n      warnings { code message steps key edge { from to type } }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWithWarnings($input: CreatePatternInput!) {\n    createPattern(input: $input) {\n      id\n      version\n      warnings { code message steps key edge { from to type } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PatternWarnings($id: ID!) {\n    pattern(id: $id) { version warnings { code steps key edge { from to type } } }\n  }\n"): (typeof documents)["\n  query PatternWarnings($id: ID!) {\n    pattern(id: $id) { version warnings { code steps key edge { from to type } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ScheduleFields on Schedule {\n    id\n    patternId\n    cron\n    everyMs\n    timezone\n    input\n    owner\n    createdAt\n    nextFireAt\n    lastFiredAt\n    lastTick\n    lastSkipReason\n    fireCount\n    skipCount\n    lastExecution {\n      id\n      idempotencyKey\n    }\n    lastExecutions {\n      id\n      idempotencyKey\n      status\n    }\n  }\n"): (typeof documents)["\n  fragment ScheduleFields on Schedule {\n    id\n    patternId\n    cron\n    everyMs\n    timezone\n    input\n    owner\n    createdAt\n    nextFireAt\n    lastFiredAt\n    lastTick\n    lastSkipReason\n    fireCount\n    skipCount\n    lastExecution {\n      id\n      idempotencyKey\n    }\n    lastExecutions {\n      id\n      idempotencyKey\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SchedulePattern($input: SchedulePatternInput!) {\n    schedulePattern(input: $input) {\n      ...ScheduleFields\n    }\n  }\n"): (typeof documents)["\n  mutation SchedulePattern($input: SchedulePatternInput!) {\n    schedulePattern(input: $input) {\n      ...ScheduleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnschedulePattern($id: ID!) {\n    unschedulePattern(id: $id)\n  }\n"): (typeof documents)["\n  mutation UnschedulePattern($id: ID!) {\n    unschedulePattern(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetSchedule($id: ID!) {\n    schedule(id: $id) {\n      ...ScheduleFields\n    }\n  }\n"): (typeof documents)["\n  query GetSchedule($id: ID!) {\n    schedule(id: $id) {\n      ...ScheduleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ListSchedules($first: Int, $after: String, $patternId: ID) {\n    schedules(first: $first, after: $after, patternId: $patternId) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          patternId\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ListSchedules($first: Int, $after: String, $patternId: ID) {\n    schedules(first: $first, after: $after, patternId: $patternId) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          patternId\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScheduledExecutions($patternId: ID, $first: Int, $after: String) {\n    executions(patternId: $patternId, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          idempotencyKey\n          status\n          createdBy\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ScheduledExecutions($patternId: ID, $first: Int, $after: String) {\n    executions(patternId: $patternId, first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          idempotencyKey\n          status\n          createdBy\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivatePattern($id: ID!) {\n    updatePattern(id: $id, input: { isActive: false }) {\n      id\n      isActive\n    }\n  }\n"): (typeof documents)["\n  mutation DeactivatePattern($id: ID!) {\n    updatePattern(id: $id, input: { isActive: false }) {\n      id\n      isActive\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteScheduledPattern($id: ID!) {\n    deletePattern(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteScheduledPattern($id: ID!) {\n    deletePattern(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScheduleEvents($patternId: ID) {\n    events(last: 50, types: [SCHEDULE_FIRED], patternId: $patternId) {\n      events {\n        type\n        patternId\n        executionId\n        payload\n      }\n    }\n  }\n"): (typeof documents)["\n  query ScheduleEvents($patternId: ID) {\n    events(last: 50, types: [SCHEDULE_FIRED], patternId: $patternId) {\n      events {\n        type\n        patternId\n        executionId\n        payload\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($first: Int, $after: String, $actor: String, $action: String) {\n    auditLog(first: $first, after: $after, actor: $actor, action: $action) {\n      totalCount\n      edges { cursor node { id at actor roles action targets outcome } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query AuditLog($first: Int, $after: String, $actor: String, $action: String) {\n    auditLog(first: $first, after: $after, actor: $actor, action: $action) {\n      totalCount\n      edges { cursor node { id at actor roles action targets outcome } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PatternIds($filter: PatternFilter) {\n    patterns(filter: $filter, first: 100) { totalCount edges { node { id } } }\n  }\n"): (typeof documents)["\n  query PatternIds($filter: PatternFilter) {\n    patterns(filter: $filter, first: 100) { totalCount edges { node { id } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PatternWithExecutions($id: ID!) {\n    pattern(id: $id) { id versions { version } executions(first: 100) { totalCount edges { node { id } } } }\n  }\n"): (typeof documents)["\n  query PatternWithExecutions($id: ID!) {\n    pattern(id: $id) { id versions { version } executions(first: 100) { totalCount edges { node { id } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExecutionVisibility($id: ID!) {\n    execution(id: $id) { id createdBy }\n    progress(id: $id) { status }\n    executions(first: 100) { totalCount edges { node { id } } }\n  }\n"): (typeof documents)["\n  query ExecutionVisibility($id: ID!) {\n    execution(id: $id) { id createdBy }\n    progress(id: $id) { status }\n    executions(first: 100) { totalCount edges { node { id } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StepTypes {\n    stepTypes {\n      type\n      description\n      actions { action description parametersSchema outputSchema example }\n    }\n  }\n"): (typeof documents)["\n  query StepTypes {\n    stepTypes {\n      type\n      description\n      actions { action description parametersSchema outputSchema example }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;