/** A publish that must land says so when it did not; a best-effort one resolves as before. */
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/domain/shared/clock.js';
import { EventBatchPublisher } from '../../src/infra/redis/event-batch-publisher.js';
import { RedisKeys } from '../../src/infra/redis/keys.js';
import { CONTRACT_BUS_SETTINGS } from '../contract/event-bus.contract.js';
import { freePort } from '../helpers/redis-server.js';

const clients: Redis[] = [];
afterAll(() => {
  for (const client of clients) client.disconnect();
});

describe('EventBatchPublisher while Redis is unreachable', () => {
  it('rejects a publish that must land, and resolves a best-effort one', async () => {
    // Nothing listens on the port: commands fail at once (no offline queue).
    const redis = new Redis({
      port: await freePort(),
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    redis.on('error', () => {});
    clients.push(redis);
    const failures: unknown[] = [];
    const publisher = new EventBatchPublisher(
      redis,
      new RedisKeys('test:must-land:'),
      systemClock,
      CONTRACT_BUS_SETTINGS,
      (error) => failures.push(error),
    );
    const [required, bestEffort] = await Promise.allSettled([
      publisher.publish({ type: 'CUSTOM', name: 'a' }, { mustLand: true, dedupeId: 'x/s' }),
      publisher.publish({ type: 'CUSTOM', name: 'b' }),
    ]);
    expect(required.status).toBe('rejected');
    expect(bestEffort.status).toBe('fulfilled');
    expect(failures).toHaveLength(1);
  });
});
