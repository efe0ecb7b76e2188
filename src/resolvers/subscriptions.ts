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
      'Every event you may see, filtered on the server; `since` replays what came after that event id first.',
    args: {
      types: t.arg({ type: [NexusEventTypeEnum] }),
      patternId: t.arg.id(),
      executionId: t.arg.id(),
      entityId: t.arg.id(),
      since: t.arg.id(),
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
      'The progress of one execution: now, then after every transition that changes it; ends when it does.',
    args: { executionId: t.arg.id({ required: true }) },
    subscribe: (_, args, ctx) => progressUpdates(ctx, String(args.executionId)),
    resolve: (progress) => progress,
  }),
  relationshipCreated: t.field({
    type: RelationshipRef,
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
    args: { patternId: t.arg.id() },
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
