/**
 * The execution store's lifecycle on each adapter: a run is stored with its lease, its end is
 * recorded with the release of its lease, cancel request and run slot in one write, and its step
 * results are kept apart from the record.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type Execution,
  pendingStep,
  type StepResult,
} from '../../src/domain/execution/execution.js';
import type { ExecutionStore } from '../../src/domain/execution/execution-store.js';

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
  };
}

const statusIs = (store: ExecutionStore, status: Execution['status']) =>
  store
    .list({ patternId: 'p', status, createdBy: null, after: null, limit: 10 })
    .then((page) => page.items.map((item) => item.id));

export function describeExecutionStoreContract(
  adapter: string,
  makeStore: () => Promise<ExecutionStore>,
) {
  describe(`execution store contract: ${adapter}`, () => {
    let store: ExecutionStore;
    beforeEach(async () => {
      store = await makeStore();
    });
    const stored = { retentionSeconds: 86_400 * 365 * 10, leaseUntilMs: at + 30_000 };

    it('stores a new run with its lease, listed under its status', async () => {
      await store.create(running('x1', 'alice'), stored);
      const [found] = await store.getMany(['x1']);
      expect(found).toMatchObject({ id: 'x1', status: 'RUNNING', input: { n: 1 } });
      expect(found?.steps.map((step) => step.status)).toEqual(['PENDING']);
      expect(await statusIs(store, 'RUNNING')).toEqual(['x1']);
      expect(await store.expiredLeases(at + 29_999)).toEqual([]);
      expect(await store.expiredLeases(at + 30_001)).toEqual(['x1']);
    });

    it("records the end with its steps, and releases the lease, the cancel request and the user's slot", async () => {
      const now = Date.now();
      expect(await store.acquireRunSlot('alice', 'x1', 1, now, now + 60_000)).toBe(true);
      await store.create(running('x1', 'alice'), stored);
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
      await store.saveSteps('x1', [step]);
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
      expect(await statusIs(store, 'RUNNING')).toEqual([]);
      expect(await statusIs(store, 'SUCCEEDED')).toEqual(['x1']);
      expect(await store.expiredLeases(at + 60_000)).toEqual([]);
      expect(await store.isCancelRequested('x1')).toBe(false);
      // The slot went with the end: the user's only slot is free again.
      expect(await store.acquireRunSlot('alice', 'x2', 1, now, now + 60_000)).toBe(true);
    });

    it('leaves slots alone when the run held none (a child run)', async () => {
      const now = Date.now();
      expect(await store.acquireRunSlot('alice', 'parent', 1, now, now + 60_000)).toBe(true);
      await store.create(running('child', 'alice'), stored);
      await store.finish({ ...running('child', 'alice'), status: 'FAILED' }, 'RUNNING', null);
      expect(await store.acquireRunSlot('alice', 'other', 1, now, now + 60_000)).toBe(false);
      expect(await statusIs(store, 'FAILED')).toEqual(['child']);
    });
  });
}
