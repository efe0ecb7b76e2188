import type { StepContext } from './step-runner.js';
import { StepTimeoutError } from './step-runner.js';

/**
 * One attempt of a step: its deadline, its cancellation, and the AbortSignal its runner honours.
 * Most runners never read the signal (a CACHE set is one Redis command), so the AbortController
 * behind it is made only when a runner asks for it: an attempt that finishes normally costs a
 * timer and one promise, not a controller, an event target and two listener changes.
 */
export class StepAttempt {
  private controller: AbortController | null = null;
  private reason: Error | null = null;
  private rejectRun: ((reason: Error) => void) | null = null;
  private work: Promise<unknown> | null = null;
  private readonly timer: NodeJS.Timeout;

  constructor(timeoutMs: number) {
    this.timer = setTimeout(() => this.abort(new StepTimeoutError(timeoutMs)), timeoutMs);
  }

  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.reason) this.controller.abort(this.reason);
    }
    return this.controller.signal;
  }

  /** Ends the attempt with `reason` (timeout or cancellation); later calls change nothing. */
  abort(reason: Error): void {
    if (this.reason) return;
    this.reason = reason;
    this.controller?.abort(reason);
    this.rejectRun?.(reason);
  }

  /** The runner's outcome, or a rejection with the reason as soon as the attempt is aborted. */
  run<T>(work: () => Promise<T>): Promise<T> {
    if (this.reason) return Promise.reject(this.reason);
    return new Promise<T>((resolve, reject) => {
      this.rejectRun = reject;
      const running = work();
      this.work = running;
      running.then(resolve, reject);
    });
  }

  /** Whether the attempt was ended by a timeout or a cancellation. */
  get aborted(): boolean {
    return this.reason !== null;
  }

  /**
   * Settles when the runner's work does, whatever the attempt's outcome: a runner that does not
   * honour the signal goes on after its attempt timed out, and that work still occupies its slot.
   */
  get settled(): Promise<void> {
    return this.work ? this.work.then(ignore, ignore) : Promise.resolve();
  }

  /** Stops the deadline; call once the attempt is over. */
  end(): void {
    clearTimeout(this.timer);
    this.rejectRun = null;
  }
}

function ignore(): void {}

/** A step context whose `signal` is its attempt's, made on first read. */
export class AttemptContext implements StepContext {
  readonly executionId: string;
  readonly patternId: string;
  readonly namespace: string | null;
  readonly viewer: StepContext['viewer'];
  readonly transactional: boolean;
  readonly depth: number;
  readonly callStack: readonly string[];
  beforeWrite: StepContext['beforeWrite'] = undefined;

  constructor(
    base: Omit<StepContext, 'signal'>,
    private readonly attempt: StepAttempt,
  ) {
    this.executionId = base.executionId;
    this.patternId = base.patternId;
    this.namespace = base.namespace;
    this.viewer = base.viewer;
    this.transactional = base.transactional;
    this.depth = base.depth;
    this.callStack = base.callStack;
  }

  get signal(): AbortSignal {
    return this.attempt.signal;
  }
}
