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
  type StepResult, DURABLE_DEFAULTS } from '../../src/domain/execution/execution.js';
import type { ExecutionStore, StartRequest } from '../../src/domain/execution/execution-store.js';
import type { Pattern } from '../../src/domain/pattern/pattern.js';
import type { PatternStore } from '../../src/domain/pattern/pattern-store.js';
import { makePattern, nextVersion, TEST_GENERATION } from '../helpers/patterns.js';

const at = Date.UTC(2026, 0, 1);

function running(id: string, createdBy: string): Execution {
  const iso = new Date(at).toISOString();
  return {
    id,
    patternId: 'p',
    patternVersion: 1,
    status: 'RUNNING',
    input: { n: 1 },
    output: null,
    steps: [pendingStep('a')],
    createdAt: iso,
    startedAt: iso,
    finishedAt: null,
    durationMs: null,
    error: null,
    createdBy,
    idempotencyKey: null,
    ...DURABLE_DEFAULTS,
  };
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
  });
}
