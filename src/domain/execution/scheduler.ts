/**
 * Runs a pattern's steps: each starts as soon as all its dependencies succeeded (not level by
 * level), within a per-execution and a per-process concurrency limit. Attempts time out through
 * an AbortSignal and are retried with exponential backoff and full jitter; a failed step skips
 * its dependents while independent branches finish; a transactional pattern that does not
 * succeed undoes its completed steps in reverse completion order.
 */
import type { Pattern, Step, StepType } from '../pattern/pattern.js';
import type { Clock } from '../shared/clock.js';
import { DomainError } from '../shared/errors.js';
import type { FairSlots } from '../shared/fair-slots.js';
import type { JsonValue } from '../shared/json.js';
import { type ExecutionStatus, pendingStep, type StepResult } from './execution.js';
import { JsonBudget } from './json-budget.js';
import { escapeKeySegment } from './key-value-store.js';
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
import { render, TemplateError, type TemplateScope } from './template.js';

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
  pattern: Pattern;
  input: unknown;
  runners: Readonly<Record<StepType, StepRunner>>;
  context: Omit<StepContext, 'signal'>;
  /** Aborting it cancels the execution. */
  signal: AbortSignal;
  limits: SchedulerLimits;
  clock: Clock;
  /** Called after every change of a step's result (for progress and persistence). */
  onStepChange: (result: StepResult) => void;
}

export interface RunStepsResult {
  status: Exclude<ExecutionStatus, 'PENDING' | 'RUNNING'>;
  steps: StepResult[];
  outputs: Record<string, JsonValue | null>;
  error: string | null;
}

/**
 * The dependency structure of a pattern version, worked out once: every run of a version gets
 * the same pattern object (the execution service remembers the version it last read), so every
 * run of it shares this.
 */
interface StepGraph {
  dependents: ReadonlyMap<string, readonly Step[]>;
  roots: readonly Step[];
}

const graphs = new WeakMap<Pattern, StepGraph>();

function graphOf(pattern: Pattern): StepGraph {
  let graph = graphs.get(pattern);
  if (!graph) {
    const dependents = new Map<string, Step[]>();
    for (const step of pattern.steps) {
      for (const dep of step.dependsOn) {
        const list = dependents.get(dep);
        if (list) list.push(step);
        else dependents.set(dep, [step]);
      }
    }
    graph = { dependents, roots: pattern.steps.filter((step) => step.dependsOn.length === 0) };
    graphs.set(pattern, graph);
  }
  return graph;
}

export function runSteps(options: RunStepsOptions): Promise<RunStepsResult> {
  return new StepRun(options).run();
}

/** One execution's steps in flight: started as they become ready, within the limits. */
class StepRun {
  private readonly results = new Map<string, StepResult>();
  private readonly waitingOn = new Map<string, number>();
  private readonly outputs = new Map<string, JsonValue | null>();
  /** What templates read: the input, and the outputs of the steps done so far. */
  private readonly scope: TemplateScope;
  private readonly undoStack: Array<{ stepId: string; undo?: () => Promise<void> }> = [];
  private readonly graph: StepGraph;
  /** Steps whose dependencies all succeeded, in order; those before `nextReady` have started. */
  private readonly ready: Step[];
  private nextReady = 0;
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
    this.graph = graphOf(options.pattern);
    this.ready = [...this.graph.roots];
    for (const step of options.pattern.steps) {
      this.results.set(step.id, pendingStep(step.id));
      this.waitingOn.set(step.id, step.dependsOn.length);
    }
    const viewerId = options.context.viewer.id;
    this.scope = {
      input: options.input,
      outputs: this.outputs,
      viewer: { id: viewerId, key: escapeKeySegment(viewerId) },
    };
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

    for (const result of this.results.values()) {
      if (result.status === 'PENDING') {
        this.change(
          result,
          signal.aborted ? { status: 'CANCELLED', error: 'cancelled' } : { status: 'SKIPPED' },
        );
      }
    }
    const status = signal.aborted ? 'CANCELLED' : this.firstError !== null ? 'FAILED' : 'SUCCEEDED';
    let error = status === 'CANCELLED' ? 'cancelled' : this.firstError;
    if (status !== 'SUCCEEDED' && pattern.transactional) {
      const failures = await rollBack(this.undoStack, (stepId) =>
        this.change(this.resultOf(stepId), { status: 'ROLLED_BACK' }),
      );
      if (failures.length > 0) error = `${error}; rollback failed: ${failures.join('; ')}`;
    }
    return {
      status,
      steps: pattern.steps.map((step) => this.resultOf(step.id)),
      outputs: Object.fromEntries(this.outputs),
      error,
    };
  }

  /** Starts what is ready, up to the limit (one call per finished step, not a loop per step). */
  private startReady(): void {
    const { limits, signal } = this.options;
    while (
      this.nextReady < this.ready.length &&
      this.running < limits.stepConcurrency &&
      !signal.aborted
    ) {
      const step = this.ready[this.nextReady++] as Step;
      this.running += 1;
      void this.runStep(step);
    }
    if (this.running === 0) this.idle();
  }

  private async runStep(step: Step): Promise<void> {
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

  /** The step's attempts, from RUNNING to its end (retries with backoff in between). */
  private async attemptAll(step: Step): Promise<void> {
    const { limits, signal, clock } = this.options;
    const started = clock.now();
    const startedAt = isoString(started);
    this.change(this.resultOf(step.id), { status: 'RUNNING', startedAt, attempts: 1 });
    for (let attempt = 1; ; attempt++) {
      if (attempt > 1) this.change(this.resultOf(step.id), { attempts: attempt });
      try {
        const outcome = await this.attemptStep(step);
        this.undoStack.push({ stepId: step.id, undo: outcome.undo });
        if (!JsonBudget.fits(outcome.output, limits.maxRenderedBytes)) {
          // Done, but kept from the record and from later steps' templates: a step may not
          // multiply its input through what it reads either (300 gets of one large key).
          const message = `its output exceeds ${limits.maxRenderedBytes} bytes`;
          this.firstError ??= `step "${step.id}" failed: ${message}`;
          this.finish(step, started, { status: 'FAILED', error: message });
          this.skipDependentsOf(step.id);
          return;
        }
        this.outputs.set(step.id, outcome.output);
        this.finish(step, started, { status: 'SUCCEEDED', output: outcome.output, error: null });
        for (const dependent of this.graph.dependents.get(step.id) ?? []) {
          const left = (this.waitingOn.get(dependent.id) ?? 1) - 1;
          this.waitingOn.set(dependent.id, left);
          if (left === 0 && this.resultOf(dependent.id).status === 'PENDING')
            this.ready.push(dependent);
        }
        return;
      } catch (error) {
        if (signal.aborted)
          return this.finish(step, started, { status: 'CANCELLED', error: 'cancelled' });
        const message = error instanceof Error ? error.message : String(error);
        if (isPermanent(error) || attempt > step.retries) {
          this.firstError ??= `step "${step.id}" failed: ${message}`;
          this.finish(step, started, { status: 'FAILED', error: message });
          this.skipDependentsOf(step.id);
          return;
        }
        const backoff =
          limits.random() * Math.min(limits.retryCapMs, limits.retryBaseMs * 2 ** (attempt - 1));
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

  /** One attempt: fill the templates, run with a timeout, abort on cancellation. */
  private async attemptStep(step: Step): Promise<StepOutcome> {
    const { limits, signal, runners, context } = this.options;
    const timeoutMs = Math.min(step.timeoutMs ?? limits.defaultTimeoutMs, limits.maxTimeoutMs);
    const attempt = new StepAttempt(timeoutMs);
    this.attempts.add(attempt);
    if (signal.aborted) attempt.abort(new CancelledError());
    try {
      const params = render(step.parameters, this.scope, limits.maxRenderedBytes);
      const runner = runners[step.type];
      return await attempt.run(() =>
        runner.run(step, params, new AttemptContext(context, attempt)),
      );
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

  private finish(step: Step, started: Date, patch: Partial<StepResult>): void {
    const finished = this.options.clock.now();
    this.change(this.resultOf(step.id), {
      ...patch,
      finishedAt: isoString(finished),
      durationMs: finished.getTime() - started.getTime(),
    });
  }

  private skipDependentsOf(stepId: string): void {
    for (const dependent of this.graph.dependents.get(stepId) ?? []) {
      const result = this.resultOf(dependent.id);
      if (result.status !== 'PENDING') continue;
      this.change(result, { status: 'SKIPPED', error: `dependency "${stepId}" did not succeed` });
      this.skipDependentsOf(dependent.id);
    }
  }

  private resultOf(stepId: string): StepResult {
    return this.results.get(stepId) as StepResult;
  }

  private change(before: StepResult, patch: Partial<StepResult>): void {
    // Every field written out: one object shape for every result, whichever fields changed.
    const result: StepResult = {
      stepId: before.stepId,
      status: patch.status ?? before.status,
      attempts: patch.attempts ?? before.attempts,
      startedAt: patch.startedAt === undefined ? before.startedAt : patch.startedAt,
      finishedAt: patch.finishedAt === undefined ? before.finishedAt : patch.finishedAt,
      durationMs: patch.durationMs === undefined ? before.durationMs : patch.durationMs,
      output: patch.output === undefined ? before.output : patch.output,
      error: patch.error === undefined ? before.error : patch.error,
    };
    this.results.set(result.stepId, result);
    this.options.onStepChange(result);
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

async function rollBack(
  undoStack: ReadonlyArray<{ stepId: string; undo?: () => Promise<void> }>,
  rolledBack: (stepId: string) => void,
): Promise<string[]> {
  const failures: string[] = [];
  for (const { stepId, undo } of [...undoStack].reverse()) {
    try {
      await undo?.();
      rolledBack(stepId);
    } catch (error) {
      failures.push(`${stepId}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return failures;
}

function isPermanent(error: unknown): boolean {
  return (
    error instanceof PermanentStepError ||
    error instanceof TemplateError ||
    error instanceof DomainError
  );
}
