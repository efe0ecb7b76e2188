/**
 * Ticks that fell due but were never handled (Redis out of reach, a tick given up on): the next
 * tick handled sees the gap and counts them as skipped, with how many, in the schedule's history.
 */
import { describe, expect, it } from 'vitest';
import type { NexusEventInput } from '../../src/domain/events/event.js';
import type { Execution } from '../../src/domain/execution/execution.js';
import { firstTickMs, type ScheduleTiming } from '../../src/domain/schedule/schedule.js';
import { ScheduleService } from '../../src/domain/schedule/schedule-service.js';
import { systemClock } from '../../src/domain/shared/clock.js';
import { MemoryAuditLog } from '../../src/infra/memory/memory-audit-log.js';
import { MemoryScheduleStore } from '../../src/infra/memory/memory-schedule-store.js';
import { MemoryScheduleTrigger } from '../../src/infra/memory/memory-schedule-trigger.js';
import { withOneDelayPattern } from '../helpers/patterns.js';

const alice = { id: 'alice', roles: [] };
const HOUR = 3_600_000;

async function setUp(timing: ScheduleTiming) {
  const { patterns } = await withOneDelayPattern(alice, 'mine');
  const trigger = new MemoryScheduleTrigger();
  const audit = new MemoryAuditLog(100);
  const published: NexusEventInput[] = [];
  let runs = 0;
  const service = new ScheduleService({
    store: new MemoryScheduleStore(),
    trigger,
    patterns,
    events: {
      publish: async (event: NexusEventInput) => {
        published.push(event);
      },
    },
    audit,
    clock: systemClock,
    fire: async () => ({ id: `x${++runs}` }) as Execution,
    maxPerUser: 20,
    maxInputBytes: 65_536,
  });
  const schedule = await service.schedule(alice, { patternId: 'mine', timing, input: null });
  return { service, schedule, audit, published, close: () => trigger.close() };
}

describe('ticks never handled', () => {
  it('are counted as skipped (missed) by the next tick handled, with how many', async () => {
    const { service, schedule, audit, published, close } = await setUp({
      kind: 'every',
      everyMs: HOUR,
    });
    const first = firstTickMs(schedule);
    // The first tick handled is the third: the two before it fell while nothing handled them.
    await service.handleTick(schedule.id, first + 2 * HOUR);
    expect(await service.get(alice, schedule.id)).toMatchObject({
      fireCount: 1,
      skipCount: 2,
      missedCount: 2,
      lastFire: { missed: 2, skipped: null },
    });
    await service.handleTick(schedule.id, first + 3 * HOUR);
    await service.handleTick(schedule.id, first + 7 * HOUR);
    expect(await service.get(alice, schedule.id)).toMatchObject({
      fireCount: 3,
      skipCount: 5,
      missedCount: 5,
      lastFire: { missed: 3 },
    });
    expect(published.map((event) => (event.payload as { missed: number }).missed)).toEqual([
      2, 0, 3,
    ]);
    const page = await audit.list({ actor: 'alice', action: null, before: null, limit: 100 });
    expect(page.items.map((entry) => [entry.action, entry.outcome])).toEqual([
      ['scheduleTicksMissed', '3 ticks missed'],
      ['scheduleTicksMissed', '2 ticks missed'],
    ]);
    await close();
  });

  it('counts the cron ticks between, in its time zone', async () => {
    const { service, schedule, close } = await setUp({
      kind: 'cron',
      cron: '0 * * * *',
      timezone: 'Europe/Paris',
    });
    const first = firstTickMs(schedule);
    await service.handleTick(schedule.id, first);
    await service.handleTick(schedule.id, first + 5 * HOUR);
    expect(await service.get(alice, schedule.id)).toMatchObject({
      fireCount: 2,
      skipCount: 4,
      missedCount: 4,
    });
    await close();
  });
});
