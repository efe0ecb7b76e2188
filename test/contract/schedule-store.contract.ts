/** What every ScheduleStore does (Redis, memory): run against both with the same cases. */
import { describe, expect, it } from 'vitest';
import type { Schedule, ScheduleFire } from '../../src/domain/schedule/schedule.js';
import type { ScheduleStore } from '../../src/domain/schedule/schedule-store.js';

let counter = 0;
function schedule(overrides: Partial<Schedule> = {}): Schedule {
  counter++;
  return {
    id: `s${String(counter).padStart(4, '0')}`,
    patternId: 'p1',
    patternGeneration: 'g1',
    ownerId: 'alice',
    ownerRoles: [],
    timing: { kind: 'every', everyMs: 1000 },
    input: { who: 'alice', nested: { list: [1, 2] } },
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, counter)).toISOString(),
    ...overrides,
  };
}

const fire = (tickMs: number, overrides: Partial<ScheduleFire> = {}): ScheduleFire => ({
  tickMs,
  at: new Date(tickMs + 5).toISOString(),
  executionId: `e${tickMs}`,
  skipped: null,
  ...overrides,
});

export function describeScheduleStoreContract(name: string, make: () => Promise<ScheduleStore>) {
  describe(`ScheduleStore contract: ${name}`, () => {
    it('stores a schedule and reads it back with an empty history', async () => {
      const store = await make();
      const cron = schedule({
        timing: { kind: 'cron', cron: '0 9 * * *', timezone: 'Asia/Tokyo' },
      });
      expect(await store.create(cron, 20)).toBe(true);
      expect(await store.get(cron.id)).toEqual({
        ...cron,
        lastFire: null,
        fireCount: 0,
        skipCount: 0,
        missedCount: 0,
        recentExecutionIds: [],
      });
      expect(await store.get('missing')).toBeNull();
    });

    it('refuses a schedule past the per-owner limit, writing nothing', async () => {
      const store = await make();
      expect(await store.create(schedule(), 2)).toBe(true);
      expect(await store.create(schedule(), 2)).toBe(true);
      const third = schedule();
      expect(await store.create(third, 2)).toBe(false);
      expect(await store.get(third.id)).toBeNull();
      expect(await store.create(schedule({ ownerId: 'bob' }), 2)).toBe(true);
      const all = await store.list({ ownerId: null, patternId: null, limit: 10, after: null });
      expect(all.totalCount).toBe(3);
    });

    it('records each tick once, in order, and keeps the latest executions', async () => {
      const store = await make();
      const s = schedule();
      await store.create(s, 20);
      expect(await store.recordFire(s.id, fire(1000))).toBe(true);
      expect(await store.recordFire(s.id, fire(1000))).toBe(false);
      expect(await store.recordFire(s.id, fire(500))).toBe(false);
      expect(
        await store.recordFire(
          s.id,
          fire(2000, { executionId: null, skipped: 'PATTERN_INACTIVE' }),
        ),
      ).toBe(true);
      for (let tick = 3000; tick < 3000 + 25_000; tick += 1000)
        await store.recordFire(s.id, fire(tick));
      const record = await store.get(s.id);
      expect(record?.fireCount).toBe(26);
      expect(record?.skipCount).toBe(1);
      expect(record?.lastFire).toEqual(fire(27_000));
      expect(record?.recentExecutionIds).toHaveLength(20);
      expect(record?.recentExecutionIds[0]).toBe('e27000');
      expect(await store.recordFire('missing', fire(1))).toBe(false);
    });

    it('counts the ticks a fire found missed as skipped, only from the latest tick recorded', async () => {
      const store = await make();
      const s = schedule();
      await store.create(s, 20);
      expect(await store.recordFire(s.id, fire(3000, { missed: 2 }), null)).toBe(true);
      // Counted from tick 1000, but 3000 was recorded meanwhile (and counted them): none added.
      expect(await store.recordFire(s.id, fire(4000, { missed: 2 }), 1000)).toBe(true);
      expect(await store.recordFire(s.id, fire(7000, { missed: 2 }), 4000)).toBe(true);
      const record = await store.get(s.id);
      expect(record).toMatchObject({ fireCount: 3, skipCount: 4, missedCount: 4 });
      expect(record?.lastFire?.missed).toBe(2);
      expect(await store.recordFire(s.id, fire(8000, { missed: 5 }), 1000)).toBe(true);
      expect((await store.get(s.id))?.lastFire?.missed).toBe(0);
    });

    it('deletes a schedule with its indexes and history', async () => {
      const store = await make();
      const s = schedule({ patternId: 'p-del' });
      await store.create(s, 1);
      await store.recordFire(s.id, fire(1000));
      expect(await store.delete(s.id)).toEqual(s);
      expect(await store.delete(s.id)).toBeNull();
      expect(await store.get(s.id)).toBeNull();
      expect(await store.idsOfPattern('p-del')).toEqual([]);
      expect(await store.recordFire(s.id, fire(2000))).toBe(false);
      // The owner's place is free again.
      expect(await store.create(schedule({ patternId: 'p-del' }), 1)).toBe(true);
    });

    it('lists newest first by owner and pattern, page after page', async () => {
      const store = await make();
      const made = [
        schedule({ ownerId: 'alice', patternId: 'pa' }),
        schedule({ ownerId: 'bob', patternId: 'pa' }),
        schedule({ ownerId: 'alice', patternId: 'pb' }),
        schedule({ ownerId: 'alice', patternId: 'pa' }),
      ];
      for (const s of made) await store.create(s, 20);
      const ids = async (ownerId: string | null, patternId: string | null) =>
        (await store.list({ ownerId, patternId, limit: 10, after: null })).items.map((s) => s.id);
      const [a1, b1, a2, a3] = made.map((s) => s.id);
      expect(await ids(null, null)).toEqual([a3, a2, b1, a1]);
      expect(await ids('alice', null)).toEqual([a3, a2, a1]);
      expect(await ids('alice', 'pa')).toEqual([a3, a1]);
      expect(await ids(null, 'pa')).toEqual([a3, b1, a1]);
      const first = await store.list({ ownerId: 'alice', patternId: null, limit: 2, after: null });
      expect(first).toMatchObject({ totalCount: 3, countBefore: 0, hasMore: true });
      const last = first.items[1] as Schedule;
      const second = await store.list({
        ownerId: 'alice',
        patternId: null,
        limit: 2,
        after: { ms: Date.parse(last.createdAt), id: last.id },
      });
      expect(second.items.map((s) => s.id)).toEqual([a1]);
      expect(second).toMatchObject({ totalCount: 3, countBefore: 2, hasMore: false });
      expect((await store.idsOfPattern('pa')).sort()).toEqual([a1, b1, a3].sort());
    });
  });
}
