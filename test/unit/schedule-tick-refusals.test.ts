/**
 * What a tick records when starting its run is refused after the tick's own checks passed (a
 * pattern changed in between): a refusal that says "not found" removes the schedule only when
 * the pattern is really gone.
 */
import { describe, expect, it } from 'vitest';
import { NO_EVENTS } from '../../src/domain/events/event.js';
import type { Execution } from '../../src/domain/execution/execution.js';
import { ScheduleService } from '../../src/domain/schedule/schedule-service.js';
import { systemClock } from '../../src/domain/shared/clock.js';
import { NotFoundError } from '../../src/domain/shared/errors.js';
import { MemoryAuditLog } from '../../src/infra/memory/memory-audit-log.js';
import { MemoryScheduleStore } from '../../src/infra/memory/memory-schedule-store.js';
import { MemoryScheduleTrigger } from '../../src/infra/memory/memory-schedule-trigger.js';
import { withOneDelayPattern } from '../helpers/patterns.js';

const alice = { id: 'alice', roles: [] };

async function setUp() {
  const { patterns } = await withOneDelayPattern(alice, 'mine');
  const store = new MemoryScheduleStore();
  const trigger = new MemoryScheduleTrigger();
  let fire: () => Promise<never> | Promise<Execution> = async () => {
    throw new Error('no fire set');
  };
  const audit = new MemoryAuditLog(100);
  const service = new ScheduleService({
    store,
    trigger,
    patterns,
    events: NO_EVENTS,
    audit,
    clock: systemClock,
    fire: () => fire(),
    maxPerUser: 20,
    maxInputBytes: 65_536,
  });
  const schedule = await service.schedule(alice, {
    patternId: 'mine',
    timing: { kind: 'every', everyMs: 3_600_000 },
    input: null,
  });
  return {
    patterns,
    audit,
    service,
    schedule,
    store,
    setFire: (next: () => Promise<never> | Promise<Execution>) => {
      fire = next;
    },
    close: () => trigger.close(),
  };
}

describe('a tick whose run is refused as not found', () => {
  it('keeps the schedule when the pattern is still there (changed meanwhile), removes it when gone', async () => {
    const { patterns, service, schedule, store, setFire, close } = await setUp();
    // Deactivated (or made unreadable) between the tick's checks and the start: "not found".
    setFire(async () => {
      throw new NotFoundError('Pattern', 'mine');
    });
    await service.handleTick(schedule.id, Date.now());
    const kept = await store.get(schedule.id);
    expect(kept).not.toBeNull();
    expect(kept?.lastFire?.skipped).toBe('PATTERN_NOT_READABLE');

    await patterns.delete(alice, 'mine');
    await service.handleTick(schedule.id, Date.now() + 1);
    expect(await store.get(schedule.id)).toBeNull();
    await close();
  });

  it('audits a streak of skipped ticks once, when it starts, not at every tick', async () => {
    const { patterns, audit, service, schedule, setFire, close } = await setUp();
    setFire(async () => ({ id: 'x-fired' }) as Execution);
    await patterns.update(alice, 'mine', { isActive: false } as never);
    const start = Date.now();
    for (let i = 1; i <= 5; i++) await service.handleTick(schedule.id, start + i);
    await patterns.update(alice, 'mine', { isActive: true } as never);
    await service.handleTick(schedule.id, start + 6);
    await patterns.update(alice, 'mine', { isActive: false } as never);
    for (let i = 7; i <= 9; i++) await service.handleTick(schedule.id, start + i);
    const page = await audit.list({ actor: 'alice', action: null, before: null, limit: 100 });
    expect(page.items.map((entry) => [entry.action, entry.outcome])).toEqual([
      ['scheduleFireSkipped', 'PATTERN_INACTIVE'],
      ['scheduleFireSkipped', 'PATTERN_INACTIVE'],
    ]);
    const record = await service.get(alice, schedule.id);
    expect(record).toMatchObject({ skipCount: 8, fireCount: 1 });
    await close();
  });
});
