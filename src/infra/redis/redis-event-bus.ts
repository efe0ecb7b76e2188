import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import type { Redis } from 'ioredis';
import type {
  EventBus,
  EventStream,
  NexusEvent,
  NexusEventInput,
  SubscribeOptions,
} from '../../domain/events/event.js';
import { replayThenLive } from '../../domain/events/replay-then-live.js';
import type { Clock } from '../../domain/shared/clock.js';
import type { RedisKeys } from './keys.js';
import { LuaScript } from './lua-script.js';

const publishScript = new LuaScript('publish-events');

/**
 * Events across instances: each is appended to a capped Redis stream and published on a channel
 * in one script; every instance listens once, through yoga's Redis event target, and fans out in
 * process. `since` replays from the stream, then continues live without gap or duplicate.
 *
 * Events published in the same tick (an execution's step transitions, say) go out together: one
 * script call and one channel message (a JSON array) for the batch, in order.
 */
export class RedisEventBus implements EventBus {
  private readonly listeners = new Set<(event: NexusEvent) => void>();
  private readonly target;
  private batch: string[] = [];
  private sent: Promise<void> | null = null;

  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly keys: RedisKeys,
    private readonly clock: Clock,
    private readonly settings: { maxLength: number; maxQueued: number },
    private readonly onError: (error: unknown) => void,
  ) {
    this.target = createRedisEventTarget<CustomEvent<string>>({
      publishClient: publisher,
      subscribeClient: subscriber,
      // Messages are parsed by the listener below, and only when someone here listens: an
      // instance without subscribers (one that only runs executions) does not parse its own
      // events back.
      serializer: { parse: (message: string) => message, stringify: JSON.stringify },
    });
  }

  /** Subscribes this instance to the channel and waits until Redis has confirmed it. */
  async start(): Promise<void> {
    this.target.addEventListener(this.keys.eventChannel(), (message: CustomEvent<string>) => {
      if (this.listeners.size === 0) return;
      const parsed = JSON.parse(message.detail) as NexusEvent | NexusEvent[];
      const events = Array.isArray(parsed) ? parsed : [parsed];
      for (const event of events) for (const listener of this.listeners) listener(event);
    });
    // SUBSCRIBE is idempotent; its reply comes after the event target's own, on one connection.
    await this.subscriber.subscribe(this.keys.eventChannel());
  }

  publish(input: NexusEventInput): Promise<void> {
    this.batch.push(JSON.stringify({ ...input, occurredAt: this.clock.now().toISOString() }));
    // Sent after this tick's publishes, before the client flushes its commands (setImmediate).
    this.sent ??= new Promise<void>((resolve) => process.nextTick(() => resolve(this.send())));
    return this.sent;
  }

  private async send(): Promise<void> {
    const batch = this.batch;
    this.batch = [];
    this.sent = null;
    try {
      await publishScript.run(
        this.publisher,
        [this.keys.eventLog()],
        [this.settings.maxLength, this.keys.eventChannel(), ...batch],
      );
    } catch (error) {
      // Best-effort for the caller (see EventPublisher): the write it announces succeeded.
      this.onError(error);
    }
  }

  subscribe(since: string | null, options: SubscribeOptions = {}): EventStream {
    return replayThenLive({
      ...options,
      since,
      maxQueued: this.settings.maxQueued,
      listeners: this.listeners,
      replay: async () => {
        if (since === null) return [];
        const entries = await this.publisher.xrange(this.keys.eventLog(), `(${since}`, '+');
        return entries.map(
          ([id, fields]) =>
            ({ ...(JSON.parse(fields[1] ?? '{}') as NexusEventInput), id }) as NexusEvent,
        );
      },
    });
  }
}
