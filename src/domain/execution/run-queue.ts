/**
 * Where stored runs wait for a process that runs steps: ASYNC runs, delayed starts, scheduled
 * fires, and runs taken over from a process that died. The queue only says which run to take up
 * next; the execution record stays the truth of what has run (a worker claims the run before it
 * runs a step, so a run handed out twice still runs once).
 */
import type { Execution } from './execution.js';

export interface QueuedRun {
  executionId: string;
  /** Not before this time (ms since the epoch); null: as soon as a worker is free. */
  notBeforeMs: number | null;
  /**
   * How many times the run was taken up before (0 for a new run): each hand-out of one run is a
   * job of its own, so a resume is not mistaken for the start that was already handed out.
   */
  attempt: number;
  /**
   * The PENDING record as it was stored, on a first hand-out (attempt 0): the worker claims the
   * run from it without reading the record first. The claim is fenced by the record's attempts
   * (0 until claimed or ended), so a copy that is no longer the record's state claims nothing.
   * Absent (a resume, or a run queued before): the worker reads the record.
   */
  record?: Execution;
}

export interface RunQueue {
  /** Queues a run; queuing the same (executionId, attempt) again changes nothing. */
  enqueue(run: QueuedRun): Promise<void>;
  /** Drops a queued run no worker has taken yet (a cancelled delayed start); true if dropped. */
  remove(executionId: string, attempt: number): Promise<boolean>;
}

/**
 * What a worker does with a run handed to it: settles once the run has ended or was found not
 * to need it (finished, cancelled, or taken up by another process). `retryAfterMs`: it cannot
 * start yet (its user has every run slot in use); hand it out again after that long.
 */
export type QueuedRunHandler = (run: QueuedRun) => Promise<{ retryAfterMs: number } | null>;
