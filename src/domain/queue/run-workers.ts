/**
 * The engine behind the RunQueue port, as the composition root sees it: the queue, the workers
 * that take runs from it (in the roles that run steps) and the counts `/metrics` shows.
 */
import type { QueuedRunHandler, RunQueue } from '../execution/run-queue.js';

/** Jobs of a queue by state, as the engine counts them. */
export interface QueueCounts {
  /** Ready for a worker (due, not taken yet). */
  waiting: number;
  /** Not due yet: delayed starts, and runs handed back with a retry-after. */
  delayed: number;
  /** Taken by a worker and not settled. */
  active: number;
}

export interface WorkerOptions {
  /** Runs this process has in hand at once; more wait in the queue for any worker. */
  concurrency: number;
  /** Told, for each run taken, how long it waited after it was due (ms). */
  onWait?: (waitedMs: number) => void;
  /** Told of a handler that threw (the run is handed out again later, with backoff). */
  onError?: (error: unknown, run: { executionId: string; attempt: number }) => void;
}

export interface RunWorkers extends RunQueue {
  /** Starts taking runs for `handler`, at most `concurrency` at once. Once per engine. */
  work(handler: QueuedRunHandler, options: WorkerOptions): Promise<void>;
  counts(): Promise<QueueCounts>;
  /**
   * Stops taking runs and resolves once the runs in hand have settled (the caller ends them:
   * `stopTaking` first, then the runs' shutdown, then `close`).
   */
  stopTaking(): Promise<void>;
  /** Closes the engine's connections and timers. */
  close(): Promise<void>;
}

/**
 * How a run whose handler threw (the store was unreachable, a bug) is handed out again: up to
 * this many times, the n-th after about base·2ⁿ⁻¹ ms. The execution record stays the truth: a
 * hand-out that finds the run finished or taken does nothing.
 */
export const HANDLER_RETRY = { attempts: 8, baseMs: 1_000 } as const;

/**
 * How long a settled hand-out is remembered, so that queuing the same (executionId, attempt)
 * again does nothing: the engine keeps finished jobs this long (and at most `count` of them).
 */
export const SETTLED_KEPT = { seconds: 3_600, count: 10_000 } as const;

/** The id of the job that hands out one (executionId, attempt): no ':' (BullMQ refuses it). */
export function runJobId(executionId: string, attempt: number): string {
  return `run-${encodeURIComponent(executionId)}-${attempt}`;
}
