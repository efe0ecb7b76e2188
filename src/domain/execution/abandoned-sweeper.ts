import type { Execution, StepResult } from './execution.js';
import type { ExecutionStore } from './execution-store.js';
import type { RunEnd } from './run-end.js';

/** The error of a step that was running when the process running it died. */
const ABANDONED_WHILE_RUNNING =
  'abandoned: the process running it stopped; whether its effect happened is unknown';

/**
 * Ends a run that cannot continue after its process stopped (see RunRecovery for which), or a
 * waiting run that may no longer start, as FAILED with `error`, through the same end as a run
 * that finished here. Fenced by the attempts read: false when another process claimed it
 * meanwhile (nothing is written then). A write that fails is thrown (the next sweep tries again).
 */
export async function abandon(
  executions: ExecutionStore,
  end: RunEnd,
  execution: Execution,
  now: Date,
  error: string,
): Promise<boolean> {
  const abandoned = abandonedAt(execution, now, error);
  // Its process is gone: the lease and a slot it held for its user go with the record.
  return end.finish(abandoned, {
    previousStatus: execution.status,
    slotOf: execution.parentId === null ? execution.createdBy : null,
    // The generation it was admitted in: a run of a pattern deleted (and created again under
    // its id) counts for none, never for the pattern that took the id.
    generation: execution.patternGeneration,
    writeSteps: () =>
      executions.saveSteps(
        execution.id,
        execution.attempts,
        abandoned.steps.filter((step, i) => step !== execution.steps[i]),
      ),
  });
}

/**
 * What is known, and no more: a step that never started was cancelled; one that was running when
 * its process died did not succeed as far as the record knows, and its effect may or may not
 * have happened.
 */
function abandonedAt(execution: Execution, now: Date, error: string): Execution {
  const steps = execution.steps.map((step): StepResult => {
    if (step.status === 'PENDING') return { ...step, status: 'CANCELLED', error: 'abandoned' };
    if (step.status !== 'RUNNING') return step;
    return {
      ...step,
      status: 'FAILED',
      error: ABANDONED_WHILE_RUNNING,
      finishedAt: now.toISOString(),
    };
  });
  return {
    ...execution,
    status: 'FAILED',
    steps,
    error,
    finishedAt: now.toISOString(),
    durationMs: execution.startedAt ? now.getTime() - Date.parse(execution.startedAt) : null,
  };
}
