import type { Redis } from 'ioredis';
import {
  type EventBus,
  type EventBusSettings,
  type EventHeader,
  type EventStream,
  headerOf,
  type NexusEvent,
  type NexusEventInput,
  type NexusEventType,
  type SubscribeOptions,
} from '../../domain/events/event.js';
import { eventJson } from '../../domain/events/event-size.js';
import { type ReplayPage, replayThenLive } from '../../domain/events/replay-then-live.js';
import type { Clock } from '../../domain/shared/clock.js';
import { Semaphore } from '../../domain/shared/semaphore.js';
import { compareStreamIds } from '../../domain/shared/stream-ids.js';
import type { RedisKeys } from './keys.js';
import { defineScripts, type ScriptedRedis } from './scripts.js';

/**
 * A replay's pages aim at this many bytes: the first is small (the entries' size is not known
 * yet), the next sized by the last one's average entry.
 */
const PAGE_BYTES = 32 * 1024;
const FIRST_PAGE = 16;
const MAX_PAGE = 64;
/** One script call (and one channel message) carries at most about this much of a batch. */
const BATCH_BYTES = 512 * 1024;
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

interface Pending {
  header: EventHeader;
  json: string;
}

/**
 * Events across instances: each is appended to a capped Redis stream and published on a channel
 * in one script; every instance subscribes once and fans out in process. `since` replays from
 * the stream, a page at a time, then continues live without gap or duplicate.
 *
 * Events published in the same tick (an execution's step transitions, say) go out together: one
 * script call and one channel message for the batch, in order.
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
  private batch: Pending[] = [];
  private sent: Promise<void> | null = null;
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
  private readonly publisher: ScriptedRedis;

  constructor(
    publisher: Redis,
    private readonly subscriber: Redis,
    private readonly keys: RedisKeys,
    private readonly clock: Clock,
    private readonly settings: EventBusSettings,
    private readonly observer: EventBusObserver = {},
  ) {
    this.turns = new Semaphore(settings.maxReplays);
    defineScripts(publisher);
    this.publisher = publisher;
  }

  /** Subscribes this instance to the channel and waits until Redis has confirmed it. */
  async start(): Promise<void> {
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
    const [newest] = await Promise.all([
      this.publisher.xrevrange(this.keys.eventLog(), '+', '-', 'COUNT', 1),
      this.subscriber.subscribe(channel),
    ]);
    this.startedAt = newest[0]?.[0] ?? '0-0';
    this.started = true;
  }

  publish(input: NexusEventInput): Promise<void> {
    let json: string;
    try {
      const occurredAt = this.clock.now().toISOString();
      json = eventJson({ ...input, occurredAt }, this.settings.maxEventBytes);
    } catch (error) {
      return Promise.reject(error);
    }
    this.batch.push({ header: headerOf(input), json });
    // Sent after this tick's publishes, before the client flushes its commands (setImmediate).
    this.sent ??= new Promise<void>((resolve) => process.nextTick(() => resolve(this.send())));
    return this.sent;
  }

  private async send(): Promise<void> {
    const batch = this.batch;
    this.batch = [];
    this.sent = null;
    // A large batch goes in several calls (in order, on one connection): one channel message of
    // many megabytes is what makes Redis drop subscribers for overrunning their buffers.
    const calls: Array<Promise<unknown>> = [];
    let args: string[] = [];
    let bytes = 0;
    const flush = () => {
      calls.push(
        this.publisher.publishEvents(
          2,
          this.keys.eventLog(),
          this.keys.eventLogBytes(),
          this.settings.maxLength,
          this.settings.maxBytes,
          this.keys.eventChannel(),
          ...args,
        ),
      );
      args = [];
      bytes = 0;
    };
    for (const { header, json } of batch) {
      if (bytes > 0 && bytes + json.length > BATCH_BYTES) flush();
      args.push(header.type, header.audience ?? '', json);
      bytes += json.length;
    }
    flush();
    try {
      await Promise.all(calls);
    } catch (error) {
      // Best-effort for the caller (see EventPublisher): the write it announces succeeded.
      this.observer.publishFailed?.(error);
    }
  }

  subscribe(since: string | null, options: SubscribeOptions = {}): EventStream {
    let count = FIRST_PAGE;
    return replayThenLive({
      ...options,
      since,
      maxQueued: this.settings.maxQueued,
      turns: this.turns,
      listeners: this.listeners,
      readPage: async (after) => {
        const page = await this.readPage(after, count, options.admits);
        count = page.next;
        return page;
      },
    });
  }

  /** Up to `count` entries after `after`; those `admits` refuses are not parsed. */
  private async readPage(
    after: string,
    count: number,
    admits: SubscribeOptions['admits'],
  ): Promise<ReplayPage & { next: number }> {
    // As bytes: only the entries a subscriber may see are decoded and parsed.
    const entries = await this.publisher.xrangeBuffer(
      this.keys.eventLog(),
      `(${after}`,
      '+',
      'COUNT',
      count,
    );
    const events: NexusEvent[] = [];
    let bytes = 0;
    for (const [id, fields] of entries) {
      const entry = readEntry(fields);
      bytes += entry.json.length;
      if (admits && entry.header && !admits(entry.header)) continue;
      const event = JSON.parse(entry.json.toString()) as NexusEventInput;
      events.push({ ...event, id: id.toString() } as NexusEvent);
    }
    const average = entries.length > 0 ? bytes / entries.length : 0;
    const next =
      average > 0 ? Math.max(1, Math.min(MAX_PAGE, Math.floor(PAGE_BYTES / average))) : count;
    return {
      events,
      lastId: entries.at(-1)?.[0].toString() ?? null,
      end: entries.length < count,
      next,
    };
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
        const entries = await this.publisher.xrangeBuffer(
          this.keys.eventLog(),
          `(${this.received ?? this.startedAt}`,
          '+',
          'COUNT',
          MAX_PAGE,
        );
        for (const [rawId, fields] of entries) {
          read += 1;
          const id = rawId.toString();
          if (this.listeners.size === 0) this.received = id;
          else {
            const event = JSON.parse(readEntry(fields).json.toString()) as NexusEventInput;
            this.deliver({ ...event, id } as NexusEvent);
          }
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

/**
 * An entry's fields: type, audience, event (older entries hold only the event). The three names
 * differ in length (4, 8, 5 bytes), which tells them apart without decoding them.
 */
function readEntry(fields: Buffer[]): { header: EventHeader | null; json: Buffer } {
  let type: string | undefined;
  let audience: string | undefined;
  let json: Buffer = EMPTY_EVENT;
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const length = (fields[i] as Buffer).length;
    const value = fields[i + 1] as Buffer;
    if (length === 5) json = value;
    else if (length === 4) type = value.toString();
    else if (length === 8) audience = value.length === 0 ? '' : value.toString();
  }
  const header =
    type === undefined ? null : { type: type as NexusEventType, audience: audience || null };
  return { header, json };
}

const EMPTY_EVENT = Buffer.from('{}');
