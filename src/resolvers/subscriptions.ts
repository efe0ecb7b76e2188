import {
  type EventFilter,
  type EventStream,
  matchesFilter,
  type NexusEvent,
} from '../domain/events/event.js';
import { mapStream } from '../domain/events/push.js';
import { type Progress, withStage } from '../domain/execution/progress.js';
import type { Relationship } from '../domain/graph/relationship.js';
import { canSeeEvent } from '../domain/shared/access.js';
import { ValidationError } from '../domain/shared/errors.js';
import { isStreamId } from '../domain/shared/stream-ids.js';
import { builder } from '../schema/builder.js';
import { NexusEventRef, NexusEventTypeEnum } from '../schema/types/event.js';
import { ExecutionRef, ProgressRef } from '../schema/types/execution.js';
import { RelationshipRef } from '../schema/types/graph.js';
import type { Context } from '../server/context.js';

/** The bus's events after `since`, then live ones, that pass the filter and the viewer may see. */
function events(ctx: Context, filter: EventFilter, since: string | null): EventStream {
  if (since !== null && !isStreamId(since))
    throw ValidationError.single(['since'], 'is not an event id');
  const admission = admit(ctx, since !== null);
  return ctx.services.events.subscribe(since, {
    // Only what the subscriber could read by query: their own executions' events, etc.
    keep: (event) => canSeeEvent(ctx.viewer, event) && matchesFilter(event, filter),
    // The same, as far as it can be told before a replayed event is parsed.
    admits: (header) =>
      canSeeEvent(ctx.viewer, header) && (!filter.types || filter.types.has(header.type)),
    onCaughtUp: admission.replayEnded,
    onEnd: admission.release,
  });
}

/** A place for one more subscription of the viewer's (LIMIT_EXCEEDED when there is none). */
function admit(ctx: Context, replay: boolean) {
  return ctx.services.subscriptions.admit(ctx.viewer.id, ctx.connection ?? ctx, replay);
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
    description:
      'The progress of one execution: now, then after every transition that changes it; ends when it does.',
    args: { executionId: t.arg.id({ required: true }) },
    // The stored progress is read at the start and at the end; in between, each PROGRESS event's
    // stage is applied to it. A transition the first read already showed (the subscription
    // listens before it reads) changes nothing and sends no frame, so frames never repeat.
    subscribe: async function* (_, args, ctx): AsyncGenerator<Progress> {
      const executionId = String(args.executionId);
      const admission = admit(ctx, false);
      // Listen before reading the current state, so no transition falls in between.
      const stream = ctx.services.events.subscribe(null, {
        keep: (event) =>
          event.executionId === executionId &&
          (event.type === 'PROGRESS' || event.type === 'PATTERN_EXECUTED'),
        onEnd: admission.release,
      });
      try {
        const first = await ctx.services.executions.progress(ctx.viewer, executionId);
        if (!first) return;
        let now: Progress = first;
        yield now;
        if (now.completedAt !== null) return;
        for await (const event of stream) {
          if (event.type === 'PATTERN_EXECUTED') {
            const end = await finalProgress(ctx, event, executionId);
            if (end) yield end;
            return;
          }
          const stage = event.type === 'PROGRESS' ? event.payload?.stage : null;
          const next: Progress | null = stage ? withStage(now, stage) : null;
          if (next) {
            now = next;
            yield next;
          }
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

/**
 * The progress an execution ended with, read once for every subscription watching it (they
 * share the event object). Reading it needs no viewer of its own: each subscriber was allowed to
 * read this execution when it subscribed, and who may read an execution never changes.
 */
const endings = new WeakMap<NexusEvent, Promise<Progress | null>>();

function finalProgress(ctx: Context, event: NexusEvent, executionId: string) {
  let ending = endings.get(event);
  if (!ending) {
    ending = ctx.services.executions.progress(ctx.viewer, executionId);
    endings.set(event, ending);
  }
  return ending;
}
