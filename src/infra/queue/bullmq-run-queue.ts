/**
 * The RunQueue on BullMQ: one job per (executionId, attempt) in the `runs` queue under the
 * app's key prefix. BullMQ gives what a queue of runs needs and would be long to get right by
 * hand: delayed jobs, moving a taken job back to delayed ("retry after"), locks renewed while a
 * run goes on, and stalled-job recovery (a worker that dies loses its lock, and its job is
 * handed to another worker).
 */
import { DelayedError, type Job, Queue, Worker } from 'bullmq';
import type { RedisOptions } from 'ioredis';
import type { QueuedRun, QueuedRunHandler } from '../../domain/execution/run-queue.js';
import {
  HANDLER_RETRY,
  type QueueCounts,
  type RunWorkers,
  runJobId,
  SETTLED_KEPT,
  type WorkerOptions,
} from '../../domain/queue/run-workers.js';
import { queueConnection, workerConnection } from './bullmq-connection.js';

export const RUNS_QUEUE = 'runs';

export interface BullmqQueueSettings {
  /** How to reach Redis: `redisConnectionOptions(...)` of the app's connection settings. */
  connection: RedisOptions;
  /** BullMQ's `prefix`: its keys are `<prefix>:<queue>:...` (RedisKeys.bullmqPrefix()). */
  prefix: string;
  /**
   * How long a taken run's lock lasts without renewal: a worker that stops renewing (died,
   * frozen) has its runs handed out again after about this long (BullMQ's stalled check).
   */
  lockDurationMs?: number;
  /** How often a worker looks for stalled jobs (BullMQ's default: 30 s). */
  stalledIntervalMs?: number;
}

/** Stalled hand-outs of one job before BullMQ fails it; the run's lease sweeper is the backstop. */
const MAX_STALLED = 5;

export class BullmqRunQueue implements RunWorkers {
  private readonly queue: Queue<QueuedRun>;
  private worker: Worker<QueuedRun> | null = null;
  private closing: Promise<void> | null = null;

  constructor(private readonly settings: BullmqQueueSettings) {
    this.queue = new Queue<QueuedRun>(RUNS_QUEUE, {
      connection: queueConnection(settings.connection, 'nexus-queue'),
      prefix: settings.prefix,
      defaultJobOptions: {
        attempts: HANDLER_RETRY.attempts,
        backoff: { type: 'exponential', delay: HANDLER_RETRY.baseMs },
        // Kept a while so that queuing the same hand-out again finds it and does nothing.
        removeOnComplete: { age: SETTLED_KEPT.seconds, count: SETTLED_KEPT.count },
        removeOnFail: { age: 24 * 3_600 },
      },
    });
    this.queue.on('error', () => {});
  }

  async enqueue(run: QueuedRun): Promise<void> {
    const delay = run.notBeforeMs === null ? 0 : Math.max(0, run.notBeforeMs - Date.now());
    // A job id that exists already (waiting, delayed, active or kept after it settled): BullMQ
    // adds nothing.
    await this.queue.add('run', run, { jobId: runJobId(run.executionId, run.attempt), delay });
  }

  async remove(executionId: string, attempt: number): Promise<boolean> {
    const id = runJobId(executionId, attempt);
    const state = await this.queue.getJobState(id);
    if (state !== 'waiting' && state !== 'delayed' && state !== 'prioritized') return false;
    // A job a worker took meanwhile is locked: BullMQ's remove leaves it (0).
    return (await this.queue.remove(id)) === 1;
  }

  async work(handler: QueuedRunHandler, options: WorkerOptions): Promise<void> {
    if (this.worker) throw new Error('the run queue has a worker already');
    const worker = new Worker<QueuedRun>(
      RUNS_QUEUE,
      (job, token) => this.process(job, token, handler, options),
      {
        // Not auto-pipelined, though that would let the completions of runs settled together
        // share a write: a worker stopped just after a Redis outage then waited for ever.
        connection: workerConnection(this.settings.connection, 'nexus-worker'),
        prefix: this.settings.prefix,
        concurrency: options.concurrency,
        lockDuration: this.settings.lockDurationMs ?? 30_000,
        stalledInterval: this.settings.stalledIntervalMs ?? 30_000,
        maxStalledCount: MAX_STALLED,
        autorun: false,
      },
    );
    worker.on('error', () => {});
    worker.on('failed', (job, error) => {
      if (job && !(error instanceof DelayedError)) options.onError?.(error, job.data);
    });
    this.worker = worker;
    void worker.run().catch(() => {});
    await worker.waitUntilReady();
  }

  async counts(): Promise<QueueCounts> {
    // One script, one round trip for the three.
    const counts = await this.queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active');
    return {
      waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
      delayed: counts.delayed ?? 0,
      active: counts.active ?? 0,
    };
  }

  stopTaking(): Promise<void> {
    // close() stops fetching at once and resolves once the jobs in hand settle.
    this.closing ??= this.worker ? this.worker.close() : Promise.resolve();
    return this.closing;
  }

  async close(): Promise<void> {
    await this.stopTaking();
    await this.queue.close();
  }

  private async process(
    job: Job<QueuedRun>,
    token: string | undefined,
    handler: QueuedRunHandler,
    options: WorkerOptions,
  ): Promise<void> {
    if (job.attemptsMade === 0 && job.processedOn !== undefined) {
      const dueMs = job.timestamp + (job.delay ?? 0);
      options.onWait?.(Math.max(0, job.processedOn - dueMs));
    }
    const result = await handler(job.data);
    if (result) {
      // Back to delayed with its lock's token; DelayedError tells BullMQ it is neither
      // completed nor failed (no attempt used).
      await job.moveToDelayed(Date.now() + result.retryAfterMs, token);
      throw new DelayedError();
    }
  }
}
