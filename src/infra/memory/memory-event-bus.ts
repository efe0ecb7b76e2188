import type {
  EventBus,
  EventBusSettings,
  EventStream,
  NexusEvent,
  NexusEventInput,
  PublishOptions,
  SubscribeOptions,
} from '../../domain/events/event.js';
import { EVENT_DEDUPE_WINDOW_MS, headerOf } from '../../domain/events/event.js';
import {
  type EventLogQuery,
  type EventLogSlice,
  type LogEntry,
  readLog,
} from '../../domain/events/event-log-read.js';
import { eventJson } from '../../domain/events/event-size.js';
import { type ReplayPage, replayThenLive } from '../../domain/events/replay-then-live.js';
import type { Clock } from '../../domain/shared/clock.js';
import { Semaphore } from '../../domain/shared/semaphore.js';
import { compareStreamIds, StreamIdSequence } from '../../domain/shared/stream-ids.js';

/** Events a replay takes from the log at a time. */
const PAGE = 256;

/** The embedded bus: a capped in-process log with ids shaped like Redis stream ids. */
export class MemoryEventBus implements EventBus {
  private readonly log: Array<{ event: NexusEvent; bytes: number }> = [];
  private logBytes = 0;
  private readonly listeners = new Set<(event: NexusEvent) => void>();
  private readonly ids = new StreamIdSequence();
  private readonly turns: Semaphore;
  /** Dedupe id → when it is forgotten (ms), in the order published (so, of expiry). */
  private readonly published = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly settings: EventBusSettings,
  ) {
    this.turns = new Semaphore(settings.maxReplays);
  }

  async publish(input: NexusEventInput, options: PublishOptions = {}): Promise<void> {
    const now = this.clock.now();
    const occurredAt = now.toISOString();
    const json = eventJson({ ...input, occurredAt }, this.settings.maxEventBytes);
    if (options.dedupeId !== undefined && !this.firstPublish(options.dedupeId, now.getTime())) {
      return;
    }
    const event: NexusEvent = { ...input, id: this.ids.next(now.getTime()), occurredAt };
    const bytes = Buffer.byteLength(json);
    this.log.push({ event, bytes });
    this.logBytes += bytes;
    // The newest event stays, whatever its size.
    let drop = 0;
    while (
      this.log.length - drop > 1 &&
      (this.log.length - drop > this.settings.maxLength || this.logBytes > this.settings.maxBytes)
    ) {
      this.logBytes -= this.log[drop]?.bytes ?? 0;
      drop += 1;
    }
    if (drop > 0) this.log.splice(0, drop);
    for (const listener of this.listeners) listener(event);
  }

  /** Remembers the id for the window, unless it is remembered already (then false). */
  private firstPublish(dedupeId: string, nowMs: number): boolean {
    for (const [id, forgetAt] of this.published) {
      if (forgetAt > nowMs) break;
      this.published.delete(id);
    }
    if (this.published.has(dedupeId)) return false;
    this.published.set(dedupeId, nowMs + EVENT_DEDUPE_WINDOW_MS);
    return true;
  }

  subscribe(since: string | null, options: SubscribeOptions = {}): EventStream {
    return replayThenLive({
      ...options,
      since,
      maxQueued: this.settings.maxQueued,
      turns: this.turns,
      listeners: this.listeners,
      readPage: async (after) => this.page(after, options),
    });
  }

  async read(query: EventLogQuery): Promise<EventLogSlice> {
    return readLog(
      {
        after: (id, count) =>
          this.inTurn(() => {
            const low = this.firstAfter(id);
            return this.log.slice(low, low + count).map(entryOf);
          }),
        before: (id, count) =>
          this.inTurn(() => {
            const high = id === null ? this.log.length : this.firstAfter(id, true);
            return this.log
              .slice(Math.max(0, high - count), Math.max(0, high))
              .reverse()
              .map(entryOf);
          }),
      },
      query,
    );
  }

  /** A page of a read, within the replays' limit (the same turns). */
  private async inTurn<T>(read: () => T): Promise<T> {
    if (!this.turns.tryAcquire()) await this.turns.acquire();
    try {
      return read();
    } finally {
      this.turns.release();
    }
  }

  /** The index of the first entry after `after` (or, `atOrAfter`, from it on): ids are in order. */
  private firstAfter(after: string, atOrAfter = false): number {
    const bound = atOrAfter ? 0 : 1;
    let low = 0;
    let high = this.log.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      const entry = this.log[middle];
      if (entry && compareStreamIds(entry.event.id, after) < bound) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private page(after: string, options: SubscribeOptions): ReplayPage {
    const low = this.firstAfter(after);
    const entries = this.log.slice(low, low + PAGE).map((entry) => entry.event);
    const admits = options.admits;
    return {
      events: admits ? entries.filter((event) => admits(headerOf(event))) : entries,
      lastId: entries.at(-1)?.id ?? null,
      end: low + PAGE >= this.log.length,
    };
  }
}

function entryOf({ event }: { event: NexusEvent }): LogEntry {
  return { id: event.id, header: headerOf(event), event: () => event };
}
