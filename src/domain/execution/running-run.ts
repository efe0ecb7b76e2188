import { setMaxListeners } from 'node:events';
import type { Execution } from './execution.js';
import type { StepContext } from './step-runner.js';

/** Shared by every run of one top-level execution: how many runs it has started. */
export interface RunTree {
  runs: number;
}

/** Where a run sits: its depth among composite patterns, and the user slot it holds. */
export interface Nesting extends Pick<StepContext, 'depth' | 'callStack'> {
  /** The user whose concurrent-execution slot this run holds (top-level runs only). */
  slotOf: string | null;
  tree: RunTree;
}

/** A run in progress in this process. */
export class RunningRun {
  readonly controller = new AbortController();
  /** Settles with the run's end, once it is recorded (or given up on at shutdown). */
  done: Promise<Execution>;
  /** Why it was aborted, when it was: shown as the execution's error. */
  reason: string | null = null;
  /** Whether its end was recorded (which also released its lease and run slot). */
  recorded = false;
  /** The run's fencing token here: its attempts when this process took it up. */
  readonly attempts: number;
  /**
   * Set when a write was refused because another process took the run over: it stops here
   * without recording an end (the new owner records it).
   */
  fenced = false;
  /** Resolves (with the error) when the end's first write failed: it is being retried. */
  readonly stalled: Promise<unknown>;
  private resolveStalled: (error: unknown) => void = () => {};
  /**
   * Resolves once the run's end is written (or given up on), before it is announced: a queue's
   * hand-out settles then, and its next fetch shares a round trip with the announcement.
   */
  readonly endWritten: Promise<void>;
  private resolveEndWritten: () => void = () => {};

  constructor(
    execution: Execution,
    readonly nesting: Nesting,
    stepConcurrency: number,
  ) {
    // Each running step listens for cancellation: as many listeners as the concurrency limit.
    setMaxListeners(stepConcurrency + 16, this.controller.signal);
    this.attempts = execution.attempts;
    this.done = Promise.resolve(execution);
    this.stalled = new Promise<unknown>((resolve) => {
      this.resolveStalled = resolve;
    });
    this.endWritten = new Promise<void>((resolve) => {
      this.resolveEndWritten = resolve;
    });
  }

  wroteEnd(): void {
    this.resolveEndWritten();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Aborts the run; the first reason given is the one its record shows. */
  abort(reason: string): void {
    this.reason ??= reason;
    this.controller.abort();
  }

  /** Another process owns the run now: stop, recording nothing more. */
  fence(): void {
    this.fenced = true;
    this.abort('taken over by another process');
  }

  stall(error: unknown): void {
    this.resolveStalled(error);
  }
}
