/**
 * The Redis connection options BullMQ's queues and workers are built from: the app's own
 * (`redisConnectionOptions`: URL, TLS with its CA, Sentinel), with what BullMQ needs on top.
 */
import type { RedisOptions } from 'ioredis';

/**
 * For a Queue (enqueue, remove, counts, job schedulers): commands fail after a few reconnect
 * attempts, as the app's own, so an enqueue during an outage fails the request instead of
 * hanging it. `name` is shown by CLIENT LIST, e.g. "nexus-queue".
 */
export function queueConnection(base: RedisOptions, name: string): RedisOptions {
  return {
    ...base,
    connectionName: name,
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
export function workerConnection(base: RedisOptions, name: string): RedisOptions {
  return {
    ...base,
    connectionName: name,
    maxRetriesPerRequest: null,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(50 * 2 ** attempt, 2_000),
  };
}
