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

const publishScript = new LuaScript('publish-event');

/**
 * Events across instances: each is appended to a capped Redis stream and published on a channel
 * in one script; every instance listens once, through yoga's Redis event target, and fans out in
 * process. `since` replays from the stream, then continues live without gap or duplicate.
 */
export class RedisEventBus implements EventBus {
  private readonly listeners = new Set<(event: NexusEvent) => void>();
  private readonly target;

  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly keys: RedisKeys,
    private readonly clock: Clock,
    private readonly settings: { maxLength: number; maxQueued: number },
    private readonly onError: (error: unknown) => void,
  ) {
    this.target = createRedisEventTarget<CustomEvent<NexusEvent>>({
      publishClient: publisher,
      subscribeClient: subscriber,
    });
  }

  /** Subscribes this instance to the channel and waits until Redis has confirmed it. */
  async start(): Promise<void> {
    this.target.addEventListener(this.keys.eventChannel(), (event: CustomEvent<NexusEvent>) => {
      for (const listener of this.listeners) listener(event.detail);
    });
    // SUBSCRIBE is idempotent; its reply comes after the event target's own, on one connection.
    await this.subscriber.subscribe(this.keys.eventChannel());
  }

  async publish(input: NexusEventInput): Promise<void> {
    const event = { ...input, occurredAt: this.clock.now().toISOString() };
    try {
      await publishScript.run(
        this.publisher,
        [this.keys.eventLog()],
        [this.settings.maxLength, JSON.stringify(event), this.keys.eventChannel()],
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
