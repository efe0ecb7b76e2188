import type { Redis } from 'ioredis';
import type {
  EventBus,
  EventBusSettings,
  EventStream,
  NexusEvent,
  NexusEventInput,
  PublishOptions,
  SubscribeOptions,
} from '../../domain/events/event.js';
import {
  type EventLogQuery,
  type EventLogSlice,
  readLog,
} from '../../domain/events/event-log-read.js';
import { replayThenLive } from '../../domain/events/replay-then-live.js';
import type { Clock } from '../../domain/shared/clock.js';
import { Semaphore } from '../../domain/shared/semaphore.js';
import { compareStreamIds } from '../../domain/shared/stream-ids.js';
import { EventBatchPublisher } from './event-batch-publisher.js';
import {
  EventLogReader,
  eventOf,
  FIRST_PAGE,
  logEntryOf,
  MAX_PAGE,
  readEntry,
} from './event-log-reader.js';
import type { RedisKeys } from './keys.js';

/** Channel messages kept while a gap is filled; past that they are read from the log instead. */
const MAX_HELD = 10_000;

/** What the bus reports; wired to logs and metrics by the app. */
export interface EventBusObserver {
  /** An event could not be published (the write it announces went through). */
  publishFailed?(error: unknown): void;
  /** Redis closed the subscriber connection; live events wait until it is back. */
  subscriberLost?(): void;
  /** It is back: `events` published meanwhile were read from the log and delivered. */
  recovered?(events: number): void;
  /** Reading the gap from the log failed: live delivery goes on, those events are missing. */
  recoveryFailed?(error: unknown): void;
}

/**
 * Events across instances: each is appended to a capped Redis stream and published on a channel
 * in one script; every instance subscribes once and fans out in process. `since` replays from
 * the stream, a page at a time, then continues live without gap or duplicate.
 *
 * Publishing is EventBatchPublisher's (a tick's events in one call), reading the log
 * EventLogReader's; this class keeps the subscription and the in-process fan-out.
 *
 * Redis may close the subscriber connection (a client output buffer overrun does that to every
 * instance at once). ioredis reconnects and resubscribes; meanwhile the instance remembers the
 * id of the last event it received, and once subscribed again it reads what came after that from
 * the log and delivers it before the live messages that arrived in between, so its subscribers
 * miss nothing (unless the log was trimmed past that id in the meantime).
 */
export class RedisEventBus implements EventBus {
  private readonly listeners = new Set<(event: NexusEvent) => void>();
  private readonly turns: Semaphore;
  private readonly publisher: EventBatchPublisher;
  private readonly log: EventLogReader;
  /** The id of the last event received (live or read back); where a gap fill starts. */
  private received: string | null = null;
  /** Where the log ended at start: a gap before any message starts there. */
  private startedAt = '0-0';
  private started = false;
  /** The subscriber connection is down (ioredis is reconnecting). */
  private down = false;
  /** Set from the moment the subscriber connection is lost until the gap is filled. */
  private recovering = false;
  /** Bumped by every loss: a fill that started before one is not the last word. */
  private losses = 0;
  private filling = false;
  private held: string[] = [];
  private heldLetGo = 0;

  constructor(
    publisher: Redis,
    private readonly subscriber: Redis,
    private readonly keys: RedisKeys,
    clock: Clock,
    private readonly settings: EventBusSettings,
    private readonly observer: EventBusObserver = {},
    /**
     * False: this instance only publishes (it serves no subscribers), and is not subscribed to
     * the channel, where every event of every instance would reach it; `subscribe` throws.
     */
    private readonly listens = true,
  ) {
    this.turns = new Semaphore(settings.maxReplays);
    this.publisher = new EventBatchPublisher(publisher, keys, clock, settings, (error) =>
      observer.publishFailed?.(error),
    );
    this.log = new EventLogReader(publisher, keys);
  }

  /** Subscribes this instance (one that listens) to the channel, once Redis has confirmed it. */
  async start(): Promise<void> {
    if (!this.listens) return;
    const channel = this.keys.eventChannel();
    this.subscriber.on('message', (from: string, message: string) => {
      if (from !== channel) return;
      if (!this.recovering) this.receive(message);
      else this.hold(message);
    });
    // Emitted only when ioredis is going to reconnect (never for our own quit).
    this.subscriber.on('reconnecting', () => this.lost());
    this.subscriber.on('ready', () => {
      this.down = false;
      if (this.recovering) void this.recover();
    });
    // Until a message comes, a gap would start where the log ends now. SUBSCRIBE goes out at
    // once rather than after that read: sent while ioredis checks a new connection's readiness,
    // it makes the check fail and the connection start over.
    const [newest] = await Promise.all([this.log.newestId(), this.subscriber.subscribe(channel)]);
    this.startedAt = newest;
    this.started = true;
  }

  publish(input: NexusEventInput, options?: PublishOptions): Promise<void> {
    return this.publisher.publish(input, options);
  }

  subscribe(since: string | null, options: SubscribeOptions = {}): EventStream {
    if (!this.listens) throw new Error('this instance does not listen to events (a worker)');
    let count = FIRST_PAGE;
    return replayThenLive({
      ...options,
      since,
      maxQueued: this.settings.maxQueued,
      turns: this.turns,
      listeners: this.listeners,
      readPage: async (after) => {
        const page = await this.log.page(after, count, options.admits);
        count = page.next;
        return page;
      },
    });
  }

  /**
   * A snapshot of the log (XRANGE forward from `since`, XREVRANGE back from the newest), headers
   * checked before any entry is parsed, a page at a time within the replays' limit.
   */
  read(query: EventLogQuery): Promise<EventLogSlice> {
    return readLog(
      {
        after: async (id, count) =>
          (await this.inTurn(() => this.log.entriesAfter(id, count))).map(logEntryOf),
        before: async (id, count) =>
          (await this.inTurn(() => this.log.entriesBefore(id, count))).map(logEntryOf),
      },
      query,
    );
  }

  private async inTurn<T>(read: () => Promise<T>): Promise<T> {
    if (!this.turns.tryAcquire()) await this.turns.acquire();
    try {
      return await read();
    } finally {
      this.turns.release();
    }
  }

  /** A channel message: delivered unless its events were already (read back after a loss). */
  private receive(message: string): void {
    // Messages from older instances: a JSON array of events.
    if (message.startsWith('[')) {
      for (const event of JSON.parse(message) as NexusEvent[]) this.deliver(event);
      return;
    }
    // Every message starts with {"id":"<id of its last event>".
    const last = message.slice(7, message.indexOf('"', 7));
    if (this.received !== null && compareStreamIds(last, this.received) <= 0) return;
    // Nobody here listens: nothing to parse, only how far the channel got.
    if (this.listeners.size === 0) {
      this.received = last;
      return;
    }
    const parsed = JSON.parse(message) as NexusEvent | { batch: NexusEvent[] };
    if ('batch' in parsed) for (const event of parsed.batch) this.deliver(event);
    else this.deliver(parsed);
  }

  private deliver(event: NexusEvent): void {
    if (this.received !== null && compareStreamIds(event.id, this.received) <= 0) return;
    this.received = event.id;
    for (const listener of this.listeners) listener(event);
  }

  private hold(message: string): void {
    if (this.held.length >= MAX_HELD) {
      this.held = [];
      this.heldLetGo += 1;
    }
    this.held.push(message);
  }

  private lost(): void {
    if (!this.started || this.down) return;
    this.down = true;
    this.losses += 1;
    this.recovering = true;
    this.observer.subscriberLost?.();
  }

  /** Once subscribed again: the log after the last event received, then the held messages. */
  private async recover(): Promise<void> {
    if (this.filling) return;
    this.filling = true;
    const losses = this.losses;
    let read = 0;
    try {
      await this.subscriber.subscribe(this.keys.eventChannel());
      for (;;) {
        const letGo = this.heldLetGo;
        const entries = await this.log.entriesAfter(this.received ?? this.startedAt, MAX_PAGE);
        for (const [rawId, fields] of entries) {
          read += 1;
          const id = rawId.toString();
          if (this.listeners.size === 0) this.received = id;
          else this.deliver(eventOf(rawId, readEntry(fields).json));
        }
        if (entries.length < MAX_PAGE && letGo === this.heldLetGo) break;
      }
      this.observer.recovered?.(read);
    } catch (error) {
      this.observer.recoveryFailed?.(error);
    } finally {
      this.filling = false;
    }
    if (this.losses !== losses) {
      // Lost again while filling: the next `ready` (or this one, if it came) fills from here.
      if (this.subscriber.status === 'ready') void this.recover();
      return;
    }
    const held = this.held;
    this.held = [];
    this.recovering = false;
    for (const message of held) this.receive(message);
  }
}
