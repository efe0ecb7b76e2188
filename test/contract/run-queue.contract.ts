/** What every RunQueue engine does (BullMQ, embedded): run against both with the same cases. */
import { afterEach, describe, expect, it } from 'vitest';
import type { QueuedRun } from '../../src/domain/execution/run-queue.js';
import type { RunWorkers } from '../../src/domain/queue/run-workers.js';
import { deferred, until } from '../helpers/until.js';

interface Taken {
  run: QueuedRun;
  atMs: number;
}

export function describeRunQueueContract(name: string, make: () => Promise<RunWorkers>) {
  describe(`RunQueue contract: ${name}`, () => {
    const open: RunWorkers[] = [];
    afterEach(async () => {
      for (const queue of open.splice(0)) await queue.close();
    });
    const fresh = async () => {
      const queue = await make();
      open.push(queue);
      return queue;
    };
    /** A worker that records what it took and settles at once. */
    const recording = async (queue: RunWorkers, concurrency = 4) => {
      const taken: Taken[] = [];
      await queue.work(
        async (run) => {
          taken.push({ run, atMs: Date.now() });
          return null;
        },
        { concurrency },
      );
      return taken;
    };

    it('hands a queued run to a worker once, with what was queued', async () => {
      const queue = await fresh();
      await queue.enqueue({ executionId: 'e1', notBeforeMs: null, attempt: 0 });
      expect(await queue.counts()).toEqual({ waiting: 1, delayed: 0, active: 0 });
      const taken = await recording(queue);
      await until(() => taken.length === 1);
      expect(taken[0]?.run).toEqual({ executionId: 'e1', notBeforeMs: null, attempt: 0 });
      await until(async () => (await queue.counts()).active === 0);
      expect(await queue.counts()).toEqual({ waiting: 0, delayed: 0, active: 0 });
    });

    it('queues one (executionId, attempt) once, before and after it was handed out', async () => {
      const queue = await fresh();
      const run = { executionId: 'e:1', notBeforeMs: null, attempt: 0 };
      await queue.enqueue(run);
      await queue.enqueue(run);
      const taken = await recording(queue);
      await until(() => taken.length === 1);
      await queue.enqueue(run);
      // A later attempt of the same run is a hand-out of its own; it comes after the repeat.
      await queue.enqueue({ ...run, attempt: 1 });
      await until(() => taken.length === 2);
      expect(taken.map((t) => t.run.attempt)).toEqual([0, 1]);
      expect(await queue.counts()).toMatchObject({ waiting: 0, delayed: 0 });
    });

    it('holds a delayed run until it is due', async () => {
      const queue = await fresh();
      const notBeforeMs = Date.now() + 400;
      await queue.enqueue({ executionId: 'late', notBeforeMs, attempt: 0 });
      await queue.enqueue({ executionId: 'now', notBeforeMs: null, attempt: 0 });
      expect(await queue.counts()).toEqual({ waiting: 1, delayed: 1, active: 0 });
      const taken = await recording(queue);
      await until(() => taken.length === 2);
      expect(taken.map((t) => t.run.executionId)).toEqual(['now', 'late']);
      // BullMQ promotes a delayed job by its own clock reading: a few ms of rounding.
      expect(taken[1]?.atMs).toBeGreaterThanOrEqual(notBeforeMs - 5);
    });

    it('removes a run no worker has taken, and only such a run', async () => {
      const queue = await fresh();
      await queue.enqueue({ executionId: 'gone', notBeforeMs: Date.now() + 200, attempt: 0 });
      await queue.enqueue({ executionId: 'kept', notBeforeMs: Date.now() + 400, attempt: 0 });
      expect(await queue.remove('gone', 0)).toBe(true);
      expect(await queue.remove('gone', 0)).toBe(false);
      expect(await queue.remove('never-queued', 0)).toBe(false);
      expect(await queue.remove('kept', 1)).toBe(false);
      const release = deferred();
      const taken: string[] = [];
      await queue.work(
        async (run) => {
          taken.push(run.executionId);
          await release.promise;
          return null;
        },
        { concurrency: 1 },
      );
      await until(() => taken.length === 1, { what: 'the kept run' });
      // Taken: no longer removable.
      expect(await queue.remove('kept', 0)).toBe(false);
      release.resolve();
      await until(async () => (await queue.counts()).active === 0);
      expect(taken).toEqual(['kept']);
    });

    it('hands a run out again after the retry-after its handler asks for', async () => {
      const queue = await fresh();
      await queue.enqueue({ executionId: 'busy', notBeforeMs: null, attempt: 0 });
      const taken: number[] = [];
      await queue.work(
        async () => {
          taken.push(Date.now());
          return taken.length === 1 ? { retryAfterMs: 300 } : null;
        },
        { concurrency: 1 },
      );
      await until(() => taken.length === 1);
      await until(async () => (await queue.counts()).delayed === 1, { what: 'delayed again' });
      await until(() => taken.length === 2);
      expect((taken[1] ?? 0) - (taken[0] ?? 0)).toBeGreaterThanOrEqual(295);
      await until(async () => (await queue.counts()).active === 0);
      expect(await queue.counts()).toEqual({ waiting: 0, delayed: 0, active: 0 });
    });

    it('has at most `concurrency` runs in hand at once', async () => {
      const queue = await fresh();
      for (let i = 0; i < 6; i++)
        await queue.enqueue({ executionId: `c${i}`, notBeforeMs: null, attempt: 0 });
      let inHand = 0;
      let most = 0;
      let done = 0;
      const gates: Array<() => void> = [];
      await queue.work(
        async () => {
          inHand++;
          most = Math.max(most, inHand);
          await new Promise<void>((resolve) => gates.push(resolve));
          inHand--;
          done++;
          return null;
        },
        { concurrency: 2 },
      );
      while (done < 6) {
        await until(() => gates.length > 0 || done === 6, { what: 'a run in hand' });
        expect(inHand).toBeLessThanOrEqual(2);
        gates.shift()?.();
        await until(() => gates.length > 0 || done + inHand === 6 || done === 6);
      }
      expect(most).toBe(2);
    });

    it('hands a run out again when its handler throws, and reports the error', async () => {
      const queue = await fresh();
      await queue.enqueue({ executionId: 'flaky', notBeforeMs: null, attempt: 0 });
      const errors: string[] = [];
      let calls = 0;
      await queue.work(
        async () => {
          calls++;
          if (calls === 1) throw new Error('store unreachable');
          return null;
        },
        { concurrency: 1, onError: (error) => errors.push((error as Error).message) },
      );
      await until(() => calls === 2, { timeoutMs: 15_000, what: 'the second hand-out' });
      expect(errors).toEqual(['store unreachable']);
    });

    it('reports how long each run waited after it was due', async () => {
      const queue = await fresh();
      await queue.enqueue({ executionId: 'w', notBeforeMs: null, attempt: 0 });
      const waits: number[] = [];
      await queue.work(async () => null, { concurrency: 1, onWait: (ms) => waits.push(ms) });
      await until(() => waits.length === 1);
      expect(waits[0]).toBeGreaterThanOrEqual(0);
      expect(waits[0]).toBeLessThan(10_000);
    });

    it('stopTaking waits for the runs in hand and takes no more', async () => {
      const queue = await fresh();
      await queue.enqueue({ executionId: 's1', notBeforeMs: null, attempt: 0 });
      const release = deferred();
      const taken: string[] = [];
      await queue.work(
        async (run) => {
          taken.push(run.executionId);
          await release.promise;
          return null;
        },
        { concurrency: 1 },
      );
      await until(() => taken.length === 1);
      let stopped = false;
      const stopping = queue.stopTaking().then(() => {
        stopped = true;
      });
      await queue.enqueue({ executionId: 's2', notBeforeMs: null, attempt: 0 });
      expect(stopped).toBe(false);
      release.resolve();
      await stopping;
      expect(taken).toEqual(['s1']);
      expect((await queue.counts()).waiting).toBe(1);
    });
  });
}
