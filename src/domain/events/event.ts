import type { JsonValue } from '../shared/json.js';

export const NEXUS_EVENT_TYPES = [
  'RELATIONSHIP_CREATED',
  'RELATIONSHIP_DELETED',
  'PATTERN_EXECUTED',
  'PROGRESS',
  'ERROR',
  'PATTERN_CHANGED',
  'CUSTOM',
] as const;
export type NexusEventType = (typeof NEXUS_EVENT_TYPES)[number];

/** An event as published; the bus assigns `id` and `occurredAt`. */
export interface NexusEventInput {
  type: NexusEventType;
  name?: string | null;
  patternId?: string | null;
  executionId?: string | null;
  entityId?: string | null;
  payload?: JsonValue | null;
  error?: string | null;
}

/**
 * Where the code that causes an event announces it (the real-time issue fans it out).
 * Publishing is best-effort for the caller: an adapter that cannot deliver logs it and resolves,
 * so a write that succeeded never reports failure because its event could not be sent.
 */
export interface EventPublisher {
  publish(event: NexusEventInput): Promise<void>;
}

/** For services built without an event bus (benchmarks, algorithm tests). */
export const NO_EVENTS: EventPublisher = { publish: async () => {} };

/** Until subscriptions exist: listeners in this process (tests observe events through it). */
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
