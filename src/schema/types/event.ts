import type { NEXUS_EVENT_TYPES, NexusEvent } from '../../domain/events/event.js';
import type { EventLogSlice } from '../../domain/events/event-log-read.js';
import { type ProgressUpdate, progressAsOf } from '../../domain/execution/progress.js';
import { builder } from '../builder.js';
import { loadExecution } from '../loaders/executions.js';
import { ExecutionRef, ProgressRef, ProgressStageRef, ProgressStatusEnum } from './execution.js';
import { RelationshipRef } from './graph.js';

export const NexusEventTypeEnum = builder.enumType('NexusEventType', {
  description:
    'What an event is about; the fields of NexusEvent it fills in depend on it. Events about a user’s own patterns and executions reach only that user (and admins).',
  values: {
    RELATIONSHIP_CREATED: {
      description: 'A relationship was created: `relationship`, `entityId` (its `from`).',
    },
    RELATIONSHIP_DELETED: {
      description: 'A relationship was deleted: `relationship` as it was, `entityId` (its `from`).',
    },
    PATTERN_EXECUTED: {
      description:
        'An execution ended, whatever its status: `executionId`, `patternId`, `execution`.',
    },
    PROGRESS: {
      description:
        'A run started or one of its steps changed status: `progressChange`, `progress`, `executionId`.',
    },
    ERROR: {
      description: 'An execution ended FAILED: `error`, `executionId`, `patternId`.',
    },
    PATTERN_CHANGED: {
      description:
        'A pattern was created, updated or deleted: `patternId`, `name` (created|updated|deleted), `payload.version`.',
    },
    CUSTOM: {
      description:
        'Published by an EVENT step; reaches only whoever ran it: `name` (its event_type), `payload`.',
    },
    SCHEDULE_FIRED: {
      description:
        'A schedule ticked; reaches its owner and admins: `payload.scheduleId`, `payload.tickMs`, `executionId` of the run it started, or `payload.skipped` with why none was.',
    },
  } satisfies Record<(typeof NEXUS_EVENT_TYPES)[number], { description: string }>,
});

/** A PROGRESS event's change: its payload, with the execution it is about. */
type ProgressChangeOf = ProgressUpdate & { executionId: string };

export const ProgressChangeRef = builder.objectRef<ProgressChangeOf>('ProgressChange').implement({
  description:
    'The change a PROGRESS event announces, exactly as of that event (the same data as its `payload`).',
  fields: (t) => ({
    executionId: t.exposeID('executionId', { description: 'The execution that changed.' }),
    stage: t.field({
      type: ProgressStageRef,
      nullable: true,
      description: "The step whose transition this is, as of it; null for the run's start.",
      resolve: (change) => change.stage,
    }),
    status: t.expose('status', {
      type: ProgressStatusEnum,
      description: "The run's status after this change.",
    }),
    percent: t.exposeFloat('percent', { description: "The run's percent after this change." }),
    currentStage: t.string({
      nullable: true,
      description:
        'The step in progress after this change (the first running in the pattern’s order), if any. In events logged before `sequence` existed: the step in transition, while it runs.',
      resolve: (change) =>
        change.runningStage === undefined ? change.currentStage : change.runningStage,
    }),
    at: t.field({
      type: 'DateTime',
      description: 'When the change happened.',
      resolve: (change) => change.updatedAt,
    }),
    sequence: t.int({
      nullable: true,
      description:
        "The change's number in its run's transition sequence (0: the run's start); it orders changes of the same millisecond. Null in events logged before runs numbered their transitions.",
      resolve: (change) => change.sequence ?? null,
    }),
  }),
});

export const NexusEventRef = builder.objectRef<NexusEvent>('NexusEvent').implement({
  description:
    'Something that happened. `id` orders events; pass it as `since` to resume after it.',
  fields: (t) => ({
    id: t.exposeID('id', {
      description:
        'Its position in the event log (`<ms>-<n>`, e.g. "1764000000000-0"); greater ids are later. Pass it as `since` to resume after it.',
    }),
    type: t.expose('type', {
      type: NexusEventTypeEnum,
      description: 'What it is about, which says which other fields it fills in.',
    }),
    occurredAt: t.expose('occurredAt', {
      type: 'DateTime',
      description: 'When it was published.',
    }),
    name: t.exposeString('name', {
      nullable: true,
      description:
        'CUSTOM: the event_type the EVENT step gave; PATTERN_CHANGED: created, updated or deleted. Null for other types.',
    }),
    patternId: t.exposeID('patternId', {
      nullable: true,
      description: 'The pattern it is about (pattern and execution events); null otherwise.',
    }),
    executionId: t.exposeID('executionId', {
      nullable: true,
      description: 'The execution it is about (PROGRESS, PATTERN_EXECUTED, ERROR, CUSTOM).',
    }),
    entityId: t.exposeID('entityId', {
      nullable: true,
      description: 'For relationship events: the `from` entity of the relationship.',
    }),
    relationship: t.field({
      type: RelationshipRef,
      nullable: true,
      description: 'For RELATIONSHIP_CREATED and RELATIONSHIP_DELETED: the relationship as it was.',
      resolve: (event) =>
        event.type === 'RELATIONSHIP_CREATED' || event.type === 'RELATIONSHIP_DELETED'
          ? event.payload
          : null,
    }),
    execution: t.field({
      type: ExecutionRef,
      nullable: true,
      description:
        'The execution named by executionId as it is now (not as of the event); null when the event names none, a NOT_FOUND error on this field when it no longer exists.',
      resolve: (event) => event.executionId ?? null,
    }),
    progressChange: t.field({
      type: ProgressChangeRef,
      nullable: true,
      description: 'For PROGRESS: the change this event announces, read from the event itself.',
      resolve: (event) =>
        event.type === 'PROGRESS' && event.executionId && event.payload
          ? { ...event.payload, executionId: event.executionId }
          : null,
    }),
    progress: t.field({
      type: ProgressRef,
      nullable: true,
      description:
        "For PROGRESS: the execution's progress as of this event (each step in the state it had then), so that replaying the log rebuilds the run's timeline; null when the execution is gone or not yours. Events logged before runs numbered their transitions are placed by time.",
      resolve: async (event, _, ctx) => {
        if (event.type !== 'PROGRESS' || !event.executionId) return null;
        const execution = await loadExecution(ctx, event.executionId);
        if (!execution) return null;
        return event.payload ? progressAsOf(execution, event.payload) : null;
      },
    }),
    error: t.exposeString('error', {
      nullable: true,
      description: 'For ERROR: the execution’s error; null otherwise.',
    }),
    payload: t.expose('payload', {
      type: 'JSON',
      nullable: true,
      description:
        'The raw payload, kept for compatibility: for PROGRESS the same data as `progressChange`, for relationship events the same as `relationship`.',
    }),
  }),
});

export const EventLogPageRef = builder.objectRef<EventLogSlice>('EventLogPage').implement({
  description:
    'A snapshot of the event log, to pair with `nexusEvents(since: cursor)` with no gap and no duplicate.',
  fields: (t) => ({
    events: t.field({
      type: [NexusEventRef],
      description: 'Oldest first: only events you may see that the filter keeps.',
      resolve: (page) => page.events,
    }),
    cursor: t.exposeID('cursor', {
      nullable: true,
      description:
        'The log position this read reached: pass it as `since` to nexusEvents (or to events) to continue. Without `since`: the newest id in the whole log when it was read, matching or not. With `since`: the id of the last entry examined (`since` itself when nothing followed). Null: the log is empty.',
    }),
    hasMore: t.exposeBoolean('hasMore', {
      description:
        'With `since`: more entries follow `cursor` in the log (this read stopped at `first` events, or at the entries one read may examine). Always false without `since`.',
    }),
  }),
});
