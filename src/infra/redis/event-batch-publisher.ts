import type { Redis } from 'ioredis';
import {
  type EventBusSettings,
  type EventHeader,
  headerOf,
  type NexusEventInput,
} from '../../domain/events/event.js';
import { eventJson } from '../../domain/events/event-size.js';
import type { Clock } from '../../domain/shared/clock.js';
import type { RedisKeys } from './keys.js';
import { defineScripts, type ScriptedRedis } from './scripts.js';

/** One script call (and one channel message) carries at most about this much of a batch. */
const BATCH_BYTES = 512 * 1024;

interface Pending {
  header: EventHeader;
  json: string;
}

/**
 * The publishing half of the bus: events published in the same tick (an execution's step
 * transitions, say) go out together, one publish-events call and one channel message for the
 * batch, in order.
 */
export class EventBatchPublisher {
  private readonly redis: ScriptedRedis;
  private batch: Pending[] = [];
  private sent: Promise<void> | null = null;

  constructor(
    redis: Redis,
    private readonly keys: RedisKeys,
    private readonly clock: Clock,
    private readonly settings: EventBusSettings,
    private readonly failed: (error: unknown) => void,
  ) {
    defineScripts(redis);
    this.redis = redis;
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
        this.redis.publishEvents(
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
      this.failed(error);
    }
  }
}
