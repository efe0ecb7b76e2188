import type { Redis } from 'ioredis';
import { afterEach } from 'vitest';
import type { EventBusSettings } from '../../src/domain/events/event.js';
import { systemClock } from '../../src/domain/shared/clock.js';
import { RedisEventBus } from '../../src/infra/redis/redis-event-bus.js';
import { useRedisForContracts } from '../helpers/redis-contract.js';
import { CONTRACT_BUS_SETTINGS, describeEventBusContract } from './event-bus.contract.js';
import { describeEventDedupeContract } from './event-bus-dedupe.contract.js';

const fresh = useRedisForContracts('events');
const subscribers: Redis[] = [];
afterEach(() => {
  for (const subscriber of subscribers.splice(0)) subscriber.disconnect();
});

const makeBus = async (settings: Partial<EventBusSettings> = {}) => {
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
};

describeEventBusContract('redis', makeBus);
describeEventDedupeContract('redis', () => makeBus());
