import type { EventStream, NexusEvent } from '../domain/events/event.js';
import { type Progress, withStage } from '../domain/execution/progress.js';
import { NotFoundError } from '../domain/shared/errors.js';
import type { Context } from '../server/context.js';
import { admitSubscription } from './visible-events.js';

/**
 * The progress of one execution: now, then after every transition that changes it; ends when
 * the execution does. The stored progress is read at the start and at the end; in between, each
 * PROGRESS event's stage is applied to it. A transition the first read already showed (the
 * subscription listens before it reads) changes nothing and sends no frame, so frames never repeat.
 *
 * An execution that does not exist, or that the viewer may not read, is NOT_FOUND before any
 * frame (as the `execution` query would find nothing): the subscription is refused, not completed.
 */
export async function progressUpdates(
  ctx: Context,
  executionId: string,
): Promise<AsyncGenerator<Progress>> {
  const admission = admitSubscription(ctx, false);
  // Listen before reading the current state, so no transition falls in between.
  const stream = ctx.services.events.subscribe(null, {
    keep: (event) =>
      event.executionId === executionId &&
      (event.type === 'PROGRESS' || event.type === 'PATTERN_EXECUTED'),
    onEnd: admission.release,
  });
  let first: Progress | null;
  try {
    first = await ctx.services.executions.progress(ctx.viewer, executionId);
  } catch (error) {
    await stream.return?.();
    throw error;
  }
  if (!first) {
    await stream.return?.();
    throw new NotFoundError('Execution', executionId);
  }
  return frames(ctx, executionId, first, stream);
}

async function* frames(
  ctx: Context,
  executionId: string,
  first: Progress,
  stream: EventStream,
): AsyncGenerator<Progress> {
  try {
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
}

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
