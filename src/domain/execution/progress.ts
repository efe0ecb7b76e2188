import type { Execution, ExecutionStatus, StepResult, StepStatus } from './execution.js';

export const PROGRESS_STATUSES = ['PENDING', 'PROCESSING', 'COMPLETED', 'FAILED'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

export interface ProgressStage {
  name: string;
  status: ProgressStatus;
  progress: number;
  startedAt: string | null;
  completedAt: string | null;
  error: string | null;
}

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
    percent: stages.length === 0 ? 100 : Math.round((1000 * settled) / stages.length) / 10,
    stages,
    currentStage,
  };
}

/** The stage a PROGRESS event's payload carries, if it is one. */
export function stageOfPayload(payload: unknown): ProgressStage | null {
  if (typeof payload !== 'object' || payload === null || !('stage' in payload)) return null;
  const { stage } = payload as { stage: unknown };
  if (typeof stage !== 'object' || stage === null) return null;
  const { name, status, progress, startedAt, completedAt, error } = stage as Record<
    keyof ProgressStage,
    unknown
  >;
  const known = PROGRESS_STATUSES.find((candidate) => candidate === status);
  if (typeof name !== 'string' || known === undefined) return null;
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    name,
    status: known,
    progress: typeof progress === 'number' ? progress : 0,
    startedAt: text(startedAt),
    completedAt: text(completedAt),
    error: text(error),
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
