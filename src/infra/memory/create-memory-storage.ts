/** The embedded storage: every port in this process's memory, nothing kept across restarts. */
import type { EventBusSettings } from '../../domain/events/event.js';
import type { Clock } from '../../domain/shared/clock.js';
import type { Storage } from '../../domain/storage.js';
import { MemoryAuditLog } from './memory-audit-log.js';
import { MemoryCancelBroadcast } from './memory-cancel-broadcast.js';
import { MemoryEventBus } from './memory-event-bus.js';
import { MemoryExecutionStore } from './memory-execution-store.js';
import { MemoryGraphStore } from './memory-graph-store.js';
import { MemoryKeyValueSpace } from './memory-key-value-store.js';
import { MemoryPatternStore } from './memory-pattern-store.js';
import { MemoryRateLimiter } from './memory-rate-limiter.js';
import { MemoryScheduleStore } from './memory-schedule-store.js';

export interface MemoryStorageOptions {
  clock: Clock;
  events: EventBusSettings;
  /** Audit entries kept (the oldest go first). */
  auditLogLength: number;
}

export function createMemoryStorage(options: MemoryStorageOptions): Storage {
  const patterns = new MemoryPatternStore();
  const schedules = new MemoryScheduleStore();
  return {
    kind: 'memory',
    patterns,
    graph: new MemoryGraphStore(),
    executions: new MemoryExecutionStore(
      (id) => patterns.currentVersion(id),
      (id) => schedules.has(id),
      (...run) => patterns.recordExecution(...run),
    ),
    kv: new MemoryKeyValueSpace(),
    audit: new MemoryAuditLog(options.auditLogLength),
    events: new MemoryEventBus(options.clock, options.events),
    cancels: new MemoryCancelBroadcast(),
    // In process memory, the store is never out of reach.
    health: {
      isUnavailable: () => false,
      whenAvailable: async () => {},
      onAvailable: () => () => {},
    },
    schedules,
    rateLimiter: (_name, { points, windowSeconds }) => new MemoryRateLimiter(points, windowSeconds),
    start: async () => {},
    isReady: async () => true,
    isUnavailable: () => false,
    onReconnect: () => {},
    close: async () => {},
  };
}
