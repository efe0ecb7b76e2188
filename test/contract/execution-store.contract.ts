/**
 * The execution store's lifecycle on each adapter: a run starts only after its checks (pattern
 * version, idempotency key, run slot) and then is stored with its lease, all or nothing; its end
 * is recorded with the release of its lease, cancel request and run slot in one write; its step
 * results are kept apart from the record.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type Execution,
  pendingStep,
  type StepResult,
} from '../../src/domain/execution/execution.js';
import type { ExecutionStore, StartRequest } from '../../src/domain/execution/execution-store.js';
import type { Pattern } from '../../src/domain/pattern/pattern.js';
import type { PatternStore } from '../../src/domain/pattern/pattern-store.js';
import { executionAt } from '../helpers/executions.js';
import { makePattern, nextVersion, TEST_GENERATION } from '../helpers/patterns.js';

const at = Date.UTC(2026, 0, 1);

function running(id: string, createdBy: string): Execution {
  return executionAt(id, createdBy, at, { input: { n: 1 } });
}

/** A top-level start of version 1 for alice, with one slot, and the given overrides. */
const request = (overrides: Partial<StartRequest> = {}): StartRequest => ({
  retentionSeconds: 86_400 * 365 * 10,
  leaseUntilMs: at + 30_000,
  patternVersion: 1,
  patternGeneration: TEST_GENERATION,
  slot: { userId: 'alice', limit: 1, nowMs: at },
  idempotency: null,
  ...overrides,
});

export interface ExecutionStores {
  executions: ExecutionStore;
  /** Where the current pattern versions the execution store checks are kept. */
  patterns: PatternStore;
}

export function describeExecutionStoreContract(
  adapter: string,
  makeStores: () => Promise<ExecutionStores>,
) {
  describe(`execution store contract: ${adapter}`, () => {
    let store: ExecutionStore;
    let patterns: PatternStore;
    beforeEach(async () => {
      ({ executions: store, patterns } = await makeStores());
      expect(await patterns.create(makePattern({ id: 'p' }))).toBe(true);
    });
    const statusIs = (status: Execution['status']) =>
      store
        .list({ patternId: 'p', status, createdBy: null, after: null, limit: 10 })
        .then((page) => page.items.map((item) => item.id));

    it('starts a run with its lease, listed under its status', async () => {
      expect(await store.start(running('x1', 'alice'), request())).toEqual({
        outcome: 'started',
      });
      const [found] = await store.getMany(['x1']);
      expect(found).toMatchObject({ id: 'x1', status: 'RUNNING', input: { n: 1 } });
      expect(found?.steps.map((step) => step.status)).toEqual(['PENDING']);
      expect(await statusIs('RUNNING')).toEqual(['x1']);
      expect(await store.expiredLeases(at + 29_999)).toEqual([]);
      expect(await store.expiredLeases(at + 30_001)).toEqual(['x1']);
      expect(await store.leaseExpired('x1', at + 29_999)).toBe(false);
      expect(await store.leaseExpired('x1', at + 30_001)).toBe(true);
      expect(await store.leaseExpired('x-none', at + 30_001)).toBe(false);
    });

    it("counts an end in its pattern's statistics with its record: once, and only the end that lands", async () => {
      const counted = { generation: TEST_GENERATION };
      const stats = async () => (await patterns.getStats(['p']))[0];
      const run = running('x1', 'alice');
      await store.start(run, request());
      const ended: Execution = { ...run, status: 'SUCCEEDED', durationMs: 7 };
      expect(await store.finish(ended, 'RUNNING', 'alice', 'end-1', counted)).toBe(true);
      expect(await stats()).toEqual({ usageCount: 1, successCount: 1, totalDurationMs: 7 });
      // A retry of the end that landed, another writer's end, an end not asked to count.
      expect(await store.finish(ended, 'RUNNING', 'alice', 'end-1', counted)).toBe(true);
      expect(await store.finish(ended, 'RUNNING', 'alice', 'end-2', counted)).toBe(false);
      const other = running('x2', 'bob');
      await store.start(other, request({ slot: null }));
      expect(await store.finish({ ...other, status: 'FAILED' }, 'RUNNING', null)).toBe(true);
      expect(await stats()).toEqual({ usageCount: 1, successCount: 1, totalDurationMs: 7 });
      // A run of a generation the pattern is no longer in lands, uncounted.
      const stale = running('x3', 'carol');
      await store.start(stale, request({ slot: null }));
      const failed: Execution = { ...stale, status: 'FAILED', durationMs: 3 };
      expect(await store.finish(failed, 'RUNNING', null, 'end-3', { generation: 'g-gone' })).toBe(
        true,
      );
      expect(await stats()).toEqual({ usageCount: 1, successCount: 1, totalDurationMs: 7 });
      const counting = running('x4', 'dave');
      await store.start(counting, request({ slot: null }));
      const last: Execution = { ...counting, status: 'FAILED', durationMs: 2 };
      expect(await store.finish(last, 'RUNNING', null, 'end-4', { generation: null })).toBe(true);
      expect(await stats()).toEqual({ usageCount: 2, successCount: 1, totalDurationMs: 9 });
    });

    it('refuses a version that is no longer current, or a deleted pattern, and writes nothing', async () => {
      const p = (await patterns.get('p')) as Pattern;
      const p2 = nextVersion(p);
      expect(await patterns.update(p, p2)).toBe('ok');
      expect(await store.start(running('x1', 'alice'), request())).toEqual({ outcome: 'stale' });
      expect(await store.start(running('x2', 'alice'), request({ patternVersion: 2 }))).toEqual({
        outcome: 'started',
      });
      expect(await patterns.delete(p2)).toBe('ok');
      expect(await store.start(running('x3', 'bob'), request({ patternVersion: 2 }))).toEqual({
        outcome: 'stale',
      });
      expect(await store.getMany(['x1', 'x3'])).toEqual([null, null]);
      expect(await statusIs('RUNNING')).toEqual(['x2']);
    });

    it('refuses the same version number of a pattern deleted and created again', async () => {
      const p = (await patterns.get('p')) as Pattern;
      expect(await patterns.delete(p)).toBe('ok');
      expect(await patterns.create(makePattern({ id: 'p', generation: 'g-again' }))).toBe(true);
      expect(await store.start(running('x1', 'alice'), request())).toEqual({ outcome: 'stale' });
      expect(
        await store.start(running('x2', 'alice'), request({ patternGeneration: 'g-again' })),
      ).toEqual({ outcome: 'started' });
      expect(await store.getMany(['x1'])).toEqual([null]);
    });

    it('refuses a run past its user slots and writes nothing, not even its key', async () => {
      const once = { key: 'k1', ttlSeconds: 60 };
      expect((await store.start(running('x1', 'alice'), request())).outcome).toBe('started');
      expect(await store.start(running('x2', 'alice'), request({ idempotency: once }))).toEqual({
        outcome: 'limit',
      });
      expect(await store.getMany(['x2'])).toEqual([null]);
      expect(await store.expiredLeases(at + 60_000)).toEqual(['x1']);
      // Another user has slots of their own; the key was not taken by the refused run.
      const bob = { userId: 'bob', limit: 1, nowMs: at };
      expect(
        await store.start(running('x3', 'bob'), request({ slot: bob, idempotency: once })),
      ).toEqual({ outcome: 'started' });
    });

    it('returns the run remembered for an idempotency key without taking a slot', async () => {
      const once = { key: 'k1', ttlSeconds: 60 };
      expect(
        (await store.start(running('x1', 'alice'), request({ idempotency: once }))).outcome,
      ).toBe('started');
      // alice's only slot is taken, yet the same key answers with the first run.
      expect(await store.start(running('x2', 'alice'), request({ idempotency: once }))).toEqual({
        outcome: 'duplicate',
        executionId: 'x1',
      });
      expect(await store.getMany(['x2'])).toEqual([null]);
      // Keys are per user: bob's equal key is another key.
      const bob = { userId: 'bob', limit: 1, nowMs: at };
      expect(
        await store.start(running('x3', 'bob'), request({ slot: bob, idempotency: once })),
      ).toEqual({ outcome: 'started' });
      expect(await store.rememberedRun('p', 'alice', 'k1')).toBe('x1');
      expect(await store.rememberedRun('p', 'bob', 'k1')).toBe('x3');
      expect(await store.rememberedRun('p', 'alice', 'k2')).toBeNull();
      expect(await store.rememberedRun('other', 'alice', 'k1')).toBeNull();
    });

    it("records the end with its steps, and releases the lease, the cancel request and the user's slot", async () => {
      const now = Date.now();
      const slot = { userId: 'alice', limit: 1, nowMs: now };
      expect(
        await store.start(running('x1', 'alice'), request({ slot, leaseUntilMs: now + 60_000 })),
      ).toEqual({ outcome: 'started' });
      await store.requestCancel('x1');
      const step: StepResult = {
        stepId: 'a',
        status: 'SUCCEEDED',
        attempts: 1,
        startedAt: new Date(at).toISOString(),
        finishedAt: new Date(at + 5).toISOString(),
        durationMs: 5,
        output: { ok: true },
        error: null,
      };
      await store.saveSteps('x1', 1, [step]);
      const ended: Execution = {
        ...running('x1', 'alice'),
        status: 'SUCCEEDED',
        steps: [step],
        output: { a: { ok: true } },
        finishedAt: new Date(at + 6).toISOString(),
        durationMs: 6,
      };
      await store.finish(ended, 'RUNNING', 'alice');
      const [found] = await store.getMany(['x1']);
      expect(found).toEqual(ended);
      expect(await statusIs('RUNNING')).toEqual([]);
      expect(await statusIs('SUCCEEDED')).toEqual(['x1']);
      expect(await store.expiredLeases(now + 120_000)).toEqual([]);
      expect(await store.isCancelRequested('x1')).toBe(false);
      // The slot went with the end: the user's only slot is free again.
      expect((await store.start(running('x2', 'alice'), request({ slot }))).outcome).toBe(
        'started',
      );
    });

    it("keeps each step's transition numbers through saveSteps and finish", async () => {
      const now = Date.now();
      const slot = { userId: 'alice', limit: 1, nowMs: now };
      const started = { ...running('x1', 'alice'), steps: [pendingStep('a'), pendingStep('b')] };
      await store.start(started, request({ slot, leaseUntilMs: now + 60_000 }));
      const iso = new Date(at).toISOString();
      const a: StepResult = {
        ...pendingStep('a'),
        status: 'RUNNING',
        attempts: 1,
        startedAt: iso,
        transitions: { start: 1, settle: null, rollback: null },
      };
      await store.saveSteps('x1', 1, [a]);
      const [midway] = await store.getMany(['x1']);
      expect(midway?.steps).toEqual([a, pendingStep('b')]);
      const undone: StepResult = {
        ...a,
        status: 'ROLLED_BACK',
        finishedAt: iso,
        durationMs: 0,
        transitions: { start: 1, settle: 2, rollback: 4 },
      };
      const skipped: StepResult = {
        ...pendingStep('b'),
        status: 'SKIPPED',
        transitions: { start: null, settle: 3, rollback: null },
      };
      await store.saveSteps('x1', 1, [undone, skipped]);
      const ended: Execution = {
        ...started,
        status: 'FAILED',
        steps: [undone, skipped],
        finishedAt: iso,
        durationMs: 0,
        error: 'no',
      };
      await store.finish(ended, 'RUNNING', 'alice');
      const [found] = await store.getMany(['x1']);
      expect(found).toEqual(ended);
      expect(found?.steps.map((step) => step.transitions)).toEqual([
        { start: 1, settle: 2, rollback: 4 },
        { start: null, settle: 3, rollback: null },
      ]);
    });

    it('pages through many runs newest first, ties by id, with the same counts on every page', async () => {
      // 40 runs: 25 at one instant (ties longer than a page, and than a read chunk), 15 later.
      const ids: string[] = [];
      for (let i = 0; i < 40; i++) {
        const id = `r${String(i).padStart(2, '0')}`;
        const run = running(id, i % 2 === 0 ? 'alice' : 'bob');
        if (i >= 25) run.createdAt = new Date(at + i * 1000).toISOString();
        expect((await store.start(run, request({ slot: null }))).outcome).toBe('started');
        ids.push(id);
      }
      await store.finish({ ...running('r03', 'bob'), status: 'FAILED' }, 'RUNNING', null);
      const newestFirst = [...ids.slice(25).reverse(), ...ids.slice(0, 25).reverse()];
      const pages = async (query: {
        status: Execution['status'] | null;
        createdBy: string | null;
      }) => {
        const seen: string[] = [];
        let after: { createdAtMs: number; id: string } | null = null;
        for (;;) {
          const page = await store.list({ patternId: 'p', ...query, after, limit: 4 });
          expect(page.countBefore).toBe(seen.length);
          seen.push(...page.items.map((item) => item.id));
          expect(page.hasMore).toBe(seen.length < page.totalCount);
          const last = page.items.at(-1);
          if (!page.hasMore || !last) return { seen, total: page.totalCount };
          after = { createdAtMs: Date.parse(last.createdAt), id: last.id };
        }
      };
      expect(await pages({ status: null, createdBy: null })).toEqual({
        seen: newestFirst,
        total: 40,
      });
      const ofBob = newestFirst.filter((id) => Number(id.slice(1)) % 2 === 1);
      expect(await pages({ status: null, createdBy: 'bob' })).toEqual({ seen: ofBob, total: 20 });
      expect(await pages({ status: 'RUNNING', createdBy: null })).toEqual({
        seen: newestFirst.filter((id) => id !== 'r03'),
        total: 39,
      });
    });

    it('leaves slots alone when the run held none (a child run)', async () => {
      expect((await store.start(running('parent', 'alice'), request())).outcome).toBe('started');
      expect((await store.start(running('child', 'alice'), request({ slot: null }))).outcome).toBe(
        'started',
      );
      await store.finish({ ...running('child', 'alice'), status: 'FAILED' }, 'RUNNING', null);
      expect((await store.start(running('other', 'alice'), request())).outcome).toBe('limit');
      expect(await statusIs('FAILED')).toEqual(['child']);
    });

    describe('durable runs: claims and fencing', () => {
      const claimOf = (execution: Execution, expected: number, nowMs: number) => ({
        execution: { ...execution, status: 'RUNNING' as const, attempts: expected + 1 },
        expectedAttempts: expected,
        previousStatus: execution.status,
        leaseUntilMs: nowMs + 30_000,
        nowMs,
        slot: { userId: execution.createdBy, limit: 1 },
      });
      const step = (status: StepResult['status'], attempts = 1): StepResult => ({
        ...pendingStep('a'),
        status,
        attempts,
      });

      it('gives a run whose lease ran out to exactly one of two concurrent claimers', async () => {
        const now = Date.now();
        const run = running('x1', 'alice');
        await store.start(run, request({ leaseUntilMs: now - 1, slot: null }));
        const outcomes = await Promise.all([
          store.claim({
            ...claimOf(run, 1, now),
            execution: { ...run, attempts: 2, instance: 'a' },
          }),
          store.claim({
            ...claimOf(run, 1, now),
            execution: { ...run, attempts: 2, instance: 'b' },
          }),
        ]);
        expect(outcomes.filter((o) => o === 'claimed')).toHaveLength(1);
        expect(outcomes.filter((o) => o !== 'claimed')[0]).toMatch(/^(live|lost)$/);
        const [found] = await store.getMany(['x1']);
        expect(found?.attempts).toBe(2);
        expect(['a', 'b']).toContain(found?.instance);
        // Its lease is the claimer's now: nobody else can take it.
        expect(await store.expiredLeases(now)).toEqual([]);
        expect(await store.claim(claimOf(run, 1, now))).toBe('lost');
        expect(await store.claim(claimOf({ ...run, attempts: 2 }, 2, now))).toBe('live');
      });

      it("refuses a live run's claim, and the former owner's writes once it was taken over", async () => {
        const now = Date.now();
        const run = running('x1', 'alice');
        await store.start(run, request({ leaseUntilMs: now + 60_000 }));
        expect(await store.claim(claimOf(run, 1, now))).toBe('live');
        expect(await store.renewLease('x1', 1, now - 1)).toBe(true);
        expect(await store.claim(claimOf(run, 1, now))).toBe('claimed');
        // The former owner (attempts 1) is fenced: nothing it writes lands.
        expect(await store.saveSteps('x1', 1, [step('FAILED')])).toBe(false);
        expect(await store.renewLease('x1', 1, now + 90_000)).toBe(false);
        expect(await store.finish({ ...run, status: 'FAILED' }, 'RUNNING', 'alice')).toBe(false);
        let [found] = await store.getMany(['x1']);
        expect(found).toMatchObject({ status: 'RUNNING', attempts: 2 });
        expect(found?.steps[0]?.status).toBe('PENDING');
        // The new owner's do.
        const done: StepResult = { ...step('SUCCEEDED', 2), undo: { restore: [] } };
        expect(await store.saveSteps('x1', 2, [done])).toBe(true);
        const ended: Execution = { ...run, attempts: 2, status: 'SUCCEEDED', steps: [done] };
        expect(await store.finish(ended, 'RUNNING', 'alice', 'end-1')).toBe(true);
        [found] = await store.getMany(['x1']);
        expect(found).toEqual(ended);
        expect(await statusIs('SUCCEEDED')).toEqual(['x1']);
        // The same end again (a retry of a write that landed but whose reply was lost) is
        // answered as recorded; another writer's end, even alike, is refused.
        expect(await store.finish(ended, 'RUNNING', 'alice', 'end-1')).toBe(true);
        expect(await store.finish(ended, 'RUNNING', 'alice', 'end-2')).toBe(false);
        expect(await store.finish(ended, 'RUNNING', 'alice')).toBe(false);
        const other: Execution = { ...ended, status: 'FAILED', error: 'late' };
        expect(await store.finish(other, 'RUNNING', 'alice', 'end-3')).toBe(false);
        expect((await store.getMany(['x1']))[0]).toEqual(ended);
        // An ended run is claimed by nobody, whatever they read before.
        expect(await store.claim(claimOf(run, 2, now + 120_000))).toBe('lost');
        expect(await store.claim(claimOf(run, 1, now))).toBe('lost');
      });

      it('stores PENDING runs without lease or slot; the claim takes the slot, or says limit', async () => {
        const now = Date.now();
        const pending: Execution = { ...running('q1', 'alice'), status: 'PENDING', attempts: 0 };
        const waiting = { limit: 2, checkSlot: false };
        expect(await store.start(pending, request({ slot: null, waiting }))).toEqual({
          outcome: 'started',
        });
        expect(await statusIs('PENDING')).toEqual(['q1']);
        expect(await store.expiredLeases(now + 3_600_000)).toEqual([]);
        const second = { ...pending, id: 'q2' };
        expect((await store.start(second, request({ slot: null, waiting }))).outcome).toBe(
          'started',
        );
        const third = { ...pending, id: 'q3' };
        expect((await store.start(third, request({ slot: null, waiting }))).outcome).toBe(
          'waiting',
        );
        // The one slot is alice's running run's: a queued start that checks slots hears at once.
        const slot = { userId: 'alice', limit: 1, nowMs: now };
        await store.start(running('r1', 'alice'), request({ slot, leaseUntilMs: now + 60_000 }));
        const checked = { limit: 5, checkSlot: true };
        expect(
          (await store.start({ ...pending, id: 'q4' }, request({ slot, waiting: checked })))
            .outcome,
        ).toBe('limit');
        expect(await store.claim(claimOf(pending, 0, now))).toBe('limit');
        await store.finish({ ...running('r1', 'alice'), status: 'SUCCEEDED' }, 'RUNNING', 'alice');
        expect(await store.claim(claimOf(pending, 0, now))).toBe('claimed');
        expect(await statusIs('RUNNING')).toEqual(['q1']);
        expect((await store.start(third, request({ slot: null, waiting }))).outcome).toBe(
          'started',
        );
        // Claimed: it holds alice's slot and a lease.
        expect((await store.start(running('r2', 'alice'), request({ slot }))).outcome).toBe(
          'limit',
        );
        expect(await store.expiredLeases(now + 3_600_000)).toEqual(['q1']);
      });

      it('ends a PENDING run at once, unless it was claimed meanwhile', async () => {
        const now = Date.now();
        const pending: Execution = { ...running('q1', 'alice'), status: 'PENDING', attempts: 0 };
        const waiting = { limit: 1, checkSlot: false };
        await store.start(pending, request({ slot: null, waiting }));
        await store.start(
          { ...pending, id: 'q2' },
          request({ slot: null, waiting: { limit: 2, checkSlot: false } }),
        );
        const cancelled: Execution = { ...pending, status: 'CANCELLED', error: 'cancelled' };
        expect(await store.finishPending(cancelled)).toBe(true);
        expect(await store.finishPending(cancelled)).toBe(false);
        expect((await store.getMany(['q1']))[0]).toEqual(cancelled);
        expect(await statusIs('CANCELLED')).toEqual(['q1']);
        expect(await store.claim(claimOf(pending, 0, now))).toBe('lost');
        expect(await store.claim(claimOf({ ...pending, id: 'q2' }, 0, now))).toBe('claimed');
        expect(await store.finishPending({ ...cancelled, id: 'q2' })).toBe(false);
        expect((await store.getMany(['q2']))[0]?.status).toBe('RUNNING');
        expect(await store.claim(claimOf({ ...pending, id: 'nope' }, 0, now))).toBe('gone');
      });

      it('claims with a kept version only while its pattern is in that generation', async () => {
        const now = Date.now();
        const pending: Execution = { ...running('q1', 'alice'), status: 'PENDING', attempts: 0 };
        const waiting = { limit: 5, checkSlot: false };
        for (const id of ['q1', 'q2', 'q3'])
          await store.start({ ...pending, id }, request({ slot: null, waiting }));
        const kept = (id: string, patternGeneration: string) => ({
          ...claimOf({ ...pending, id }, 0, now),
          patternGeneration,
        });
        expect(await store.claim(kept('q1', 'g-other'))).toBe('changed');
        expect((await store.getMany(['q1']))[0]).toMatchObject({ status: 'PENDING', attempts: 0 });
        expect(await store.claim(kept('q1', TEST_GENERATION))).toBe('claimed');
        // A new version keeps the generation; a delete, or a delete and a create, does not.
        const p = (await patterns.get('p')) as Pattern;
        const p2 = nextVersion(p);
        expect(await patterns.update(p, p2)).toBe('ok');
        await store.finish({ ...pending, status: 'SUCCEEDED', attempts: 1 }, 'RUNNING', 'alice');
        expect(await store.claim(kept('q2', TEST_GENERATION))).toBe('claimed');
        expect(await patterns.delete(p2)).toBe('ok');
        expect(await store.claim(kept('q3', TEST_GENERATION))).toBe('changed');
        expect(await patterns.create(makePattern({ id: 'p', generation: 'g-again' }))).toBe(true);
        expect(await store.claim(kept('q3', TEST_GENERATION))).toBe('changed');
        expect(await statusIs('PENDING')).toEqual(['q3']);
      });

      it('claims with a kept version checked as the current one only while the pattern is at it', async () => {
        const now = Date.now();
        const pending: Execution = { ...running('q1', 'alice'), status: 'PENDING', attempts: 0 };
        const waiting = { limit: 5, checkSlot: false };
        for (const id of ['q1', 'q2', 'q3'])
          await store.start({ ...pending, id }, request({ slot: null, waiting }));
        const current = (
          id: string,
          patternVersion: number,
          patternGeneration = TEST_GENERATION,
        ) => ({
          ...claimOf({ ...pending, id }, 0, now),
          patternGeneration,
          patternVersion,
        });
        expect(await store.claim(current('q1', 1))).toBe('claimed');
        await store.finish({ ...pending, status: 'SUCCEEDED', attempts: 1 }, 'RUNNING', 'alice');
        const p = (await patterns.get('p')) as Pattern;
        const p2 = nextVersion(p);
        expect(await patterns.update(p, p2)).toBe('ok');
        // A new version: refused, nothing written; the generation is checked first.
        expect(await store.claim(current('q2', 1))).toBe('moved');
        expect((await store.getMany(['q2']))[0]).toMatchObject({ status: 'PENDING', attempts: 0 });
        expect(await store.claim(current('q2', 1, 'g-other'))).toBe('changed');
        expect(await store.claim(current('q2', 2))).toBe('claimed');
        expect(await patterns.delete(p2)).toBe('ok');
        expect(await store.claim(current('q3', 2))).toBe('changed');
        expect(await statusIs('PENDING')).toEqual(['q3']);
      });

      it('gives a run to exactly one of 50 concurrent claimers, and its end to one finisher', async () => {
        const now = Date.now();
        const run = running('many', 'alice');
        await store.start(run, request({ leaseUntilMs: now - 1, slot: null }));
        const outcomes = await Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            store.claim({
              ...claimOf(run, 1, now),
              execution: { ...run, attempts: 2, instance: `i${i}` },
              slot: { userId: 'alice', limit: 100 },
            }),
          ),
        );
        expect(outcomes.filter((o) => o === 'claimed')).toHaveLength(1);
        const winner = `i${outcomes.indexOf('claimed')}`;
        expect((await store.getMany(['many']))[0]?.instance).toBe(winner);
        // The former owner (1) and the winner (2) end it at once: only the winner's end lands.
        const ends = await Promise.all([
          store.finish({ ...run, status: 'FAILED', attempts: 1 }, 'RUNNING', 'alice'),
          store.finish({ ...run, status: 'SUCCEEDED', attempts: 2 }, 'RUNNING', 'alice'),
        ]);
        expect(ends).toEqual([false, true]);
        expect((await store.getMany(['many']))[0]?.status).toBe('SUCCEEDED');
        expect(await statusIs('SUCCEEDED')).toEqual(['many']);
        expect(await statusIs('FAILED')).toEqual([]);
      });

      it('counts a waiting run as long as its record is kept, even past the retention of others', async () => {
        const day = 86_400_000;
        const now = Date.now();
        const pendingAt = (id: string, createdMs: number): Execution => ({
          ...running(id, 'alice'),
          status: 'PENDING',
          attempts: 0,
          createdAt: new Date(createdMs).toISOString(),
        });
        const waiting = { limit: 1, checkSlot: false };
        // Delayed 29 days 8 days ago: its record is kept for the delay and a 7-day retention.
        const far = await store.start(
          pendingAt('far', now - 8 * day),
          request({ slot: null, waiting, retentionSeconds: (29 + 7) * 86_400 }),
        );
        expect(far.outcome).toBe('started');
        const next = await store.start(
          pendingAt('next', now),
          request({ slot: null, waiting, retentionSeconds: 7 * 86_400 }),
        );
        expect(next.outcome).toBe('waiting');
      });

      it('lets a claim and a cancel of a PENDING run race: exactly one wins', async () => {
        const now = Date.now();
        const waiting = { limit: 100, checkSlot: false };
        for (let i = 0; i < 20; i++) {
          const pending: Execution = {
            ...running(`race${i}`, 'alice'),
            status: 'PENDING',
            attempts: 0,
          };
          await store.start(pending, request({ slot: null, waiting }));
          const [claimed, cancelled] = await Promise.all([
            store.claim({ ...claimOf(pending, 0, now), slot: { userId: 'alice', limit: 100 } }),
            store.finishPending({ ...pending, status: 'CANCELLED', error: 'cancelled' }),
          ]);
          expect([claimed === 'claimed', cancelled]).toContainEqual(true);
          expect(claimed === 'claimed' && cancelled).toBe(false);
          const [found] = await store.getMany([pending.id]);
          expect(found?.status).toBe(cancelled ? 'CANCELLED' : 'RUNNING');
        }
      });
    });
  });
}
