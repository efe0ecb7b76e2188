/**
 * A tick handed out again after its run started (its record write failed: the store blinked)
 * finds that run: it is not charged to the owner's mutation rate a second time, and never
 * recorded as skipped LIMIT_EXCEEDED while its run goes on.
 */
import { describe, expect, it } from 'vitest';
import { NO_EVENTS } from '../../src/domain/events/event.js';
import type { Execution } from '../../src/domain/execution/execution.js';
import { ScheduleService } from '../../src/domain/schedule/schedule-service.js';
import { systemClock } from '../../src/domain/shared/clock.js';
import { MemoryAuditLog } from '../../src/infra/memory/memory-audit-log.js';
import { MemoryRateLimiter } from '../../src/infra/memory/memory-rate-limiter.js';
import { MemoryScheduleStore } from '../../src/infra/memory/memory-schedule-store.js';
import { MemoryScheduleTrigger } from '../../src/infra/memory/memory-schedule-trigger.js';
import { withOneDelayPattern } from '../helpers/patterns.js';

const alice = { id: 'alice', roles: [] };

describe('a tick handed out again after its run started', () => {
  it('finds that run: charged once, recorded as fired with it', async () => {
    const { patterns } = await withOneDelayPattern(alice, 'mine');
    const store = new MemoryScheduleStore();
    const trigger = new MemoryScheduleTrigger();
    // One point left: the first delivery spends it.
    const runRate = new MemoryRateLimiter(1, 60);
    const started = new Map<number, Execution>();
    const service = new ScheduleService({
      store,
      trigger,
      patterns,
      events: NO_EVENTS,
      audit: new MemoryAuditLog(100),
      clock: systemClock,
      runRate,
      fire: async (_schedule, _owner, tickMs) => {
        const execution = { id: `x${tickMs}` } as Execution;
        started.set(tickMs, execution);
        return execution;
      },
      startedRun: async (_schedule, _owner, tickMs) => started.get(tickMs) ?? null,
      maxPerUser: 20,
      maxInputBytes: 65_536,
    });
    const schedule = await service.schedule(alice, {
      patternId: 'mine',
      timing: { kind: 'every', everyMs: 3_600_000 },
      input: null,
    });
    const tickMs = Date.now();
    const recordFire = store.recordFire.bind(store);
    store.recordFire = async () => {
      throw new Error('Connection is closed');
    };
    await expect(service.handleTick(schedule.id, tickMs)).rejects.toThrow('Connection is closed');
    store.recordFire = recordFire;
    await service.handleTick(schedule.id, tickMs);
    expect(await service.get(alice, schedule.id)).toMatchObject({
      fireCount: 1,
      skipCount: 0,
      lastFire: { executionId: `x${tickMs}`, skipped: null },
      recentExecutionIds: [`x${tickMs}`],
    });
    expect(started.size).toBe(1);
    await trigger.close();
  });
});
