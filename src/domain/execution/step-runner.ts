import type { JsonValue } from '../shared/json.js';
import type { Viewer } from '../shared/viewer.js';
import type { CompiledStep } from './compiled-pattern.js';

export interface StepContext {
  /** Aborted on timeout or cancellation; runners must honour it. */
  signal: AbortSignal;
  executionId: string;
  patternId: string;
  /** The pattern's owner (null for system patterns): CACHE/PIPELINE/TRANSACTION keys live there. */
  namespace: string | null;
  /** Who runs the execution (the creator of relationships it makes). */
  viewer: Viewer;
  /** Only transactional runs roll back, so only they pay for recording how to undo a step. */
  transactional: boolean;
  /** How deep in composite patterns this run is (0 at the top). */
  depth: number;
  /**
   * Transactional runs: records how to undo a write before it is made (settles once recorded),
   * so that a process taking the run over can undo a write whose step it never saw end.
   */
  beforeWrite?: ((undo: JsonValue) => Promise<void>) | undefined;
  /** Pattern ids on the way here, to refuse recursion at run time. */
  callStack: readonly string[];
}

export interface StepOutcome {
  output: JsonValue | null;
  /** Undoes what the step did, for rollback of transactional patterns. */
  undo?: () => Promise<void>;
  /** The same undo as data, recorded with the step's result (see runners/undo-records.ts). */
  undoRecord?: JsonValue;
}

/** Runs one step type; `params` are the step's parameters with templates already filled in. */
export interface StepRunner {
  /**
   * True for runners that only wait (a timer, a child run): they take no process step slot, so
   * a parent never holds what its children need and sleeping steps never crowd out work.
   */
  readonly waitsOnly?: boolean;
  run(step: CompiledStep, params: JsonValue | null, context: StepContext): Promise<StepOutcome>;
}

/** A failure that retrying cannot fix (bad parameters, a missing input): not retried. */
export class PermanentStepError extends Error {}

export class StepTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`timed out after ${timeoutMs} ms`);
  }
}

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}

/** Rejects as soon as the signal aborts, with its reason; for runners that wait on something. */
export function abortable<T>(signal: AbortSignal, work: Promise<T>): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return abortable(
    signal,
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
    }),
  );
}
