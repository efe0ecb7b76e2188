/**
 * The Redis storage: every port on one shared connection, plus a connection of its own for the
 * event subscriber and one for the responsiveness probe. It owns the three and closes them.
 */
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { EventBusSettings } from '../../domain/events/event.js';
import type { Clock } from '../../domain/shared/clock.js';
import type { Storage } from '../../domain/storage.js';
import {
  createRedisClient,
  dropWhenUnresponsive,
  failFastWhenDisconnected,
  isConnectionError,
  isRedisReachable,
  type RedisConnection,
} from './client.js';
import { RedisKeys } from './keys.js';
import { RedisAuditLog } from './redis-audit-log.js';
import { RedisCancelBroadcast } from './redis-cancel-broadcast.js';
import { type EventBusObserver, RedisEventBus } from './redis-event-bus.js';
import { RedisExecutionStore } from './redis-execution-store.js';
import { RedisGraphStore } from './redis-graph-store.js';
import { RedisKeyValueSpace } from './redis-key-value-store.js';
import { RedisPatternStore } from './redis-pattern-store.js';
import { RedisRateLimiter } from './redis-rate-limiter.js';
import { RedisScheduleStore } from './redis-schedule-store.js';
import { redisStoreHealth } from './redis-store-health.js';

export interface RedisStorageOptions {
  /** A redis:// or rediss:// URL, or a connection with Sentinel and TLS settings. */
  connection: RedisConnection | string;
  /** Prefix of every key (instances sharing data share it). */
  keyPrefix: string;
  /** How long a command may go unanswered before it fails as SERVICE_UNAVAILABLE. */
  commandTimeoutMs: number;
  clock: Clock;
  events: EventBusSettings;
  /** What the event bus reports (its connection lost, the gap read back). */
  eventObserver: EventBusObserver;
  /** Audit entries kept (the stream is capped at about this many). */
  auditLogLength: number;
  logger: Logger;
  /** Called with the shared client once created (instrumentation, e.g. counting round trips). */
  onClient?: (client: Redis) => void;
  /**
   * Whether this process streams events to subscribers (false: a worker, which serves none, is
   * not sent every event published, by every instance, on the channel). Default true.
   */
  listensToEvents?: boolean;
}

export function createRedisStorage(options: RedisStorageOptions): Storage {
  const { connection, logger } = options;
  // Commands in flight when a connection drops fail (SERVICE_UNAVAILABLE) rather than being
  // sent again on the next one: a write whose reply was lost may have happened, and resending it
  // could apply it twice; the caller, or the run's end-write retry, decides.
  const redis: Redis = createRedisClient(connection, 'nexus', {
    commandTimeout: options.commandTimeoutMs,
    autoResendUnfulfilledCommands: false,
  });
  failFastWhenDisconnected(redis);
  // A Redis that stops answering with the connection still open (frozen, partitioned) must not
  // hang commands (the subscriber connection only listens).
  const probe: Redis = createRedisClient(connection, 'nexus-probe', { enableOfflineQueue: false });
  probe.on('error', () => {});
  const stopWatching = dropWhenUnresponsive(redis, probe, () =>
    logger.warn('redis stopped answering; reconnecting'),
  );
  options.onClient?.(redis);
  // Subscribed connections can do nothing else: events get a client of their own.
  const subscriber: Redis = createRedisClient(connection, 'nexus-events');
  subscriber.on('error', (error: Error) =>
    logger.warn({ err: error.message }, 'redis subscriber error'),
  );
  logger.info(
    { redis: describeConnection(connection), prefix: options.keyPrefix },
    'storage: Redis',
  );
  redis.on('error', (error: Error) =>
    logger.warn({ err: error.message }, 'redis connection error'),
  );
  const keys = new RedisKeys(options.keyPrefix);
  const events = new RedisEventBus(
    redis,
    subscriber,
    keys,
    options.clock,
    options.events,
    options.eventObserver,
    options.listensToEvents ?? true,
  );
  // Cancels are heard on the events' subscriber connection: one subscription per instance.
  const cancels = new RedisCancelBroadcast(redis, subscriber, keys, (error) =>
    logger.warn({ err: error }, 'could not subscribe to cancel requests again'),
  );
  const isUnavailable = (error: unknown) => isConnectionError(error) || redis.status !== 'ready';
  return {
    kind: 'redis',
    patterns: new RedisPatternStore(redis, keys),
    graph: new RedisGraphStore(redis, keys),
    executions: new RedisExecutionStore(redis, keys),
    kv: new RedisKeyValueSpace(redis, keys),
    audit: new RedisAuditLog(redis, keys, options.auditLogLength),
    events,
    cancels,
    health: redisStoreHealth(redis, isUnavailable),
    schedules: new RedisScheduleStore(redis, keys),
    rateLimiter: (name, { points, windowSeconds }) =>
      new RedisRateLimiter(redis, keys.rateLimit(name), points, windowSeconds),
    start: async () => {
      await Promise.all([events.start(), cancels.start()]);
    },
    isReady: () => isRedisReachable(redis),
    isUnavailable,
    onReconnect: (listener) => redis.on('ready', listener),
    close: async () => {
      stopWatching();
      redis.removeAllListeners('ready');
      await Promise.all([
        redis.quit().catch(() => redis.disconnect()),
        probe.quit().catch(() => probe.disconnect()),
        subscriber.quit().catch(() => subscriber.disconnect()),
      ]);
    },
  };
}

function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** Where the storage connects, for the log: no password, the sentinels when there are some. */
function describeConnection(connection: RedisConnection | string): string {
  if (typeof connection === 'string') return redactUrl(connection);
  const url = connection.url === undefined ? undefined : redactUrl(connection.url);
  const sentinel = connection.sentinel;
  if (sentinel === undefined) return url ?? 'redis://127.0.0.1:6379';
  const where = sentinel.sentinels.map(({ host, port }) => `${host}:${port}`).join(',');
  return `sentinel master "${sentinel.masterName}" via ${where}${url ? ` (${url})` : ''}`;
}
