import type { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { RedisKeys } from '../../src/infra/redis/keys.js';
import { RedisCancelBroadcast } from '../../src/infra/redis/redis-cancel-broadcast.js';
import { uniquePrefix } from '../helpers/prefix.js';
import { useRedisForContracts } from '../helpers/redis-contract.js';
import { describeCancelBroadcastContract } from './cancel-broadcast.contract.js';

const fresh = useRedisForContracts('cancels');
const connections: Redis[] = [];
afterEach(() => {
  for (const connection of connections.splice(0)) connection.disconnect();
});

/** A broadcast as one instance holds it: the shared client, and a subscriber of its own. */
async function instance(redis: Redis, keys: RedisKeys) {
  const subscriber = redis.duplicate();
  connections.push(subscriber);
  const broadcast = new RedisCancelBroadcast(redis, subscriber, keys);
  await broadcast.start();
  return { broadcast, subscriber };
}

describeCancelBroadcastContract('redis', async () => {
  const { redis, keys } = fresh();
  const [here, there] = await Promise.all([instance(redis, keys), instance(redis, keys)]);
  return { here: here.broadcast, there: there.broadcast };
});

describe('RedisCancelBroadcast', () => {
  it('tells every watcher it may have missed a cancel once its lost subscription is back', async () => {
    const { redis } = fresh();
    const keys = new RedisKeys(uniquePrefix('cancels'));
    const subscriber = redis.duplicate();
    connections.push(subscriber);
    await subscriber.ping();
    const clientId = Number(await subscriber.client('ID'));
    const broadcast = new RedisCancelBroadcast(redis, subscriber, keys);
    await broadcast.start();
    const missed = new Promise<string>((resolve) => {
      broadcast.watch('x1', { cancelled: () => {}, missed: () => resolve('x1') });
    });
    await redis.client('KILL', 'ID', String(clientId));
    expect(await missed).toBe('x1');
    // Subscribed again: a cancel published now is heard.
    const heard = new Promise<void>((resolve) => {
      broadcast.watch('x2', { cancelled: resolve, missed: () => {} });
    });
    await broadcast.publish('x2');
    await heard;
  });
});
