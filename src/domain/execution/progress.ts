import type { Execution, ExecutionStatus, StepResult, StepStatus } from './execution.js';

export const PROGRESS_STATUSES = ['PENDING', 'PROCESSING', 'COMPLETED', 'FAILED'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

export type ProgressStage = {
  name: string;
  status: ProgressStatus;
  progress: number;
  startedAt: string | null;
  completedAt: string | null;
  error: string | null;
};

export interface Progress {
  id: string;
  status: ProgressStatus;
  percent: number;
  stages: ProgressStage[];
  currentStage: string | null;
  error: string | null;
  updatedAt: string;
  completedAt: string | null;
}

const STAGE_STATUS: Record<StepStatus, ProgressStatus> = {
  PENDING: 'PENDING',
  RUNNING: 'PROCESSING',
  SUCCEEDED: 'COMPLETED',
  FAILED: 'FAILED',
  SKIPPED: 'FAILED',
  CANCELLED: 'FAILED',
  ROLLED_BACK: 'FAILED',
};

const RUN_STATUS: Record<ExecutionStatus, ProgressStatus> = {
  PENDING: 'PENDING',
  RUNNING: 'PROCESSING',
  SUCCEEDED: 'COMPLETED',
  FAILED: 'FAILED',
  CANCELLED: 'FAILED',
};

/**
 * The payload of every PROGRESS event: the run's share settled and, for a step's transition, that
 * step's stage (null in the event of the run's start). A subscriber folds stages into the progress
 * it read (see withStage) rather than reading the run again. Type aliases, not interfaces: the
 * payload is then a JsonValue, as the event log keeps it.
 */
export type ProgressUpdate = {
  status: ProgressStatus;
  percent: number;
  /** The step whose transition this is, while it runs. */
  currentStage: string | null;
  /**
   * The first step (in the pattern's order) running after this change, as Progress.currentStage
   * has it. Absent in events logged before runs numbered their transitions.
   */
  runningStage?: string | null;
  stage: ProgressStage | null;
  updatedAt: string;
  /**
   * The change's number in its run's transition sequence (0 for the run's start); the step
   * results record the numbers of their transitions (StepResult.transitions). Absent in events
   * logged before runs numbered their transitions.
   */
  sequence?: number;
};

/** Percent of `total` steps settled, to one decimal; a run of no steps is done. */
function percentSettled(settled: number, total: number): number {
  return total === 0 ? 100 : Math.round((1000 * settled) / total) / 10;
}

/** The update announcing a run's start. */
export function startUpdate(execution: Execution): ProgressUpdate {
  const { status, percent, currentStage, updatedAt } = progressOf(execution);
  return {
    status,
    percent,
    currentStage,
    stage: null,
    updatedAt,
    sequence: 0,
    runningStage: currentStage,
  };
}

/** Where a step's change falls in its run: see StepChange. */
export interface StepChangeCounts {
  settled: number;
  sequence: number;
  currentStage: string | null;
}

/** The update for one step's transition, `settled` of `total` steps being settled: O(1). */
export function stepUpdate(
  step: StepResult,
  change: StepChangeCounts,
  total: number,
  now: () => string,
): ProgressUpdate {
  return {
    status: 'PROCESSING',
    percent: percentSettled(change.settled, total),
    currentStage: step.status === 'RUNNING' ? step.stepId : null,
    stage: progressStage(step),
    updatedAt: step.finishedAt ?? step.startedAt ?? now(),
    sequence: change.sequence,
    runningStage: change.currentStage,
  };
}

/** An execution's progress: one stage per step, named after it. */
export function progressOf(execution: Execution): Progress {
  // ISO times compare as strings: the latest is the greatest.
  let updatedAt = execution.createdAt;
  const later = (at: string | null) => {
    if (at !== null && at > updatedAt) updatedAt = at;
  };
  later(execution.startedAt);
  later(execution.finishedAt);
  for (const step of execution.steps) {
    later(step.startedAt);
    later(step.finishedAt);
  }
  return withStages(
    {
      id: execution.id,
      status: RUN_STATUS[execution.status],
      error: execution.error,
      updatedAt,
      completedAt: execution.finishedAt,
    },
    execution.steps.map(progressStage),
  );
}

/**
 * A stage only moves forward: PENDING → PROCESSING → COMPLETED → FAILED (the last by a
 * rollback; a step that fails, is skipped or cancelled goes straight to FAILED).
 */
const STAGE_ORDER: Record<ProgressStatus, number> = {
  PENDING: 0,
  PROCESSING: 1,
  COMPLETED: 2,
  FAILED: 3,
};

/**
 * The progress after one stage's transition (the `stage` of a PROGRESS event), or null when it
 * changes nothing: a transition that is not ahead of the stage as `progress` shows it (one
 * already read, or repeated) is dropped.
 */
export function withStage(progress: Progress, stage: ProgressStage): Progress | null {
  const index = progress.stages.findIndex((known) => known.name === stage.name);
  const known = progress.stages[index];
  if (!known || STAGE_ORDER[stage.status] <= STAGE_ORDER[known.status]) return null;
  const stages = [...progress.stages];
  stages[index] = stage;
  const at = stage.completedAt ?? stage.startedAt;
  return withStages(
    { ...progress, updatedAt: at !== null && at > progress.updatedAt ? at : progress.updatedAt },
    stages,
  );
}

/** A progress from its stages: the share settled, and the first stage in progress. */
function withStages(
  base: Omit<Progress, 'stages' | 'percent' | 'currentStage'>,
  stages: ProgressStage[],
): Progress {
  let settled = 0;
  let currentStage: string | null = null;
  for (const stage of stages) {
    if (stage.status === 'COMPLETED' || stage.status === 'FAILED') settled++;
    else if (stage.status === 'PROCESSING') currentStage ??= stage.name;
  }
  return {
    ...base,
    percent: percentSettled(settled, stages.length),
    stages,
    currentStage,
  };
}

export function progressStage(step: StepResult): ProgressStage {
  const status = STAGE_STATUS[step.status];
  const reason =
    step.status === 'SKIPPED'
      ? 'skipped'
      : step.status === 'ROLLED_BACK'
        ? 'rolled back'
        : step.status === 'CANCELLED'
          ? 'cancelled'
          : null;
  return {
    name: step.stepId,
    status,
    progress: status === 'PENDING' ? 0 : status === 'PROCESSING' ? 0.5 : 1,
    startedAt: step.startedAt,
    completedAt: step.finishedAt,
    error: step.error ?? reason,
  };
}

/**
 * A run's progress as of one of its PROGRESS events (`update`, the event's payload): every step
 * of the stored run in the state it had at the event's number in the run's transition sequence
 * (StepResult.transitions), and the run's status, percent and current stage the event announced.
 * Ties in time cannot blur it: the numbers order transitions of the same millisecond.
 *
 * The event's own stage is taken from the event itself, exact even when the stored record is a
 * write behind a live event. Events logged before runs numbered their transitions (no
 * `sequence`), and steps recorded without numbers, fall back to time: a step counts as started
 * or settled at the event when its startedAt or finishedAt is no later than the event's
 * `updatedAt`, which may misplace a transition of that same millisecond (and shows a rolled-back
 * step as rolled back once it settled).
 */
export function progressAsOf(execution: Execution, update: ProgressUpdate): Progress {
  const sequence = update.sequence;
  const stages = execution.steps.map((step) =>
    update.stage?.name === step.stepId ? update.stage : stageAsOf(step, sequence, update.updatedAt),
  );
  let updatedAt = execution.createdAt;
  const later = (at: string | null) => {
    if (at !== null && at > updatedAt) updatedAt = at;
  };
  later(execution.startedAt);
  for (const stage of stages) {
    later(stage.startedAt);
    later(stage.completedAt);
  }
  const byStages = withStages(
    { id: execution.id, status: update.status, error: null, updatedAt, completedAt: null },
    stages,
  );
  // The percent announced is the run's own count; the run's current stage is the event's too,
  // or, in events logged before it was, the one the stages show.
  return update.runningStage === undefined
    ? { ...byStages, percent: update.percent }
    : { ...byStages, percent: update.percent, currentStage: update.runningStage };
}

const NEVER_STARTED = { startedAt: null, finishedAt: null, error: null } as const;

function stageAsOf(step: StepResult, sequence: number | undefined, at: string): ProgressStage {
  const transitions = step.transitions;
  if (sequence === undefined || (!transitions && step.status !== 'PENDING')) {
    // By time (see progressAsOf).
    if (step.finishedAt !== null && step.finishedAt <= at) return progressStage(step);
    if (step.startedAt !== null && step.startedAt <= at)
      return progressStage({ ...step, status: 'RUNNING', finishedAt: null, error: null });
    return progressStage({ ...step, ...NEVER_STARTED, status: 'PENDING' });
  }
  const { start = null, settle = null, rollback = null } = transitions ?? {};
  if (rollback !== null && rollback <= sequence) return progressStage(step);
  if (settle !== null && settle <= sequence) {
    if (step.status !== 'ROLLED_BACK') return progressStage(step);
    // Only a step whose work completed is rolled back: it succeeded, or it failed for the size
    // of its output (then its error says so).
    return progressStage({ ...step, status: step.error === null ? 'SUCCEEDED' : 'FAILED' });
  }
  if (start !== null && start <= sequence)
    return progressStage({ ...step, status: 'RUNNING', finishedAt: null, error: null });
  return progressStage({ ...step, ...NEVER_STARTED, status: 'PENDING' });
}
