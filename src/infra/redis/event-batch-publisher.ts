import type { Redis } from 'ioredis';
import {
  EVENT_DEDUPE_WINDOW_MS,
  type EventBusSettings,
  type EventHeader,
  headerOf,
  type NexusEventInput,
  type PublishOptions,
} from '../../domain/events/event.js';
import { eventJson } from '../../domain/events/event-size.js';
import type { Clock } from '../../domain/shared/clock.js';
import type { RedisKeys } from './keys.js';
import { defineScripts, type ScriptedRedis } from './scripts.js';

/** One script call (and one channel message) carries at most about this much of a batch. */
const BATCH_BYTES = 512 * 1024;

interface Pending {
  header: EventHeader;
  /** '' for none. */
  dedupeId: string;
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
  /** The batch being gathered: settles with its error, or null once it landed. */
  private sent: Promise<unknown> | null = null;

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

  publish(input: NexusEventInput, options: PublishOptions = {}): Promise<void> {
    let json: string;
    try {
      const occurredAt = this.clock.now().toISOString();
      json = eventJson({ ...input, occurredAt }, this.settings.maxEventBytes);
    } catch (error) {
      return Promise.reject(error);
    }
    this.batch.push({ header: headerOf(input), dedupeId: options.dedupeId ?? '', json });
    // Sent after this tick's publishes, before the client flushes its commands (setImmediate).
    this.sent ??= new Promise<unknown>((resolve) => process.nextTick(() => resolve(this.send())));
    return this.sent.then((error) => {
      if (error !== null && options.mustLand) throw error;
    });
  }

  /** Sends the batch; resolves with the error that kept (part of) it out, or null. */
  private async send(): Promise<unknown> {
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
          3,
          this.keys.eventLog(),
          this.keys.eventLogBytes(),
          this.keys.eventDedupe(),
          this.settings.maxLength,
          this.settings.maxBytes,
          this.keys.eventChannel(),
          this.clock.now().getTime(),
          EVENT_DEDUPE_WINDOW_MS,
          ...args,
        ),
      );
      args = [];
      bytes = 0;
    };
    for (const { header, dedupeId, json } of batch) {
      if (bytes > 0 && bytes + json.length > BATCH_BYTES) flush();
      args.push(header.type, header.audience ?? '', dedupeId, json);
      bytes += json.length;
    }
    flush();
    try {
      await Promise.all(calls);
      return null;
    } catch (error) {
      // Best-effort for most callers (see EventPublisher): the write it announces succeeded.
      this.failed(error);
      return error;
    }
  }
}
