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
import type { JsonValue } from '../shared/json.js';
import type { Semaphore } from '../shared/semaphore.js';
import { type ExecutionStatus, pendingStep, type StepResult } from './execution.js';
import { AttemptContext, StepAttempt } from './step-attempt.js';
import {
  CancelledError,
  PermanentStepError,
  type StepContext,
  type StepRunner,
  sleep,
} from './step-runner.js';
import { render, TemplateError } from './template.js';

export interface SchedulerLimits {
  stepConcurrency: number;
  processSlots: Semaphore;
  retryBaseMs: number;
  retryCapMs: number;
  defaultTimeoutMs: number;
  maxTimeoutMs: number;
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

export async function runSteps(options: RunStepsOptions): Promise<RunStepsResult> {
  const { pattern, limits, signal, clock } = options;
  const results = new Map<string, StepResult>(
    pattern.steps.map((step) => [step.id, pendingStep(step.id)]),
  );
  const waitingOn = new Map(pattern.steps.map((step) => [step.id, step.dependsOn.length]));
  const dependents = new Map<string, Step[]>();
  for (const step of pattern.steps) {
    for (const dep of step.dependsOn) dependents.set(dep, [...(dependents.get(dep) ?? []), step]);
  }
  const outputs = new Map<string, JsonValue | null>();
  const undoStack: Array<{ stepId: string; undo?: () => Promise<void> }> = [];
  const ready: Step[] = pattern.steps.filter((step) => step.dependsOn.length === 0);
  let firstError: string | null = null;
  // Attempts in progress; one listener on the execution's signal aborts them all on cancel.
  const attempts = new Set<{ abort: () => void }>();
  const cancelAll = () => {
    for (const attempt of attempts) attempt.abort();
  };
  signal.addEventListener('abort', cancelAll, { once: true });

  const change = (stepId: string, patch: Partial<StepResult>) => {
    const result = { ...(results.get(stepId) as StepResult), ...patch };
    results.set(stepId, result);
    options.onStepChange(result);
  };

  const skipDependentsOf = (stepId: string) => {
    for (const dependent of dependents.get(stepId) ?? []) {
      if (results.get(dependent.id)?.status !== 'PENDING') continue;
      change(dependent.id, { status: 'SKIPPED', error: `dependency "${stepId}" did not succeed` });
      skipDependentsOf(dependent.id);
    }
  };

  let running = 0;
  let wake: () => void = () => {};
  const runStep = async (step: Step): Promise<void> => {
    let acquired = false;
    try {
      if (!limits.processSlots.tryAcquire()) await limits.processSlots.acquire();
      acquired = true;
      await attemptAll(step);
    } finally {
      if (acquired) limits.processSlots.release();
      running -= 1;
      wake();
    }
  };

  /** The step's attempts, from RUNNING to its end (retries with backoff in between). */
  const attemptAll = async (step: Step): Promise<void> => {
    const started = clock.now();
    change(step.id, { status: 'RUNNING', startedAt: started.toISOString(), attempts: 1 });
    const finish = (patch: Partial<StepResult>) => {
      const finished = clock.now();
      change(step.id, {
        ...patch,
        finishedAt: finished.toISOString(),
        durationMs: finished.getTime() - started.getTime(),
      });
    };
    for (let attempt = 1; ; attempt++) {
      if (attempt > 1) change(step.id, { attempts: attempt });
      try {
        const outcome = await attemptStep(step, options, outputs, attempts);
        outputs.set(step.id, outcome.output);
        undoStack.push({ stepId: step.id, undo: outcome.undo });
        finish({ status: 'SUCCEEDED', output: outcome.output, error: null });
        for (const dependent of dependents.get(step.id) ?? []) {
          const left = (waitingOn.get(dependent.id) ?? 1) - 1;
          waitingOn.set(dependent.id, left);
          if (left === 0 && results.get(dependent.id)?.status === 'PENDING') ready.push(dependent);
        }
        return;
      } catch (error) {
        if (signal.aborted) return finish({ status: 'CANCELLED', error: 'cancelled' });
        const message = error instanceof Error ? error.message : String(error);
        if (isPermanent(error) || attempt > step.retries) {
          firstError ??= `step "${step.id}" failed: ${message}`;
          finish({ status: 'FAILED', error: message });
          skipDependentsOf(step.id);
          return;
        }
        const backoff =
          limits.random() * Math.min(limits.retryCapMs, limits.retryBaseMs * 2 ** (attempt - 1));
        try {
          await sleep(backoff, signal);
        } catch {
          return finish({ status: 'CANCELLED', error: 'cancelled' });
        }
      }
    }
  };

  // One wake-up per finished step (not a race over every running one): the loop then starts
  // whatever became ready.
  for (;;) {
    while (ready.length > 0 && running < limits.stepConcurrency && !signal.aborted) {
      const step = ready.shift() as Step;
      running += 1;
      void runStep(step);
    }
    if (running === 0) break;
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
  }

  signal.removeEventListener('abort', cancelAll);
  for (const [stepId, result] of results) {
    if (result.status === 'PENDING') {
      change(
        stepId,
        signal.aborted ? { status: 'CANCELLED', error: 'cancelled' } : { status: 'SKIPPED' },
      );
    }
  }
  const status = signal.aborted ? 'CANCELLED' : firstError !== null ? 'FAILED' : 'SUCCEEDED';
  let error = status === 'CANCELLED' ? 'cancelled' : firstError;
  if (status !== 'SUCCEEDED' && pattern.transactional) {
    const failures = await rollBack(undoStack, change);
    if (failures.length > 0) error = `${error}; rollback failed: ${failures.join('; ')}`;
  }
  return {
    status,
    steps: pattern.steps.map((step) => results.get(step.id) as StepResult),
    outputs: Object.fromEntries(outputs),
    error,
  };
}

/** One attempt: fill the templates, run with a timeout, abort on cancellation. */
async function attemptStep(
  step: Step,
  options: RunStepsOptions,
  outputs: ReadonlyMap<string, JsonValue | null>,
  attempts: Set<{ abort: () => void }>,
) {
  const { limits, signal } = options;
  const timeoutMs = Math.min(step.timeoutMs ?? limits.defaultTimeoutMs, limits.maxTimeoutMs);
  const attempt = new StepAttempt(timeoutMs);
  const cancel = { abort: () => attempt.abort(new CancelledError()) };
  attempts.add(cancel);
  if (signal.aborted) cancel.abort();
  try {
    const params = render(step.parameters, { input: options.input, outputs });
    const runner = options.runners[step.type];
    return await attempt.run(() =>
      runner.run(step, params, new AttemptContext(options.context, attempt)),
    );
  } finally {
    attempt.end();
    attempts.delete(cancel);
  }
}

async function rollBack(
  undoStack: ReadonlyArray<{ stepId: string; undo?: () => Promise<void> }>,
  change: (stepId: string, patch: Partial<StepResult>) => void,
): Promise<string[]> {
  const failures: string[] = [];
  for (const { stepId, undo } of [...undoStack].reverse()) {
    try {
      await undo?.();
      change(stepId, { status: 'ROLLED_BACK' });
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
