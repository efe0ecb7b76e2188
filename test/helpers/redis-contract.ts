/** For contract suites on the Redis adapters: one redis-server per file, a fresh prefix per store. */
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { RedisKeys } from '../../src/infra/redis/keys.js';
import { deleteKeysWithPrefix, uniquePrefix } from './prefix.js';
import { type RedisServer, startRedisServer } from './redis-server.js';

export function useRedisForContracts(label: string) {
  let server: RedisServer;
  let redis: Redis;
  const prefixes: string[] = [];
  beforeAll(async () => {
    server = await startRedisServer();
    redis = new Redis(server.url);
  });
  afterEach(async () => {
    for (const prefix of prefixes.splice(0)) await deleteKeysWithPrefix(redis, prefix);
  });
  afterAll(async () => {
    await redis.quit();
    await server.stop();
  });
  /**
   * The shared client and keys under a prefix of their own, removed after the test, and the
   * server's URL for adapters that open their own connections.
   */
  return () => {
    const prefix = uniquePrefix(label);
    prefixes.push(prefix);
    return { redis, keys: new RedisKeys(prefix), url: server.url };
  };
}
