import type { Clock } from '../shared/clock.js';
import { type Execution, isFinished, type StepResult } from './execution.js';
import type { ExecutionStore } from './execution-store.js';
import type { RunEnd } from './run-end.js';

/** The error of a step that was running when the process running it died. */
const ABANDONED_WHILE_RUNNING =
  'abandoned: the process running it stopped; whether its effect happened is unknown';

/**
 * Ends runs whose process died (their lease ran out) as FAILED "abandoned", through the same end
 * as a run that finished here. Returns how many it ended; a write that fails is thrown (the next
 * sweep tries again).
 */
export async function sweepAbandoned(
  executions: ExecutionStore,
  clock: Clock,
  end: RunEnd,
  runsHere: (executionId: string) => boolean,
): Promise<number> {
  const now = clock.now();
  const ids = (await executions.expiredLeases(now.getTime())).filter((id) => !runsHere(id));
  let ended = 0;
  for (const execution of await executions.getMany(ids)) {
    if (!execution) continue;
    if (isFinished(execution.status)) {
      await executions.releaseLease(execution.id);
      continue;
    }
    const abandoned = abandonedAt(execution, now);
    // Its process is gone: the lease and a slot it held for its user go with the record.
    await end.finish(abandoned, {
      previousStatus: execution.status,
      slotOf: execution.createdBy,
      generation: null,
      writeSteps: () =>
        executions.saveSteps(
          execution.id,
          abandoned.steps.filter((step, i) => step !== execution.steps[i]),
        ),
    });
    ended += 1;
  }
  return ended;
}

/**
 * What is known, and no more: a step that never started was cancelled; one that was running when
 * its process died did not succeed as far as the record knows, and its effect may or may not
 * have happened.
 */
function abandonedAt(execution: Execution, now: Date): Execution {
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
    error: 'abandoned',
    finishedAt: now.toISOString(),
    durationMs: execution.startedAt ? now.getTime() - Date.parse(execution.startedAt) : null,
  };
}
