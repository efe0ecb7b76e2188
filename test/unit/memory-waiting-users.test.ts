/** The in-memory store forgets a user's waiting runs once none is left, however many users came. */
import { describe, expect, it } from 'vitest';
import { MemoryExecutionStore } from '../../src/infra/memory/memory-execution-store.js';
import { executionAt } from '../helpers/executions.js';
import { TEST_GENERATION } from '../helpers/patterns.js';

const at = Date.UTC(2026, 0, 1);

const queued = (id: string, createdBy: string) =>
  executionAt(id, createdBy, at, { status: 'PENDING', startedAt: null, attempts: 0 });

describe('MemoryExecutionStore waiting runs', () => {
  it('keeps no entry for a user whose waiting runs have all ended', async () => {
    const store = new MemoryExecutionStore(() => ({ version: 1, generation: TEST_GENERATION }));
    const waitingUsers = () => (store as unknown as { waiting: Map<string, unknown> }).waiting.size;
    const runs = Array.from({ length: 200 }, (_, i) => queued(`q${i}`, `user-${i % 100}`));
    for (const run of runs) {
      const started = await store.start(run, {
        retentionSeconds: 3600,
        leaseUntilMs: at + 30_000,
        patternVersion: 1,
        patternGeneration: TEST_GENERATION,
        slot: null,
        idempotency: null,
        waiting: { limit: 5, checkSlot: false },
      });
      expect(started.outcome).toBe('started');
    }
    expect(waitingUsers()).toBe(100);
    for (const run of runs.slice(0, 100)) {
      expect(await store.finishPending({ ...run, status: 'CANCELLED' })).toBe(true);
    }
    // Each user still has one run waiting.
    expect(waitingUsers()).toBe(100);
    for (const run of runs.slice(100)) {
      expect(await store.finishPending({ ...run, status: 'CANCELLED' })).toBe(true);
    }
    expect(waitingUsers()).toBe(0);
  });
});
