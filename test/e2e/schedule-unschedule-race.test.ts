/**
 * unschedulePattern racing a tick already being handled: once the removal returned, the tick's
 * run is refused at its start (the start checks the schedule atomically), on both adapters.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type App, createStorage } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { NO_EVENTS } from '../../src/domain/events/event.js';
import { tickIdempotencyKey } from '../../src/domain/schedule/schedule.js';
import { ScheduleService } from '../../src/domain/schedule/schedule-service.js';
import type { ScheduleTrigger } from '../../src/domain/schedule/schedule-trigger.js';
import { systemClock } from '../../src/domain/shared/clock.js';
import type { Storage } from '../../src/domain/storage.js';
import { createTestApp } from '../helpers/app.js';
import { useRedisApps } from '../helpers/redis-app.js';

const redis = useRedisApps('unschedule-race');
const memoryApps: App[] = [];
afterEach(async () => {
  await Promise.all(memoryApps.splice(0).map((app) => app.stop()));
});

type Start = () => Promise<{ app: App; storage: Storage }>;
const withStorage = (overrides: Partial<Config>, into: { storage?: Storage }) => ({
  storage: (settings: Parameters<typeof createStorage>[0]) => {
    into.storage = createStorage(settings);
    return into.storage;
  },
  overrides,
});

const adapters: Array<[string, Start]> = [
  [
    'memory',
    async () => {
      const into: { storage?: Storage } = {};
      const app = createTestApp({}, { storage: withStorage({}, into).storage });
      memoryApps.push(app);
      await app.start(0);
      if (!into.storage) throw new Error('no storage');
      return { app, storage: into.storage };
    },
  ],
  [
    'redis',
    async () => {
      const into: { storage?: Storage } = {};
      const app = await redis.app({}, { storage: withStorage({}, into).storage });
      if (!into.storage) throw new Error('no storage');
      return { app, storage: into.storage };
    },
  ],
];

/** Ticks only when told (the test calls handleTick itself). */
const manualTrigger: ScheduleTrigger = {
  arm: async () => {},
  disarm: async () => true,
  work: async () => {},
  close: async () => {},
};

describe.each(adapters)('a tick racing unschedulePattern (%s)', (_name, start) => {
  it('starts no run once the removal returned true, and records nothing', async () => {
    const { app, storage } = await start();
    const alice = { id: 'alice', roles: [] };
    await app.services.patterns.create(alice, {
      id: 'raced',
      name: 'raced',
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
    const schedule = await app.services.schedules.schedule(alice, {
      patternId: 'raced',
      timing: { kind: 'every', everyMs: 3_600_000 },
      input: null,
    });
    let removed: boolean | null = null;
    // A second instance handling the tick: its checks passed, then the owner unschedules it
    // before the tick's run is started.
    const ticking = new ScheduleService({
      store: storage.schedules,
      trigger: manualTrigger,
      patterns: app.services.patterns,
      events: NO_EVENTS,
      audit: storage.audit,
      clock: systemClock,
      maxPerUser: 20,
      maxInputBytes: 65_536,
      fire: async (raced, owner, tickMs) => {
        removed = await app.services.schedules.unschedule(owner, raced.id);
        return app.services.executions.execute(owner, {
          patternId: raced.patternId,
          input: raced.input,
          mode: 'ASYNC',
          idempotencyKey: tickIdempotencyKey(raced.id, tickMs),
          startAt: null,
          scheduleId: raced.id,
        });
      },
    });
    await ticking.handleTick(schedule.id, Date.now());
    expect(removed).toBe(true);
    const runs = await app.services.executions.list(
      alice,
      { patternId: 'raced', status: null },
      10,
      null,
    );
    expect(runs.items).toEqual([]);
    expect(await storage.schedules.get(schedule.id)).toBeNull();
  });
});
