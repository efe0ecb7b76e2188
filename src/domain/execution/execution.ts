import type { JsonValue } from '../shared/json.js';

export const EXECUTION_STATUSES = [
  'PENDING',
  'RUNNING',
  'SUCCEEDED',
  'FAILED',
  'CANCELLED',
] as const;
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];

export const STEP_STATUSES = [
  'PENDING',
  'RUNNING',
  'SUCCEEDED',
  'FAILED',
  'SKIPPED',
  'CANCELLED',
  'ROLLED_BACK',
] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export const EXECUTION_MODES = ['SYNC', 'ASYNC'] as const;
export type ExecutionMode = (typeof EXECUTION_MODES)[number];

/**
 * Where a step's transitions fall in its run's transition sequence: the run's start is 0, and
 * every change of a step's result (each one announced by a PROGRESS event carrying the same
 * number) takes the next one. Timestamps cannot order transitions (two steps may finish in the
 * same millisecond); these numbers do, so the progress as of any event can be rebuilt exactly.
 */
export type StepTransitions = {
  /** It started running. */
  start: number | null;
  /** It ended: succeeded, failed, skipped or cancelled. */
  settle: number | null;
  /** It was undone after it succeeded (a transactional run that did not). */
  rollback: number | null;
};

export interface StepResult {
  stepId: string;
  status: StepStatus;
  attempts: number;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  output: JsonValue | null;
  error: string | null;
  /** Absent on results recorded before runs numbered their transitions. */
  transitions?: StepTransitions | null;
}

export interface Execution {
  id: string;
  patternId: string;
  patternVersion: number;
  status: ExecutionStatus;
  input: JsonValue | null;
  /** Outputs of the steps that succeeded, by step id. */
  output: JsonValue | null;
  steps: StepResult[];
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  error: string | null;
  createdBy: string;
  idempotencyKey: string | null;
}

export function isFinished(status: ExecutionStatus): boolean {
  return status === 'SUCCEEDED' || status === 'FAILED' || status === 'CANCELLED';
}

/** A step that has not started. */
export function pendingStep(stepId: string): StepResult {
  return {
    stepId,
    status: 'PENDING',
    attempts: 0,
    startedAt: null,
    finishedAt: null,
    durationMs: null,
    output: null,
    error: null,
  };
}
