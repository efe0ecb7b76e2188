import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { RedisKeys } from '../../src/infra/redis/keys.js';
import { RedisGraphStore } from '../../src/infra/redis/redis-graph-store.js';
import { deleteKeysWithPrefix, uniquePrefix } from '../helpers/prefix.js';
import { type RedisServer, startRedisServer } from '../helpers/redis-server.js';
import { describeGraphStoreContract } from './graph-store.contract.js';

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

describeGraphStoreContract('redis', async () => {
  const prefix = uniquePrefix('graph');
  prefixes.push(prefix);
  return new RedisGraphStore(redis, new RedisKeys(prefix));
});
