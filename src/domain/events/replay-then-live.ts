import { SubscriberTooSlowError } from '../shared/errors.js';
import type { Semaphore } from '../shared/semaphore.js';
import { compareStreamIds } from '../shared/stream-ids.js';
import type { EventStream, NexusEvent, SubscribeOptions } from './event.js';
import { PUSH, type Sink } from './push.js';

/** One page of the event log, as a replay reads it. */
export interface ReplayPage {
  /** The events read that the subscriber may want, in order (the others were never parsed). */
  events: NexusEvent[];
  /** The id of the last entry read, kept or not; null when there was none after `after`. */
  lastId: string | null;
  /** Nothing came after this page in the log when it was read. */
  end: boolean;
}

/**
 * Replays logged events after `since`, then continues live, with no gap and no duplicate at the
 * seam: the live listener is registered before the log is read, and live events the replay
 * already covered (id ≤ the last entry read) are dropped. A consumer that falls more than
 * `maxQueued` live events behind is ended with LIMIT_EXCEEDED instead of growing memory.
 *
 * The log is read a page at a time, and only when the consumer has taken the page before: a
 * pushed stream reads the next page once the sink has taken the last event and says it is
 * ready, an iterator when it is asked for an event and has none. So a replay holds one page, and
 * a slow reader holds its replay back instead of being flooded. At most as many replays as
 * `turns` has permits read a page at once; the others wait for a permit (FIFO). A permit is held
 * for one page (read, filtered, handed to a sink that takes it), never while a replay waits for
 * its reader: a reader that stalls holds up no one else's replay.
 *
 * Live events that arrive during the replay wait behind it, up to `maxQueued` of them; past
 * that they are let go, since they are in the log too, and the replay reads on until it has read
 * a page that began after the last of them was let go.
 */
export function replayThenLive(
  options: SubscribeOptions & {
    /** The bus's live listeners; the subscription joins before it reads the log. */
    listeners: Set<(event: NexusEvent) => void>;
    /** Reads the page after `after`; `admits` already applied. */
    readPage: (after: string) => Promise<ReplayPage>;
    /** The id the replay starts after (null: no replay). */
    since: string | null;
    maxQueued: number;
    /** Pages this process lets be read at once. */
    turns: Semaphore;
  },
): EventStream {
  const keep = options.keep ?? (() => true);
  const queue: NexusEvent[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  let done = false;
  // Where the next page starts, and, once the replay is over, the seam: live events at or
  // before it were covered by the pages read.
  let cursor: string | null = options.since;
  let replaying = options.since !== null;
  let early: NexusEvent[] = [];
  // Bumped whenever early live events were let go: a page read before that cannot end the replay.
  let letGo = 0;
  let sink: Sink<NexusEvent> | null = null;
  let pumping = false;
  let reading: Promise<void> | null = null;
  // Replayed events still at the head of the queue: the page being handed over, not a sign of a
  // consumer falling behind, so only the live events behind them count towards the limit.
  let replayedLeft = 0;
  const next = () => {
    if (replayedLeft > 0) replayedLeft -= 1;
    return queue.shift();
  };

  let caughtUp = false;
  const catchUp = () => {
    if (caughtUp) return;
    caughtUp = true;
    options.onCaughtUp?.();
  };

  const deliver = (event: NexusEvent) => {
    if (done || !keep(event)) return;
    if (replaying) {
      if (early.length >= options.maxQueued) {
        early = [];
        letGo += 1;
      }
      early.push(event);
      return;
    }
    // Only at the seam can a live event repeat a replayed one; past it, live ids only grow.
    if (cursor !== null) {
      if (compareStreamIds(event.id, cursor) <= 0) return;
      cursor = null;
    }
    if (sink && !pumping) push(sink, event);
    else if (queue.length - replayedLeft >= options.maxQueued) {
      fail(
        new SubscriberTooSlowError(
          `the subscriber fell more than ${options.maxQueued} events behind`,
        ),
      );
    } else queue.push(event);
    wake?.();
  };
  options.listeners.add(deliver);

  const stop = () => {
    if (done) return;
    done = true;
    options.listeners.delete(deliver);
    early = [];
    catchUp();
    options.onEnd?.();
    wake?.();
  };
  const fail = (error: unknown) => {
    if (done) return;
    failure = error instanceof Error ? error : new Error(String(error));
    stop();
    sink?.error(failure);
  };
  // A sink that throws ends its own stream, never the bus's loop over every listener.
  const push = (target: Sink<NexusEvent>, event: NexusEvent) => {
    if (done) return;
    try {
      target.next(event);
    } catch (error) {
      fail(error);
    }
  };

  /** Reads the next page into the queue (after waiting for a turn); never throws. */
  const readPage = async (): Promise<void> => {
    let turn = options.turns.tryAcquire();
    try {
      if (!turn) {
        await options.turns.acquire();
        turn = true;
      }
      if (done) return;
      const before = letGo;
      const page = await options.readPage(cursor as string);
      if (done) return;
      for (const event of page.events) {
        if (!keep(event)) continue;
        queue.push(event);
        replayedLeft += 1;
      }
      if (page.lastId !== null) cursor = page.lastId;
      if (page.end && before === letGo) {
        replaying = false;
        catchUp();
        for (const event of early.splice(0)) deliver(event);
      }
      // Straight to a sink that is waiting for this page, without a turn through the pump.
      if (sink && pumping) flush(sink);
    } catch (error) {
      fail(error);
    } finally {
      if (turn) options.turns.release();
    }
  };
  const readOnce = () => {
    reading ??= readPage().finally(() => {
      reading = null;
    });
    return reading;
  };

  /** Pushes what is queued while the sink takes it; what to wait for when it stops taking. */
  const flush = (target: Sink<NexusEvent>): Promise<void> | null => {
    while (!done && queue.length > 0) {
      const wait = target.whenReady?.() ?? null;
      if (wait) return wait;
      push(target, next() as NexusEvent);
    }
    return null;
  };

  /** Hands the queue (and the rest of the replay) to the sink at its pace, then goes live. */
  const pump = async (target: Sink<NexusEvent>) => {
    pumping = true;
    while (!done) {
      const wait = flush(target);
      if (wait) await wait;
      else if (replaying) await readOnce();
      else break;
    }
    pumping = false;
  };

  // The first page is read at once (the live listener is already in), the rest at the
  // consumer's pace.
  if (replaying) void readOnce();
  else catchUp();

  const iterator: EventStream = {
    async next() {
      for (;;) {
        const event = next();
        if (event) return { value: event, done: false };
        if (failure) throw failure;
        if (done) return { value: undefined, done: true };
        if (replaying) {
          await readOnce();
          continue;
        }
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
      else if (replaying || queue.length > 0) void pump(target);
      return stop;
    },
  };
  return iterator;
}
