/**
 * The embedded run queue (one process, nothing kept across restarts), with the behaviour of the
 * BullMQ one: delays, one job per (executionId, attempt) remembered after it settles, remove
 * while not taken, retry-after, bounded concurrency, and a handler that throws tried again with
 * backoff.
 */
import type { QueuedRun, QueuedRunHandler } from '../../domain/execution/run-queue.js';
import {
  HANDLER_RETRY,
  type QueueCounts,
  type RunWorkers,
  runJobId,
  SETTLED_KEPT,
  type WorkerOptions,
} from '../../domain/queue/run-workers.js';

interface Job {
  run: QueuedRun;
  state: 'waiting' | 'delayed' | 'active' | 'settled';
  /** When it is due (ms). */
  dueMs: number;
  failures: number;
  timer?: NodeJS.Timeout;
}

export class MemoryRunQueue implements RunWorkers {
  private readonly jobs = new Map<string, Job>();
  /** Due jobs in the order they became due. */
  private readonly ready: string[] = [];
  /** Settled job ids, oldest first, forgotten past SETTLED_KEPT. */
  private readonly settled: Array<{ id: string; atMs: number }> = [];
  private handler: QueuedRunHandler | null = null;
  private options: WorkerOptions = { concurrency: 1 };
  private readonly inHand = new Set<Promise<void>>();
  private taking = false;

  constructor(private readonly now: () => number = Date.now) {}

  async enqueue(run: QueuedRun): Promise<void> {
    const id = runJobId(run.executionId, run.attempt);
    this.forgetOldSettled();
    if (this.jobs.has(id)) return;
    const job: Job = { run: { ...run }, state: 'waiting', dueMs: this.now(), failures: 0 };
    this.jobs.set(id, job);
    this.schedule(id, job, run.notBeforeMs ?? 0);
  }

  async remove(executionId: string, attempt: number): Promise<boolean> {
    const id = runJobId(executionId, attempt);
    const job = this.jobs.get(id);
    if (!job || (job.state !== 'waiting' && job.state !== 'delayed')) return false;
    clearTimeout(job.timer);
    this.jobs.delete(id);
    const at = this.ready.indexOf(id);
    if (at >= 0) this.ready.splice(at, 1);
    return true;
  }

  async work(handler: QueuedRunHandler, options: WorkerOptions): Promise<void> {
    this.handler = handler;
    this.options = options;
    this.taking = true;
    this.pump();
  }

  async counts(): Promise<QueueCounts> {
    const counts: QueueCounts = { waiting: 0, delayed: 0, active: 0 };
    for (const job of this.jobs.values()) if (job.state !== 'settled') counts[job.state]++;
    return counts;
  }

  async stopTaking(): Promise<void> {
    this.taking = false;
    await Promise.all([...this.inHand]);
  }

  async close(): Promise<void> {
    await this.stopTaking();
    for (const job of this.jobs.values()) clearTimeout(job.timer);
  }

  /** Due at `atMs`: ready now, or delayed until then. */
  private schedule(id: string, job: Job, atMs: number): void {
    const delay = atMs - this.now();
    if (delay <= 0) {
      job.state = 'waiting';
      job.dueMs = Math.max(job.dueMs, atMs);
      this.ready.push(id);
      this.pump();
      return;
    }
    job.state = 'delayed';
    job.dueMs = atMs;
    job.timer = setTimeout(() => {
      job.timer = undefined;
      if (this.jobs.get(id) === job) this.schedule(id, job, 0);
    }, delay);
    job.timer.unref?.();
  }

  private pump(): void {
    const handler = this.handler;
    if (!handler) return;
    while (this.taking && this.inHand.size < this.options.concurrency && this.ready.length > 0) {
      const id = this.ready.shift() as string;
      const job = this.jobs.get(id);
      if (job?.state !== 'waiting') continue;
      job.state = 'active';
      this.options.onWait?.(Math.max(0, this.now() - job.dueMs));
      const taken: Promise<void> = this.take(id, job, handler).finally(() => {
        this.inHand.delete(taken);
        this.pump();
      });
      this.inHand.add(taken);
    }
  }

  private async take(id: string, job: Job, handler: QueuedRunHandler): Promise<void> {
    try {
      const result = await handler({ ...job.run });
      if (result) {
        this.schedule(id, job, this.now() + result.retryAfterMs);
        return;
      }
      this.settle(id, job);
    } catch (error) {
      this.options.onError?.(error, job.run);
      job.failures++;
      if (job.failures >= HANDLER_RETRY.attempts) {
        this.settle(id, job);
        return;
      }
      this.schedule(id, job, this.now() + HANDLER_RETRY.baseMs * 2 ** (job.failures - 1));
    }
  }

  private settle(id: string, job: Job): void {
    job.state = 'settled';
    this.settled.push({ id, atMs: this.now() });
    this.forgetOldSettled();
  }

  private forgetOldSettled(): void {
    const oldest = this.now() - SETTLED_KEPT.seconds * 1000;
    while (this.settled.length > 0) {
      const first = this.settled[0] as { id: string; atMs: number };
      if (first.atMs >= oldest && this.settled.length <= SETTLED_KEPT.count) break;
      this.settled.shift();
      if (this.jobs.get(first.id)?.state === 'settled') this.jobs.delete(first.id);
    }
  }
}
