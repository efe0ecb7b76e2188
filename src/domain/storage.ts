/**
 * The ports one storage backend provides, built together because they share its connections:
 * the embedded in-memory adapters (one process) or Redis (shared by every instance).
 */
import type { AuditLog } from './audit/audit-log.js';
import type { EventBus } from './events/event.js';
import type { CancelBroadcast } from './execution/cancel-broadcast.js';
import type { ExecutionStore } from './execution/execution-store.js';
import type { KeyValueSpace } from './execution/key-value-store.js';
import type { StoreHealth } from './execution/store-health.js';
import type { GraphStore } from './graph/graph-store.js';
import type { PatternStore } from './pattern/pattern-store.js';
import type { ScheduleStore } from './schedule/schedule-store.js';
import type { RateLimiter } from './security/rate-limiter.js';

/** A budget of `points` per key every `windowSeconds`. */
export interface RateLimit {
  points: number;
  windowSeconds: number;
}

export interface Storage {
  readonly kind: 'redis' | 'memory';
  readonly patterns: PatternStore;
  readonly graph: GraphStore;
  readonly executions: ExecutionStore;
  readonly kv: KeyValueSpace;
  readonly audit: AuditLog;
  readonly events: EventBus;
  /** Cancel requests told to every instance (the stored request stays the record). */
  readonly cancels: CancelBroadcast;
  /** Whether the store can be reached, for runs that wait out an outage. */
  readonly health: StoreHealth;
  readonly schedules: ScheduleStore;
  /** The limiter called `name`; on Redis its budget is shared by every instance. */
  rateLimiter(name: string, limit: RateLimit): RateLimiter;
  /** Starts receiving events published by other instances; resolves once it does. */
  start(): Promise<void>;
  /** Whether the backend answers now (the readiness probe). */
  isReady(): Promise<boolean>;
  /** Whether an error means the backend could not be reached (SERVICE_UNAVAILABLE). */
  isUnavailable(error: unknown): boolean;
  /** Called each time the backend is reachable again after losing its connection. */
  onReconnect(listener: () => void): void;
  /** Closes what the backend opened (connections, timers). */
  close(): Promise<void>;
}
