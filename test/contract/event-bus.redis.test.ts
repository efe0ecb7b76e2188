import type { Redis } from 'ioredis';
import { afterEach } from 'vitest';
import { systemClock } from '../../src/domain/shared/clock.js';
import { RedisEventBus } from '../../src/infra/redis/redis-event-bus.js';
import { useRedisForContracts } from '../helpers/redis-contract.js';
import { CONTRACT_BUS_SETTINGS, describeEventBusContract } from './event-bus.contract.js';

const fresh = useRedisForContracts('events');
const subscribers: Redis[] = [];
afterEach(() => {
  for (const subscriber of subscribers.splice(0)) subscriber.disconnect();
});

describeEventBusContract('redis', async (settings) => {
  const { redis, keys } = fresh();
  // A subscribed connection can do nothing else: each bus gets its own.
  const subscriber = redis.duplicate();
  subscribers.push(subscriber);
  const bus = new RedisEventBus(
    redis,
    subscriber,
    keys,
    systemClock,
    { ...CONTRACT_BUS_SETTINGS, ...settings },
    {
      publishFailed: (error) => {
        throw error;
      },
    },
  );
  await bus.start();
  return bus;
});
