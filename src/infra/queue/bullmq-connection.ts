/**
 * The Redis connection options BullMQ's queues and workers are built from: the app's Redis (its
 * URL), with what BullMQ needs. The one place to switch to the shared connection options (e.g.
 * Sentinel, TLS settings) when the app's Redis client is built from more than a URL.
 */
import type { RedisOptions } from 'ioredis';

export interface BullmqConnectionSettings {
  url: string;
  /** Shown by CLIENT LIST, e.g. "nexus-queue". */
  name: string;
}

/** What a URL says (redis:// or rediss://, user, password, database) as ioredis options. */
export function redisOptionsFromUrl(url: string): RedisOptions {
  const parsed = new URL(url);
  const db = parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0;
  return {
    host: parsed.hostname || '127.0.0.1',
    port: parsed.port ? Number(parsed.port) : 6379,
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(Number.isInteger(db) && db > 0 ? { db } : {}),
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

/**
 * For a Queue (enqueue, remove, counts, job schedulers): commands fail after a few reconnect
 * attempts, as the app's own, so an enqueue during an outage fails the request instead of
 * hanging it.
 */
export function queueConnection(settings: BullmqConnectionSettings): RedisOptions {
  return {
    ...redisOptionsFromUrl(settings.url),
    connectionName: settings.name,
    maxRetriesPerRequest: 2,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(50 * 2 ** attempt, 2_000),
  };
}

/**
 * For a Worker: BullMQ requires `maxRetriesPerRequest: null` (its blocking fetch must wait
 * through reconnects, not fail), and keeps retrying the connection while Redis is away, so
 * that workers pause through an outage and go on after it.
 */
export function workerConnection(settings: BullmqConnectionSettings): RedisOptions {
  return {
    ...redisOptionsFromUrl(settings.url),
    connectionName: settings.name,
    maxRetriesPerRequest: null,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(50 * 2 ** attempt, 2_000),
  };
}
