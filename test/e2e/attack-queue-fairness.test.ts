/**
 * One user flooding the run queue, two worker processes' worth of BullMQ workers on one Redis:
 * the flooder holds at most their run slots across both workers, and another user's run is
 * handed out behind at most the jobs queued before it (counted in hand-outs, not time), while
 * the flood is still waiting.
 */
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import type { Execution } from '../../src/domain/execution/execution.js';
import { uniquePrefix } from '../helpers/prefix.js';
import { useRedisApps } from '../helpers/redis-app.js';
import { until } from '../helpers/until.js';

const redis = useRedisApps('attack-fairness');
const FLOOD = 30;
const SLOTS_PER_USER = 2;

describe('queue fairness across two workers', () => {
  it("one user's flood neither exceeds their slots nor holds another user's run back", async () => {
    const keyPrefix = uniquePrefix('attack-fairness');
    const overrides: Partial<Config> = {
      keyPrefix,
      workerConcurrency: 3,
      execution: { leaseMs: 1_000 } as Config['execution'],
      security: { maxConcurrentExecutionsPerUser: SLOTS_PER_USER } as Config['security'],
    };
    // Every hand-out of either worker, in order, with how many of alice's runs were running.
    const handOuts: string[] = [];
    const worker = () =>
      redis.app(
        { ...overrides, role: 'worker' },
        {
          runQueued: (services) => (run) => {
            handOuts.push(run.executionId);
            return services.executions.runQueued(run);
          },
        },
      );
    const api = await redis.app({ ...overrides, role: 'api' });
    await Promise.all([worker(), worker()]);
    const alice = { id: 'alice', roles: [] };
    const bob = { id: 'bob', roles: [] };
    const steps = [
      { id: 'w', type: 'DELAY', action: 'wait', parameters: { ms: 400 }, dependsOn: [] },
    ];
    for (const [owner, id] of [
      [alice, 'alice-slow'],
      [bob, 'bob-slow'],
    ] as const) {
      await api.services.patterns.create(owner, {
        id,
        name: id,
        origin: 'USER',
        category: 'USER',
        isActive: true,
        steps,
      } as never);
    }
    const run = (viewer: typeof alice, patternId: string) =>
      api.services.executions.execute(viewer, {
        patternId,
        input: null,
        mode: 'ASYNC',
        idempotencyKey: null,
      });
    const flood = await Promise.all(Array.from({ length: FLOOD }, () => run(alice, 'alice-slow')));
    expect(flood.every((execution) => execution.status === 'PENDING')).toBe(true);
    const queuedBefore = handOuts.length;
    const theirs = await run(bob, 'bob-slow');

    let mostRunning = 0;
    const read = async (ids: string[]) =>
      (await api.services.executions.getMany(alice, ids)).filter(
        (execution): execution is Execution => execution !== null,
      );
    const bobEnd = await until(
      async () => {
        const mine = await read(flood.map((execution) => execution.id));
        mostRunning = Math.max(mostRunning, mine.filter((e) => e.status === 'RUNNING').length);
        const [end] = await api.services.executions.getMany(bob, [theirs.id]);
        return end?.status === 'SUCCEEDED' ? { end, mine } : undefined;
      },
      { timeoutMs: 30_000, everyMs: 20, what: "bob's run" },
    );
    // Bob's run was handed out behind at most the flood queued before it (each refused at once
    // for want of a slot), and it ended while most of the flood still waited.
    const bobAt = handOuts.indexOf(theirs.id);
    expect(bobAt - queuedBefore).toBeLessThanOrEqual(FLOOD);
    const stillWaiting = bobEnd.mine.filter((e) => e.status === 'PENDING').length;
    expect(stillWaiting).toBeGreaterThan(FLOOD / 2);
    expect(mostRunning).toBeLessThanOrEqual(SLOTS_PER_USER);
  }, 60_000);
});
