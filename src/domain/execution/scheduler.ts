/**
 * Runs a pattern's steps: each starts as soon as all its dependencies succeeded (not level by
 * level), within a per-execution and a per-process concurrency limit. Attempts time out through
 * an AbortSignal and are retried with exponential backoff and full jitter; a failed step skips
 * its dependents while independent branches finish; a transactional pattern that does not
 * succeed undoes its completed steps in reverse completion order. The order steps may start in,
 * and their results, are kept by StepStates; this is the loop that starts and retries them.
 */
import type { Pattern, StepType } from '../pattern/pattern.js';
import type { Clock } from '../shared/clock.js';
import { DomainError, ServiceUnavailableError } from '../shared/errors.js';
import type { FairSlots } from '../shared/fair-slots.js';
import type { JsonValue } from '../shared/json.js';
import { type CompiledPattern, type CompiledStep, compilePattern } from './compiled-pattern.js';
import type { ExecutionStatus, StepResult } from './execution.js';
import { JsonBudget } from './json-budget.js';
import { escapeKeySegment } from './key-value-store.js';
import { rollBack, type Undoable } from './rollback.js';
import { type RunTrace, traceAttempt } from './run-tracer.js';
import { AttemptContext, StepAttempt } from './step-attempt.js';
import {
  abortable,
  CancelledError,
  PermanentStepError,
  type StepContext,
  type StepOutcome,
  type StepRunner,
  sleep,
} from './step-runner.js';
import { type StepChange, StepStates } from './step-states.js';
import type { StoreHealth } from './store-health.js';
import { fill, TemplateError, type TemplateScope } from './template.js';

export interface SchedulerLimits {
  stepConcurrency: number;
  /**
   * The process's slots for steps that work (not for DELAY and PATTERN steps, which only wait:
   * a step waiting on a child run must never hold what the child needs), shared fairly by user.
   */
  processSlots: FairSlots;
  retryBaseMs: number;
  retryCapMs: number;
  defaultTimeoutMs: number;
  maxTimeoutMs: number;
  /** The most a step's parameters may come to once their templates are filled in. */
  maxRenderedBytes: number;
  /** [0, 1): the jitter source, injectable for tests. */
  random: () => number;
}

export interface RunStepsOptions {
  pattern: CompiledPattern;
  input: unknown;
  runners: Readonly<Record<StepType, StepRunner>>;
  context: Omit<StepContext, 'signal'>;
  /** Aborting it cancels the execution. */
  signal: AbortSignal;
  limits: SchedulerLimits;
  clock: Clock;
  /**
   * Tells an attempt interrupted by a store outage from one that failed: the step is attempted
   * again once the store is back, without spending a retry (absent: every error is a failure).
   */
  storeHealth?: StoreHealth;
  /**
   * When the run is due to end (ms since the epoch; its execution timeout): a step waiting for
   * the store gives up then, FAILED with what is known. Absent: it waits until cancelled.
   */
  deadlineMs?: number;
  /** Called after every change of a step's result (for progress and persistence). */
  onStepChange: (result: StepResult, change: StepChange) => void;
  /**
   * A run taken over: the results recorded by the process that stopped. Steps that succeeded
   * are not run again (their outputs feed later templates), running ones are attempted again.
   */
  recorded?: readonly StepResult[];
  /** Rebuilds a recorded undo description (transactional runs taken over). */
  undoFrom?: (step: CompiledStep, undo: JsonValue) => (() => Promise<void>) | undefined;
  /**
   * Persists an undo description before the write it undoes (transactional runs): settles once
   * it is recorded, so that a process taking the run over can undo a write it never heard of.
   */
  recordUndo?: (result: StepResult) => Promise<void>;
  /** True once the run was taken over elsewhere: it ends here without rolling anything back. */
  stopped?: () => boolean;
  /** Traces each attempt (run-tracer.ts); without it attempts do no tracing work. */
  trace?: RunTrace;
}

export interface RunStepsResult {
  status: Exclude<ExecutionStatus, 'PENDING' | 'RUNNING'>;
  steps: StepResult[];
  outputs: Record<string, JsonValue | null>;
  error: string | null;
}

/** Runs a compiled pattern version (see RecentPatterns, which compiles each version once). */
export function runCompiled(options: RunStepsOptions): Promise<RunStepsResult> {
  return new StepRun(options).run();
}

/** Runs a pattern not compiled yet (a one-off run): compiles it first. */
export function runSteps(
  options: Omit<RunStepsOptions, 'pattern'> & { pattern: Pattern },
): Promise<RunStepsResult> {
  return runCompiled({ ...options, pattern: compilePattern(options.pattern) });
}

/** The longest pause between the store's return and the next attempt of an interrupted step. */
const OUTAGE_PAUSE_CAP_MS = 1_000;

/** One execution's steps in flight: started as they become ready, within the limits. */
class StepRun {
  private readonly states: StepStates;
  private readonly outputs = new Map<string, JsonValue | null>();
  /** What templates read: the input, and the outputs of the steps done so far. */
  private readonly scope: TemplateScope;
  /** Completed steps, in completion order, with how to undo them. */
  private readonly completed: Undoable[] = [];
  private running = 0;
  private firstError: string | null = null;
  /**
   * Work of attempts that timed out or were cancelled but whose runner has not stopped (it does
   * not honour the signal): a retry waits for it, and the step's process slot is given back only
   * once it is over, so the slots bound the work really running, not just the attempts.
   */
  private readonly lingering = new Map<string, Promise<void>>();
  /** All of that work, which the run waits for before it ends (it stops at its next await). */
  private readonly unsettled: Promise<void>[] = [];
  /** Attempts in progress; one listener on the execution's signal aborts them all on cancel. */
  private readonly attempts = new Set<StepAttempt>();
  private idle: () => void = () => {};

  constructor(private readonly options: RunStepsOptions) {
    this.states = new StepStates(options.pattern, options.onStepChange);
    if (options.recorded) this.seed(options.recorded);
    const viewerId = options.context.viewer.id;
    this.scope = {
      input: options.input,
      outputs: this.outputs,
      viewer: { id: viewerId, key: escapeKeySegment(viewerId) },
    };
  }

  /** The recorded results of a run taken over: outputs, the first error, what to undo. */
  private seed(recorded: readonly StepResult[]): void {
    const { pattern, undoFrom } = this.options;
    this.states.seed(recorded);
    const done: StepResult[] = [];
    for (const result of recorded) {
      if (result.status === 'SUCCEEDED') {
        this.outputs.set(result.stepId, result.output);
        done.push(result);
      }
      if (result.status === 'FAILED')
        this.firstError ??= `step "${result.stepId}" failed: ${result.error ?? ''}`;
    }
    // Completion order is settle order: a rollback undoes them in reverse, as it would have.
    done.sort((a, b) => (a.transitions?.settle ?? 0) - (b.transitions?.settle ?? 0));
    for (const result of done) {
      const step = pattern.byId.get(result.stepId);
      const undo = step && result.undo != null ? undoFrom?.(step, result.undo) : undefined;
      this.completed.push({ stepId: result.stepId, undo });
    }
  }

  async run(): Promise<RunStepsResult> {
    const { pattern, signal } = this.options;
    const cancelAll = () => {
      for (const attempt of this.attempts) attempt.abort(new CancelledError());
    };
    signal.addEventListener('abort', cancelAll, { once: true });
    await new Promise<void>((resolve) => {
      this.idle = resolve;
      this.startReady();
    });
    signal.removeEventListener('abort', cancelAll);
    // Nothing the run started outlives it: work that outran its attempt ends with the run.
    if (this.unsettled.length > 0) await Promise.all(this.unsettled);
    if (this.options.stopped?.()) {
      // Taken over: the new owner goes on from the record; nothing here is undone or ended.
      return {
        status: 'CANCELLED',
        steps: this.states.inOrder(),
        outputs: Object.fromEntries(this.outputs),
        error: 'taken over by another process',
      };
    }

    this.states.endPending(
      signal.aborted ? { status: 'CANCELLED', error: 'cancelled' } : { status: 'SKIPPED' },
    );
    const status = signal.aborted ? 'CANCELLED' : this.firstError !== null ? 'FAILED' : 'SUCCEEDED';
    let error = status === 'CANCELLED' ? 'cancelled' : this.firstError;
    if (status !== 'SUCCEEDED' && pattern.transactional) {
      const failures = await rollBack(this.completed, (stepId) =>
        this.states.update(stepId, { status: 'ROLLED_BACK' }),
      );
      if (failures.length > 0) error = `${error}; rollback failed: ${failures.join('; ')}`;
    }
    return {
      status,
      steps: this.states.inOrder(),
      outputs: Object.fromEntries(this.outputs),
      error,
    };
  }

  /** Starts what is ready, up to the limit (one call per finished step, not a loop per step). */
  private startReady(): void {
    const { limits, signal } = this.options;
    while (this.running < limits.stepConcurrency && !signal.aborted) {
      const step = this.states.takeReady();
      if (!step) break;
      this.running += 1;
      void this.runStep(step);
    }
    if (this.running === 0) this.idle();
  }

  private async runStep(step: CompiledStep): Promise<void> {
    const { limits, runners, signal } = this.options;
    const slots = runners[step.type].waitsOnly ? null : limits.processSlots;
    const owner = this.options.context.viewer.id;
    let acquired = false;
    try {
      if (slots && !slots.tryAcquire(owner)) {
        try {
          await slots.acquire(owner, signal);
        } catch {
          // Cancelled (or timed out) while waiting for a slot: it never started.
          return;
        }
      }
      acquired = slots !== null;
      await this.attemptAll(step);
    } finally {
      const lingering = this.lingering.get(step.id);
      this.lingering.delete(step.id);
      if (acquired && slots) {
        if (lingering) void lingering.then(() => slots.release(owner));
        else slots.release(owner);
      }
      this.running -= 1;
      this.startReady();
    }
  }

  /**
   * The step's attempts, from RUNNING to its end (retries with backoff in between). An attempt
   * the store's outage interrupted is no failure: once the store is back the step is attempted
   * again, spending no retry; `attempts` still counts every attempt made (each may have had its
   * effect: see the README on re-attempts).
   */
  private async attemptAll(step: CompiledStep): Promise<void> {
    const { limits, signal, clock } = this.options;
    const started = clock.now();
    const recorded = this.states.resultOf(step.id);
    // Running when its process stopped: attempted again, its attempts counting on.
    const resumed = recorded.status === 'RUNNING';
    const first = resumed ? recorded.attempts + 1 : 1;
    if (resumed) {
      if (!(await this.undoInterrupted(step, recorded))) return;
    } else {
      this.states.update(step.id, {
        status: 'RUNNING',
        startedAt: isoString(started),
        attempts: 1,
      });
    }
    let failures = 0;
    let interruptions = 0;
    for (let attempt = first; ; attempt++) {
      if (attempt > 1) this.states.update(step.id, { attempts: attempt });
      try {
        const trace = this.options.trace;
        const outcome = await (trace
          ? traceAttempt(trace, step, attempt, () => this.attemptStep(step))
          : this.attemptStep(step));
        this.completed.push({ stepId: step.id, undo: outcome.undo });
        if (outcome.undoRecord !== undefined) this.states.annotate(step.id, outcome.undoRecord);
        if (!JsonBudget.fits(outcome.output, limits.maxRenderedBytes)) {
          // Done, but kept from the record and from later steps' templates: a step may not
          // multiply its input through what it reads either (300 gets of one large key).
          return this.fail(step, started, `its output exceeds ${limits.maxRenderedBytes} bytes`);
        }
        this.outputs.set(step.id, outcome.output);
        this.finish(step, started, { status: 'SUCCEEDED', output: outcome.output, error: null });
        this.states.release(step.id);
        return;
      } catch (error) {
        if (signal.aborted)
          return this.finish(step, started, { status: 'CANCELLED', error: 'cancelled' });
        if (this.storeUnavailable(error)) {
          interruptions += 1;
          const gaveUp = await this.untilStoreBack(step, attempt, interruptions);
          if (gaveUp === null) continue;
          if (gaveUp.status === 'FAILED') return this.fail(step, started, gaveUp.error ?? '');
          return this.finish(step, started, gaveUp);
        }
        failures += 1;
        const message = error instanceof Error ? error.message : String(error);
        if (isPermanent(error) || failures > step.retries) return this.fail(step, started, message);
        const backoff =
          limits.random() * Math.min(limits.retryCapMs, limits.retryBaseMs * 2 ** (failures - 1));
        try {
          const lingering = this.lingering.get(step.id);
          if (lingering) {
            await abortable(signal, lingering);
            this.lingering.delete(step.id);
          }
          await sleep(backoff, signal);
        } catch {
          return this.finish(step, started, { status: 'CANCELLED', error: 'cancelled' });
        }
      }
    }
  }

  /** Whether an attempt's error is the store's being out of reach (not the step's failure). */
  private storeUnavailable(error: unknown): boolean {
    const health = this.options.storeHealth;
    if (!health) return false;
    return error instanceof ServiceUnavailableError || health.isUnavailable(error);
  }

  /**
   * Waits for the store (and for the interrupted attempt's work to stop) before the next
   * attempt: null to go on; else how the step ends, cancelled or out of time, saying that the
   * interrupted attempt's outcome is unknown (it may or may not have been applied).
   */
  private async untilStoreBack(
    step: CompiledStep,
    attempt: number,
    interruptions: number,
  ): Promise<Pick<StepResult, 'status' | 'error'> | null> {
    const { signal, storeHealth, deadlineMs, clock, limits } = this.options;
    if (!storeHealth) return null;
    const unknown = `whether attempt ${attempt} took effect is unknown`;
    const waiting = new AbortController();
    const stop = () => waiting.abort(signal.reason);
    signal.addEventListener('abort', stop, { once: true });
    const left = deadlineMs === undefined ? null : deadlineMs - clock.now().getTime();
    const timer = left === null ? undefined : setTimeout(() => waiting.abort(), Math.max(0, left));
    try {
      const lingering = this.lingering.get(step.id);
      if (lingering) {
        await abortable(waiting.signal, lingering);
        this.lingering.delete(step.id);
      }
      await storeHealth.whenAvailable(waiting.signal);
      // A jittered pause, growing while the store keeps failing: instances that all waited
      // for it do not come back at once, and a store that answers a PING but fails writes is
      // not hammered.
      const cap = Math.min(OUTAGE_PAUSE_CAP_MS, limits.retryCapMs);
      await sleep(
        limits.random() * Math.min(cap, limits.retryBaseMs * 2 ** (interruptions - 1)),
        waiting.signal,
      );
      return null;
    } catch {
      if (signal.aborted) {
        return {
          status: 'CANCELLED',
          error: `cancelled while the store was unreachable; ${unknown}`,
        };
      }
      return {
        status: 'FAILED',
        error: `the store was unreachable until the execution's deadline; ${unknown}`,
      };
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', stop);
    }
  }

  /**
   * A transactional step that was writing when its process stopped recorded how to undo the
   * write first: it is undone before the step runs again, so that the new attempt's own undo
   * puts back what was there before the run. False when that failed (the step failed).
   */
  private async undoInterrupted(step: CompiledStep, recorded: StepResult): Promise<boolean> {
    const undo = recorded.undo != null ? this.options.undoFrom?.(step, recorded.undo) : undefined;
    if (!undo) return true;
    try {
      await undo();
      this.states.annotate(step.id, null);
      return true;
    } catch (error) {
      const message = `its interrupted write could not be undone: ${error instanceof Error ? error.message : String(error)}`;
      this.fail(step, this.options.clock.now(), message);
      return false;
    }
  }

  /** One attempt: fill the templates, run with a timeout, abort on cancellation. */
  private async attemptStep(step: CompiledStep): Promise<StepOutcome> {
    const { limits, signal, runners, context } = this.options;
    const timeoutMs = Math.min(step.timeoutMs ?? limits.defaultTimeoutMs, limits.maxTimeoutMs);
    const attempt = new StepAttempt(timeoutMs);
    this.attempts.add(attempt);
    if (signal.aborted) attempt.abort(new CancelledError());
    try {
      const params = step.templated
        ? fill(step.parameters, this.scope, limits.maxRenderedBytes)
        : step.parameters;
      const runner = runners[step.type];
      const attemptContext = new AttemptContext(context, attempt);
      const { recordUndo } = this.options;
      if (context.transactional && recordUndo) {
        attemptContext.beforeWrite = (undo) => recordUndo(this.states.annotate(step.id, undo));
      }
      return await attempt.run(() => runner.run(step, params, attemptContext));
    } catch (error) {
      if (attempt.aborted) {
        const settled = attempt.settled;
        this.lingering.set(step.id, settled);
        this.unsettled.push(settled);
      }
      throw error;
    } finally {
      attempt.end();
      this.attempts.delete(attempt);
    }
  }

  /**
   * The step ends FAILED with `message` (the run's first error unless one came before) and its
   * dependents are skipped.
   */
  private fail(step: CompiledStep, started: Date, message: string): void {
    this.firstError ??= `step "${step.id}" failed: ${message}`;
    this.finish(step, started, { status: 'FAILED', error: message });
    this.states.skipDependentsOf(step.id);
  }

  private finish(step: CompiledStep, started: Date, patch: Partial<StepResult>): void {
    const finished = this.options.clock.now();
    this.states.update(step.id, {
      ...patch,
      finishedAt: isoString(finished),
      durationMs: finished.getTime() - started.getTime(),
    });
  }
}

/** ISO time of a date; transitions of one millisecond share the string. */
let lastMs = Number.NaN;
let lastIso = '';
function isoString(date: Date): string {
  const ms = date.getTime();
  if (ms !== lastMs) {
    lastMs = ms;
    lastIso = date.toISOString();
  }
  return lastIso;
}

function isPermanent(error: unknown): boolean {
  return (
    error instanceof PermanentStepError ||
    error instanceof TemplateError ||
    error instanceof DomainError
  );
}
