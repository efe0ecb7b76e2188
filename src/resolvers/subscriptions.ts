import type { NexusEvent } from '../domain/events/event.js';
import { mapStream } from '../domain/events/push.js';
import type { Relationship } from '../domain/graph/relationship.js';
import { builder } from '../schema/builder.js';
import { NexusEventRef, NexusEventTypeEnum } from '../schema/types/event.js';
import { ExecutionRef, ProgressRef } from '../schema/types/execution.js';
import { RelationshipRef } from '../schema/types/graph.js';
import { progressUpdates } from './progress-updates.js';
import { visibleEvents } from './visible-events.js';

builder.subscriptionFields((t) => ({
  nexusEvents: t.field({
    type: NexusEventRef,
    description:
      'Every event you may see, filtered on the server; `since` replays what came after that event id first, then continues live with no gap and no duplicate. A subscriber more than 1000 live events behind is ended (graphql-ws closes with 1008). Errors: BAD_USER_INPUT (`since` is not an event id), LIMIT_EXCEEDED (too many subscriptions or replays at once).',
    args: {
      types: t.arg({
        type: [NexusEventTypeEnum],
        description: 'Only events of these types; all when omitted or empty.',
      }),
      patternId: t.arg.id({ description: 'Only events about this pattern.' }),
      executionId: t.arg.id({ description: 'Only events about this execution.' }),
      entityId: t.arg.id({
        description: 'Only events about this entity (a relationship at either end of it).',
      }),
      since: t.arg.id({
        description:
          'An event id: first replay the logged events after it ("0-0": the whole log, as far as NEXUS_EVENT_LOG_LENGTH keeps it).',
      }),
    },
    subscribe: (_, args, ctx) =>
      visibleEvents(
        ctx,
        {
          types: args.types?.length ? new Set(args.types) : null,
          patternId: args.patternId == null ? null : String(args.patternId),
          executionId: args.executionId == null ? null : String(args.executionId),
          entityId: args.entityId == null ? null : String(args.entityId),
        },
        args.since == null ? null : String(args.since),
      ),
    resolve: (event) => event,
  }),
  executionProgress: t.field({
    type: ProgressRef,
    description:
      'The progress of one execution: now, then after every transition that changes it; completes when the run ends. NOT_FOUND before any frame when the execution does not exist or is not the caller’s.',
    args: {
      executionId: t.arg.id({ required: true, description: 'The execution to follow.' }),
    },
    subscribe: (_, args, ctx) => progressUpdates(ctx, String(args.executionId)),
    resolve: (progress) => progress,
  }),
  relationshipCreated: t.field({
    type: RelationshipRef,
    description: 'Each relationship as it is created (live only: no replay).',
    args: {
      entityId: t.arg.id({ description: 'Only relationships with this entity at either end.' }),
    },
    subscribe: (_, args, ctx) => {
      const filter = {
        types: new Set(['RELATIONSHIP_CREATED'] as const),
        entityId: args.entityId == null ? null : String(args.entityId),
      };
      // The payload is one object for every subscriber, so identical subscriptions share work.
      return mapStream(visibleEvents(ctx, filter, null), relationshipOf);
    },
    resolve: (relationship) => relationship,
  }),
  patternExecuted: t.field({
    type: ExecutionRef,
    description:
      'Each execution the caller may see as it ends (any final status), read when it is sent. Live only: no replay.',
    args: { patternId: t.arg.id({ description: 'Only executions of this pattern.' }) },
    subscribe: (_, args, ctx) =>
      visibleEvents(
        ctx,
        {
          types: new Set(['PATTERN_EXECUTED'] as const),
          patternId: args.patternId == null ? null : String(args.patternId),
        },
        null,
      ),
    // The execution's id: loaded (with the viewer's permissions) once per event for identical
    // subscriptions, since the event object is shared.
    resolve: (event) => event.executionId ?? '',
  }),
}));

function relationshipOf(event: NexusEvent): Relationship {
  if (event.type !== 'RELATIONSHIP_CREATED')
    throw new Error(`the filter let a ${event.type} through`);
  return event.payload;
}
