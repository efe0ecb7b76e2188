import { LimitExceededError } from '../shared/errors.js';
import { compareStreamIds } from '../shared/stream-ids.js';
import type { EventStream, NexusEvent } from './event.js';
import { PUSH, type Sink } from './push.js';

/**
 * Replays logged events after `since`, then continues live, with no gap and no duplicate at the
 * seam: the live listener is registered before the log is read, and live events the replay
 * already covered (id ≤ the last replayed id) are dropped. A consumer that falls more than
 * `maxQueued` live events behind is ended with LIMIT_EXCEEDED instead of growing memory (the
 * replay itself is bounded by the log's length).
 *
 * Consumed through `PUSH`, the replay is handed to the sink as fast as the sink says it is ready
 * (live events meanwhile queue behind it, within the same limit); once it is out, live events go
 * to the sink as they arrive, and holding back a consumer that cannot keep up is the sink's job.
 */
export function replayThenLive(options: {
  /** The bus's live listeners; the subscription joins before it reads the log. */
  listeners: Set<(event: NexusEvent) => void>;
  replay: () => Promise<NexusEvent[]>;
  /** The id the replay starts after (null: no replay). */
  since: string | null;
  maxQueued: number;
  /** Told when the consumer fell too far behind (e.g. to close its connection at once). */
  onOverflow?: (error: Error) => void;
  /** Events that fail it are never queued. */
  keep?: (event: NexusEvent) => boolean;
}): EventStream {
  const keep = options.keep ?? (() => true);
  const queue: NexusEvent[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  let done = false;
  let lastId: string | null = null;
  let replaying = true;
  const early: NexusEvent[] = [];
  let sink: Sink<NexusEvent> | null = null;
  // While the sink is handed the queued backlog, live events join the queue behind it.
  let draining = false;
  // Replayed events still at the head of the queue: bounded by the log, and not a sign of a
  // consumer falling behind, so only the live events behind them count towards the limit.
  let replayedLeft = 0;
  const next = () => {
    if (replayedLeft > 0) replayedLeft -= 1;
    return queue.shift();
  };

  const deliver = (event: NexusEvent) => {
    if (done || !keep(event)) return;
    if (replaying) {
      early.push(event);
      return;
    }
    // Only at the seam can a live event repeat a replayed one; past it, live ids only grow.
    if (lastId !== null) {
      if (compareStreamIds(event.id, lastId) <= 0) return;
      lastId = null;
    }
    if (sink && !draining) push(sink, event);
    else if (queue.length - replayedLeft >= options.maxQueued) {
      failure = new LimitExceededError(
        `the subscriber fell more than ${options.maxQueued} events behind`,
      );
      stop();
      options.onOverflow?.(failure);
      sink?.error(failure);
    } else queue.push(event);
    wake?.();
  };
  options.listeners.add(deliver);
  const unlisten = () => options.listeners.delete(deliver);
  // A sink that throws ends its own stream, never the bus's loop over every listener.
  const push = (target: Sink<NexusEvent>, event: NexusEvent) => {
    if (done) return;
    try {
      target.next(event);
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
      stop();
      target.error(failure);
    }
  };
  /** Hands the queue to the sink at the pace it takes it, then switches to live pushing. */
  const drain = async (target: Sink<NexusEvent>) => {
    draining = true;
    while (!done && queue.length > 0) {
      const wait = target.whenReady?.() ?? null;
      if (wait) await wait;
      else push(target, next() as NexusEvent);
    }
    draining = false;
  };
  const stop = () => {
    done = true;
    unlisten();
    wake?.();
  };

  const ready = options.replay().then(
    (replayed) => {
      for (const event of replayed) if (keep(event)) queue.push(event);
      replayedLeft = queue.length;
      lastId = replayed.at(-1)?.id ?? options.since;
      replaying = false;
      if (sink) void drain(sink);
      for (const event of early.splice(0)) deliver(event);
    },
    (error: unknown) => {
      failure = error instanceof Error ? error : new Error(String(error));
      stop();
      sink?.error(failure);
    },
  );

  const iterator: EventStream = {
    async next() {
      // Once the replay is in, skip the await: one microtask less per delivered event.
      if (replaying) await ready;
      for (;;) {
        const event = next();
        if (event) return { value: event, done: false };
        if (failure) throw failure;
        if (done) return { value: undefined, done: true };
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = null;
      }
    },
    async return() {
      stop();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
    [PUSH](target) {
      sink = target;
      if (failure) target.error(failure);
      else if (!replaying && queue.length > 0) void drain(target);
      return stop;
    },
  };
  return iterator;
}
