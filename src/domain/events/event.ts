import type { ExecutionStatus } from '../execution/execution.js';
import type { ProgressUpdate } from '../execution/progress.js';
import type { Relationship } from '../graph/relationship.js';
import type { JsonValue } from '../shared/json.js';
import type { EventLogQuery, EventLogSlice } from './event-log-read.js';
import type { Pushable } from './push.js';

export const NEXUS_EVENT_TYPES = [
  'RELATIONSHIP_CREATED',
  'RELATIONSHIP_DELETED',
  'PATTERN_EXECUTED',
  'PROGRESS',
  'ERROR',
  'PATTERN_CHANGED',
  'CUSTOM',
  'SCHEDULE_FIRED',
] as const;
export type NexusEventType = (typeof NEXUS_EVENT_TYPES)[number];

/** What every event may carry besides its type and payload. */
interface EventFields {
  name?: string | null;
  patternId?: string | null;
  executionId?: string | null;
  entityId?: string | null;
  error?: string | null;
  /**
   * Who may see it besides admins: a user id, or null/absent for every authenticated caller.
   * Never sent to clients; subscriptions filter on it.
   */
  audience?: string | null;
}

/** An event as published, its payload typed by its `type`; the bus assigns `id` and `occurredAt`. */
export type NexusEventInput = EventFields &
  (
    | { type: 'RELATIONSHIP_CREATED' | 'RELATIONSHIP_DELETED'; payload: Relationship }
    | { type: 'PATTERN_EXECUTED'; payload?: { status: ExecutionStatus } }
    | { type: 'PROGRESS'; payload?: ProgressUpdate }
    | { type: 'ERROR'; payload?: null }
    | { type: 'PATTERN_CHANGED'; payload?: PatternChange }
    | { type: 'CUSTOM'; payload?: JsonValue | null }
    | { type: 'SCHEDULE_FIRED'; payload: ScheduleFired }
  );

/** Payload types are aliases, not interfaces, so that each is a JsonValue (as the log keeps it). */
export type PatternChange = {
  change: 'created' | 'updated' | 'deleted';
  version: number;
};

/** One tick of a schedule: the execution it started, or why it started none. */
export type ScheduleFired = {
  scheduleId: string;
  /** The tick it fired for, ms since the epoch (one execution per tick). */
  tickMs: number;
  executionId: string | null;
  /** Why no execution started (PATTERN_DELETED, PATTERN_INACTIVE, ...); null when one did. */
  skipped: string | null;
  /** Ticks due before it since the previous one that no process handled (counted as skipped). */
  missed: number;
};

/**
 * Where the code that causes an event announces it; the event bus fans it out to subscribers.
 * Publishing is best-effort for the caller: an adapter that cannot deliver logs it and resolves,
 * so a write that succeeded never reports failure because its event could not be sent. An event
 * no bus would ever take (a payload past the configured size) is the caller's mistake instead:
 * it is refused with LIMIT_EXCEEDED.
 */
export interface EventPublisher {
  publish(event: NexusEventInput, options?: PublishOptions): Promise<void>;
}

/** How long a dedupe id is remembered: a publish of the same id within it publishes nothing. */
export const EVENT_DEDUPE_WINDOW_MS = 60 * 60 * 1000;

/** What one publish asks for besides the event (both optional; the defaults are best-effort). */
export interface PublishOptions {
  /**
   * A stable id, for a publisher that may publish the same event again (a pattern step
   * attempted again after a crash or an outage, whose first attempt may have published it): an
   * event whose id was published within EVENT_DEDUPE_WINDOW_MS is not published again. Checked
   * in the same atomic write as the append, so two attempts cannot both publish.
   */
  dedupeId?: string;
  /**
   * Rejects (with the store's error) when the event could not be published, instead of
   * resolving: for a caller whose record says the event was published (an EVENT step).
   */
  mustLand?: boolean;
}

/** For services built without an event bus (benchmarks, algorithm tests). */
export const NO_EVENTS: EventPublisher = { publish: async () => {} };

/** An event as delivered: `id` is its position in the event log (ordered), e.g. "1764000000000-0". */
export type NexusEvent = NexusEventInput & {
  id: string;
  occurredAt: string;
};

/**
 * What the log keeps beside each event, so that a replay can pass over the events a subscriber
 * may not see (or did not ask for) without parsing them.
 */
export type EventHeader = Pick<NexusEventInput, 'type' | 'audience'>;

export interface SubscribeOptions {
  /**
   * Only events that pass are queued for this subscriber: filtering where events arrive keeps
   * unwanted ones out of its queue (and its overflow count) and costs no async step.
   */
  keep?: (event: NexusEvent) => boolean;
  /**
   * Checked before an event read back from the log is parsed: what fails it is never parsed,
   * kept or sent. It must agree with `keep` (an event `keep` accepts passes it).
   */
  admits?: (header: EventHeader) => boolean;
  /** The replay is over (caught up with live events, or the stream ended first); called once. */
  onCaughtUp?: () => void;
  /** The stream ended: stopped by its consumer, too far behind, or failed; called once. */
  onEnd?: () => void;
}

/** How much an event bus keeps and hands out. */
export interface EventBusSettings {
  /** Events kept in the log for `since` replays... */
  maxLength: number;
  /** ...and the bytes they may take together (the oldest go first). */
  maxBytes: number;
  /** How far one subscriber may fall behind (live events queued) before its stream ends. */
  maxQueued: number;
  /** The largest payload (bytes of JSON) an event may carry. */
  maxEventBytes: number;
  /** Replays reading (a page of) the log at once in this process; more wait their turn. */
  maxReplays: number;
}

/** The header of an event, as stored beside it in the log. */
export function headerOf(event: NexusEventInput): EventHeader {
  return { type: event.type, audience: event.audience ?? null };
}

/** A subscriber's events, read as an async iterator or pushed to a sink (see push.ts). */
export type EventStream = AsyncIterableIterator<NexusEvent> & Pushable<NexusEvent>;

/** The bus: publishes, and streams events after `since` (replayed from the log), then live ones. */
export interface EventBus extends EventPublisher {
  subscribe(since: string | null, options?: SubscribeOptions): EventStream;
  /**
   * A snapshot of the log: the newest `limit` matching events, or the first `limit` after
   * `since`, with the cursor to continue from (see EventLogSlice). Bounded: it examines at most
   * `maxExamined` entries, parses only those `admits` passes, and reads a page at a time within
   * the same per-process limit as replays (`maxReplays`).
   */
  read(query: EventLogQuery): Promise<EventLogSlice>;
}

export interface EventFilter {
  types?: ReadonlySet<NexusEventType> | null;
  patternId?: string | null;
  executionId?: string | null;
  /** Matches the event's entity, or either end of the relationship it carries. */
  entityId?: string | null;
}

export function matchesFilter(event: NexusEvent, filter: EventFilter): boolean {
  if (filter.types && !filter.types.has(event.type)) return false;
  if (filter.patternId && event.patternId !== filter.patternId) return false;
  if (filter.executionId && event.executionId !== filter.executionId) return false;
  if (filter.entityId) {
    const payload = event.payload as { from?: unknown; to?: unknown } | null | undefined;
    const ends = [event.entityId, payload?.from, payload?.to];
    if (!ends.includes(filter.entityId)) return false;
  }
  return true;
}
