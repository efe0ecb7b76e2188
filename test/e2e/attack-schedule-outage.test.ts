import { describe, expect, it } from 'vitest';
import { firstTickMs } from '../../src/domain/schedule/schedule.js';
import { createTestApp } from '../helpers/app.js';
import { useOutageRedis } from '../helpers/outage-redis.js';
import { until } from '../helpers/until.js';

const redis = useOutageRedis('attack-schedule-outage');

describe('a schedule through a Redis outage', () => {
  it('resumes ticking once Redis is back, one run per tick, its counts true', async () => {
    const keyPrefix = redis.prefix();
    const app = redis.use(
      createTestApp({ redisUrl: redis.server.url, keyPrefix, redisCommandTimeoutMs: 500 }),
    );
    await app.start(0);
    const alice = { id: 'alice', roles: [] };
    const { patterns, schedules, executions } = app.services;
    await patterns.create(alice, {
      id: 'ticked',
      name: 'ticked',
      origin: 'USER',
      category: 'USER',
      isActive: true,
      steps: [
        {
          id: 'a',
          type: 'CACHE',
          action: 'set',
          parameters: { key: 'k', value: 'v' },
          dependsOn: [],
        },
      ],
    } as never);
    const schedule = await schedules.schedule(alice, {
      patternId: 'ticked',
      timing: { kind: 'every', everyMs: 1_000 },
      input: null,
    });
    const firedBefore = await until(
      async () => {
        const record = await schedules.get(alice, schedule.id);
        return record && record.fireCount >= 1 ? record.fireCount : undefined;
      },
      { timeoutMs: 10_000, what: 'a first tick' },
    );

    await redis.server.kill();
    // The outage spans several ticks (the scenario, not a synchronisation).
    const downUntil = Date.now() + 3_500;
    await until(() => Date.now() >= downUntil, { timeoutMs: 10_000, everyMs: 100 });
    await redis.server.start();

    const after = await until(
      async () => {
        const record = await schedules.get(alice, schedule.id).catch(() => null);
        return record && record.fireCount >= firedBefore + 2 ? record : undefined;
      },
      { timeoutMs: 30_000, everyMs: 100, what: 'ticks after the outage' },
    );
    const page = await until(
      async () => {
        const listed = await executions.list(
          alice,
          { patternId: 'ticked', status: null },
          100,
          null,
        );
        return listed.items.every(({ item }) => item.status === 'SUCCEEDED') ? listed : undefined;
      },
      { what: 'every scheduled run ended' },
    );
    const keys = page.items.map(({ item }) => item.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
    for (const { item } of page.items) expect(item.scheduleId).toBe(schedule.id);
    // Each run counted once, none counted without a run (a tick may be recorded a moment later).
    const final = await schedules.get(alice, schedule.id);
    expect(final?.fireCount).toBeGreaterThanOrEqual(after.fireCount);
    expect(page.items.length).toBeGreaterThanOrEqual(final?.fireCount ?? 0);
    expect(page.items.length).toBeLessThanOrEqual((final?.fireCount ?? 0) + 1);
    // Every tick up to the latest recorded is accounted for: it started a run, or was skipped
    // (those that fell while Redis was down and were never handled counted as missed).
    const lastTickMs = final?.lastFire?.tickMs ?? 0;
    const ticks = (lastTickMs - firstTickMs(schedule)) / 1_000 + 1;
    expect((final?.fireCount ?? 0) + (final?.skipCount ?? 0)).toBe(ticks);
    expect(final?.skipCount).toBe(final?.missedCount);
    await schedules.unschedule(alice, schedule.id);
  }, 60_000);
});
