/** Events watched in process: tests see each one as it is published, before any bus delivers it. */
import type {
  EventPublisher,
  NexusEventInput,
  PublishOptions,
} from '../../src/domain/events/event.js';
import type { Storage } from '../../src/domain/storage.js';

/** Listeners in this process, told of every event published to it. */
export class LocalEventPublisher implements EventPublisher {
  private readonly listeners = new Set<(event: NexusEventInput) => void>();

  async publish(event: NexusEventInput): Promise<void> {
    for (const listener of this.listeners) listener(event);
  }

  listen(listener: (event: NexusEventInput) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** Resolves with the first event published to `events` from now on that `matches`. */
export function nextEvent(
  events: LocalEventPublisher,
  matches: (event: NexusEventInput) => boolean,
): Promise<NexusEventInput> {
  return new Promise((resolve) => {
    const stop = events.listen((event) => {
      if (!matches(event)) return;
      stop();
      resolve(event);
    });
  });
}

/** The storage, with `local` also told of every event published; its bus still gets each one. */
export function teeEvents(storage: Storage, local: EventPublisher): Storage {
  const bus = storage.events;
  return {
    ...storage,
    events: {
      publish: async (event, options?: PublishOptions) => {
        await Promise.all([local.publish(event, options), bus.publish(event, options)]);
      },
      subscribe: (since, options) => bus.subscribe(since, options),
      read: (query) => bus.read(query),
    },
  };
}
