import type { Redis } from 'ioredis';
import {
  type CancelBroadcast,
  type CancelWatcher,
  CancelWatchers,
} from '../../domain/execution/cancel-broadcast.js';
import type { RedisKeys } from './keys.js';

/**
 * Cancel requests over Redis pub/sub: a message with the execution id on one channel, which
 * every instance hears on the subscriber connection it already holds for events (a subscribed
 * connection listens to any number of channels). Pub/sub delivers only to those connected at
 * the time: when the subscriber connection is lost and back, every watcher is told it may have
 * missed a message, and checks the stored request at once.
 */
export class RedisCancelBroadcast implements CancelBroadcast {
  private readonly watchers = new CancelWatchers();
  private started = false;
  /** The subscriber connection was lost (ioredis reconnects); set until it is subscribed again. */
  private down = false;

  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly keys: RedisKeys,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  /** Subscribes to the channel; resolves once Redis has confirmed it. */
  async start(): Promise<void> {
    const channel = this.keys.cancelChannel();
    this.subscriber.on('message', (from: string, message: string) => {
      if (from === channel) this.watchers.cancelled(message);
    });
    // Emitted only when ioredis is going to reconnect (never for our own quit).
    this.subscriber.on('reconnecting', () => {
      if (this.started) this.down = true;
    });
    this.subscriber.on('ready', () => {
      if (!this.down) return;
      this.down = false;
      // Subscribed again before the check, so that nothing published after it is missed.
      this.subscriber.subscribe(channel).then(
        () => this.watchers.missed(),
        (error: unknown) => {
          this.onError(error);
          this.watchers.missed();
        },
      );
    });
    await this.subscriber.subscribe(channel);
    this.started = true;
  }

  async publish(executionId: string): Promise<void> {
    await this.publisher.publish(this.keys.cancelChannel(), executionId);
  }

  watch(executionId: string, watcher: CancelWatcher): () => void {
    return this.watchers.add(executionId, watcher);
  }
}
