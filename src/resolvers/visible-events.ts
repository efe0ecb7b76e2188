import {
  type EventFilter,
  type EventStream,
  matchesFilter,
  type SubscribeOptions,
} from '../domain/events/event.js';
import { canSeeEvent } from '../domain/shared/access.js';
import { ValidationError } from '../domain/shared/errors.js';
import { isStreamId } from '../domain/shared/stream-ids.js';
import type { Context } from '../server/context.js';

/** The bus's events after `since`, then live ones, that pass the filter and the viewer may see. */
export function visibleEvents(
  ctx: Context,
  filter: EventFilter,
  since: string | null,
): EventStream {
  if (since !== null && !isStreamId(since))
    throw ValidationError.single(['since'], 'is not an event id');
  const admission = admitSubscription(ctx, since !== null);
  return ctx.services.events.subscribe(since, {
    ...visibleThrough(ctx, filter),
    onCaughtUp: admission.replayEnded,
    onEnd: admission.release,
  });
}

/** What the viewer may see of the events the filter keeps: for subscriptions and log reads alike. */
export function visibleThrough(
  ctx: Context,
  filter: EventFilter,
): Required<Pick<SubscribeOptions, 'keep' | 'admits'>> {
  return {
    // Only what the subscriber could read by query: their own executions' events, etc.
    keep: (event) => canSeeEvent(ctx.viewer, event) && matchesFilter(event, filter),
    // The same, as far as it can be told before a logged event is parsed.
    admits: (header) =>
      canSeeEvent(ctx.viewer, header) && (!filter.types || filter.types.has(header.type)),
  };
}

/** `since` as given by a client: an event id, or absent. */
export function sinceArg(since: string | number | null | undefined): string | null {
  if (since == null) return null;
  const id = String(since);
  if (!isStreamId(id)) throw ValidationError.single(['since'], 'is not an event id');
  return id;
}

/** A place for one more subscription of the viewer's (LIMIT_EXCEEDED when there is none). */
export function admitSubscription(ctx: Context, replay: boolean) {
  return ctx.services.subscriptions.admit(ctx.viewer.id, ctx.connection ?? ctx, replay);
}
