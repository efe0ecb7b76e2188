import { describe, expect, it } from 'vitest';
import {
  DURABLE_DEFAULTS,
  type Execution,
  pendingStep,
} from '../../src/domain/execution/execution.js';
import { RedisExecutionStore } from '../../src/infra/redis/redis-execution-store.js';
import { RedisPatternStore } from '../../src/infra/redis/redis-pattern-store.js';
import { makePattern, TEST_GENERATION } from '../helpers/patterns.js';
import { useRedisForContracts } from '../helpers/redis-contract.js';
import { describeExecutionStoreContract } from './execution-store.contract.js';

const fresh = useRedisForContracts('executions');

describeExecutionStoreContract('redis', async () => {
  const { redis, keys } = fresh();
  return {
    executions: new RedisExecutionStore(redis, keys),
    patterns: new RedisPatternStore(redis, keys),
  };
});

describe('execution store on redis: what expires', () => {
  it("gives a user's waiting runs the expiry of the furthest of their records, no key forever", async () => {
    const { redis, keys } = fresh();
    const store = new RedisExecutionStore(redis, keys);
    expect(await new RedisPatternStore(redis, keys).create(makePattern({ id: 'p' }))).toBe(true);
    const now = Date.now();
    const pending = (id: string): Execution => ({
      ...DURABLE_DEFAULTS,
      id,
      patternId: 'p',
      patternVersion: 1,
      status: 'PENDING',
      input: null,
      output: null,
      steps: [pendingStep('a')],
      createdAt: new Date(now).toISOString(),
      startedAt: null,
      finishedAt: null,
      durationMs: null,
      error: null,
      createdBy: 'alice',
      idempotencyKey: null,
      attempts: 0,
    });
    const start = (id: string, retentionSeconds: number) =>
      store.start(pending(id), {
        retentionSeconds,
        leaseUntilMs: now + 30_000,
        patternVersion: 1,
        patternGeneration: TEST_GENERATION,
        slot: null,
        idempotency: null,
        waiting: { limit: 10, checkSlot: false },
      });
    // A delayed run kept 10 days, then a queued one kept 1: the key lasts as the longer record.
    expect(await start('q-far', 10 * 86_400)).toEqual({ outcome: 'started' });
    expect(await start('q-near', 86_400)).toEqual({ outcome: 'started' });
    const waiting = keys.executionsWaiting('alice');
    const recordTtl = await redis.pttl(keys.execution('q-far'));
    const waitingTtl = await redis.pttl(waiting);
    expect(waitingTtl).toBeGreaterThan(0);
    expect(Math.abs(waitingTtl - recordTtl)).toBeLessThan(5_000);
  });
});
