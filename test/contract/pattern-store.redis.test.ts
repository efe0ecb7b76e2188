import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { RedisKeys } from '../../src/infra/redis/keys.js';
import { RedisPatternStore } from '../../src/infra/redis/redis-pattern-store.js';
import { deleteKeysWithPrefix, uniquePrefix } from '../helpers/prefix.js';
import { type RedisServer, startRedisServer } from '../helpers/redis-server.js';
import { describePatternStoreContract } from './pattern-store.contract.js';

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

describePatternStoreContract('redis', async () => {
  const prefix = uniquePrefix('contract');
  prefixes.push(prefix);
  return new RedisPatternStore(redis, new RedisKeys(prefix));
});
