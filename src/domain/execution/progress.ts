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
  stage: ProgressStage | null;
  updatedAt: string;
};

/** Percent of `total` steps settled, to one decimal; a run of no steps is done. */
function percentSettled(settled: number, total: number): number {
  return total === 0 ? 100 : Math.round((1000 * settled) / total) / 10;
}

/** The update announcing a run's start. */
export function startUpdate(execution: Execution): ProgressUpdate {
  const { status, percent, currentStage, updatedAt } = progressOf(execution);
  return { status, percent, currentStage, stage: null, updatedAt };
}

/** The update for one step's transition, `settled` of `total` steps being settled: O(1). */
export function stepUpdate(
  step: StepResult,
  settled: number,
  total: number,
  now: () => string,
): ProgressUpdate {
  return {
    status: 'PROCESSING',
    percent: percentSettled(settled, total),
    currentStage: step.status === 'RUNNING' ? step.stepId : null,
    stage: progressStage(step),
    updatedAt: step.finishedAt ?? step.startedAt ?? now(),
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
