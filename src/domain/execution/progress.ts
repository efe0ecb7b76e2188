import type { Execution, StepResult, StepStatus } from './execution.js';

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

/** An execution's progress: one stage per step, named after it. */
export function progressOf(execution: Execution): Progress {
  const stages = execution.steps.map(progressStage);
  let settled = 0;
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
  for (const stage of stages)
    if (stage.status === 'COMPLETED' || stage.status === 'FAILED') settled++;
  return {
    id: execution.id,
    status:
      execution.status === 'PENDING'
        ? 'PENDING'
        : execution.status === 'RUNNING'
          ? 'PROCESSING'
          : execution.status === 'SUCCEEDED'
            ? 'COMPLETED'
            : 'FAILED',
    percent: stages.length === 0 ? 100 : Math.round((1000 * settled) / stages.length) / 10,
    stages,
    currentStage: stages.find((stage) => stage.status === 'PROCESSING')?.name ?? null,
    error: execution.error,
    updatedAt,
    completedAt: execution.finishedAt,
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
