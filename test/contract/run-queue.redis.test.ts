import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { BullmqRunQueue } from '../../src/infra/queue/bullmq-run-queue.js';
import { redisConnectionOptions } from '../../src/infra/redis/client.js';
import { RedisKeys } from '../../src/infra/redis/keys.js';
import { deleteKeysWithPrefix, uniquePrefix } from '../helpers/prefix.js';
import { type RedisServer, startRedisServer } from '../helpers/redis-server.js';
import { describeRunQueueContract } from './run-queue.contract.js';

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

describeRunQueueContract('bullmq', async () => {
  const prefix = uniquePrefix('runqueue');
  prefixes.push(prefix);
  return new BullmqRunQueue({
    connection: redisConnectionOptions(server.url),
    prefix: new RedisKeys(prefix).bullmqPrefix(),
  });
});
