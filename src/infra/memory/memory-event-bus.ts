import type {
  EventBus,
  EventStream,
  NexusEvent,
  NexusEventInput,
  SubscribeOptions,
} from '../../domain/events/event.js';
import { replayThenLive } from '../../domain/events/replay-then-live.js';
import type { Clock } from '../../domain/shared/clock.js';
import { compareStreamIds, StreamIdSequence } from '../../domain/shared/stream-ids.js';

/** The embedded bus: a capped in-process log with ids shaped like Redis stream ids. */
export class MemoryEventBus implements EventBus {
  private readonly log: NexusEvent[] = [];
  private readonly listeners = new Set<(event: NexusEvent) => void>();
  private readonly ids = new StreamIdSequence();

  constructor(
    private readonly clock: Clock,
    private readonly maxLength: number,
    private readonly maxQueued: number,
  ) {}

  async publish(input: NexusEventInput): Promise<void> {
    const now = this.clock.now();
    const event: NexusEvent = {
      ...input,
      id: this.ids.next(now.getTime()),
      occurredAt: now.toISOString(),
    };
    this.log.push(event);
    if (this.log.length > this.maxLength) this.log.splice(0, this.log.length - this.maxLength);
    for (const listener of this.listeners) listener(event);
  }

  subscribe(since: string | null, options: SubscribeOptions = {}): EventStream {
    return replayThenLive({
      ...options,
      since,
      maxQueued: this.maxQueued,
      listeners: this.listeners,
      replay: async () =>
        since === null ? [] : this.log.filter((event) => compareStreamIds(event.id, since) > 0),
    });
  }
}
