import { Redis, type RedisOptions } from 'ioredis';

/**
 * ioredis client with the settings Nexus relies on: commands issued in the same tick share
 * one round trip (auto-pipelining), and while Redis is unreachable a command fails after a
 * couple of reconnect attempts instead of hanging the request.
 */
export function createRedisClient(url: string, name: string, overrides: RedisOptions = {}): Redis {
  return new Redis(url, {
    connectionName: name,
    enableAutoPipelining: true,
    maxRetriesPerRequest: 2,
    connectTimeout: 5_000,
    retryStrategy: (attempt) => Math.min(50 * 2 ** attempt, 2_000),
    ...overrides,
  });
}

/** True when Redis answers a PING within the timeout. */
export async function isRedisReachable(redis: Redis, timeoutMs = 1_000): Promise<boolean> {
  if (redis.status !== 'ready') return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([redis.ping().then((reply) => reply === 'PONG'), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
