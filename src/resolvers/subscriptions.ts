import type { Context } from '../context.js';
import { type EventFilter, matchesFilter, type NexusEvent } from '../domain/events/event.js';
import type { Execution } from '../domain/execution/execution.js';
import type { Progress } from '../domain/execution/progress.js';
import type { Relationship } from '../domain/graph/relationship.js';
import { canSeeEvent } from '../domain/shared/access.js';
import { ValidationError } from '../domain/shared/errors.js';
import { builder } from '../schema/builder.js';
import { NexusEventRef, NexusEventTypeEnum } from '../schema/types/event.js';
import { ExecutionRef, ProgressRef } from '../schema/types/execution.js';
import { RelationshipRef } from '../schema/types/graph.js';

const EVENT_ID = /^\d{1,16}-\d{1,16}$/;
/** WebSocket close code for a subscriber that fell too far behind (1008: policy violation). */
export const SUBSCRIBER_TOO_SLOW = 1008;

/** The bus's events after `since`, then live ones, that pass the filter. */
async function* events(
  ctx: Context,
  filter: EventFilter,
  since: string | null,
): AsyncGenerator<NexusEvent> {
  if (since !== null && !EVENT_ID.test(since))
    throw ValidationError.single(['since'], 'is not an event id');
  // A subscriber too slow to keep up is cut off with a clear close code, not left to buffer.
  const stream = ctx.services.events.subscribe(since, (error) =>
    ctx.socket?.close(SUBSCRIBER_TOO_SLOW, error.message.slice(0, 120)),
  );
  try {
    for await (const event of stream) {
      // Only what the subscriber could read by query: their own executions' events, etc.
      if (canSeeEvent(ctx.viewer, event) && matchesFilter(event, filter)) yield event;
    }
  } finally {
    await stream.return?.();
  }
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
    subscribe: async function* (_, args, ctx): AsyncGenerator<Progress> {
      const executionId = String(args.executionId);
      // Listen before reading the current state, so no transition falls in between.
      const stream = ctx.services.events.subscribe(null);
      try {
        const now = await ctx.services.executions.progress(ctx.viewer, executionId);
        if (!now) return;
        yield now;
        if (now.completedAt !== null) return;
        for await (const event of stream) {
          if (event.executionId !== executionId) continue;
          if (event.type !== 'PROGRESS' && event.type !== 'PATTERN_EXECUTED') continue;
          const progress = await ctx.services.executions.progress(ctx.viewer, executionId);
          if (progress) yield progress;
          if (event.type === 'PATTERN_EXECUTED') return;
        }
      } finally {
        await stream.return?.();
      }
    },
    resolve: (progress) => progress,
  }),
  relationshipCreated: t.field({
    type: RelationshipRef,
    args: {
      entityId: t.arg.id({ description: 'Only relationships with this entity at either end.' }),
    },
    subscribe: async function* (_, args, ctx): AsyncGenerator<Relationship> {
      const filter = {
        types: new Set(['RELATIONSHIP_CREATED'] as const),
        entityId: args.entityId == null ? null : String(args.entityId),
      };
      for await (const event of events(ctx, filter, null))
        yield event.payload as unknown as Relationship;
    },
    resolve: (relationship) => relationship,
  }),
  patternExecuted: t.field({
    type: ExecutionRef,
    args: { patternId: t.arg.id() },
    subscribe: async function* (_, args, ctx): AsyncGenerator<Execution> {
      const filter = {
        types: new Set(['PATTERN_EXECUTED'] as const),
        patternId: args.patternId == null ? null : String(args.patternId),
      };
      for await (const event of events(ctx, filter, null)) {
        const execution = event.executionId
          ? await ctx.services.executions.get(ctx.viewer, event.executionId)
          : null;
        if (execution) yield execution;
      }
    },
    resolve: (execution) => execution,
  }),
}));
