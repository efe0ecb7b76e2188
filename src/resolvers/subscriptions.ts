import type { Context } from '../context.js';
import {
  type EventFilter,
  type EventStream,
  matchesFilter,
  type NexusEvent,
} from '../domain/events/event.js';
import { mapStream } from '../domain/events/push.js';
import type { Progress } from '../domain/execution/progress.js';
import type { Relationship } from '../domain/graph/relationship.js';
import { canSeeEvent } from '../domain/shared/access.js';
import { NotFoundError, ValidationError } from '../domain/shared/errors.js';
import { isStreamId } from '../domain/shared/stream-ids.js';
import { builder } from '../schema/builder.js';
import { NexusEventRef, NexusEventTypeEnum } from '../schema/types/event.js';
import { ExecutionRef, ProgressRef } from '../schema/types/execution.js';
import { RelationshipRef } from '../schema/types/graph.js';

/** WebSocket close code for a subscriber that fell too far behind (1008: policy violation). */
export const SUBSCRIBER_TOO_SLOW = 1008;

/** The bus's events after `since`, then live ones, that pass the filter and the viewer may see. */
function events(ctx: Context, filter: EventFilter, since: string | null): EventStream {
  if (since !== null && !isStreamId(since))
    throw ValidationError.single(['since'], 'is not an event id');
  return ctx.services.events.subscribe(since, {
    // A subscriber too slow to keep up is cut off with a clear close code, not left to buffer.
    onOverflow: (error) => ctx.socket?.close(SUBSCRIBER_TOO_SLOW, error.message.slice(0, 120)),
    // Only what the subscriber could read by query: their own executions' events, etc.
    keep: (event) => canSeeEvent(ctx.viewer, event) && matchesFilter(event, filter),
  });
}

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
      events(
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
    description: 'The progress of one execution: now, then at every transition; ends when it does.',
    args: { executionId: t.arg.id({ required: true }) },
    // Yields the current progress first, then the bus's events themselves: one event object for
    // every subscriber, so the progress read in `resolve` is shared by identical subscriptions.
    subscribe: async function* (_, args, ctx): AsyncGenerator<Progress | NexusEvent> {
      const executionId = String(args.executionId);
      // Listen before reading the current state, so no transition falls in between.
      const stream = ctx.services.events.subscribe(null, {
        keep: (event) =>
          event.executionId === executionId &&
          (event.type === 'PROGRESS' || event.type === 'PATTERN_EXECUTED'),
      });
      try {
        const now = await ctx.services.executions.progress(ctx.viewer, executionId);
        if (!now) return;
        yield now;
        if (now.completedAt !== null) return;
        for await (const event of stream) {
          yield event;
          if (event.type === 'PATTERN_EXECUTED') return;
        }
      } finally {
        await stream.return?.();
      }
    },
    resolve: async (root, args, ctx) => {
      if (!isEvent(root)) return root;
      const progress = await ctx.services.executions.progress(ctx.viewer, String(args.executionId));
      if (!progress) throw new NotFoundError('Execution', String(args.executionId));
      return progress;
    },
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
      return mapStream(
        events(ctx, filter, null),
        (event) => event.payload as unknown as Relationship,
      );
    },
    resolve: (relationship) => relationship,
  }),
  patternExecuted: t.field({
    type: ExecutionRef,
    args: { patternId: t.arg.id() },
    subscribe: (_, args, ctx) =>
      events(
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

function isEvent(root: Progress | NexusEvent): root is NexusEvent {
  return 'occurredAt' in root;
}
