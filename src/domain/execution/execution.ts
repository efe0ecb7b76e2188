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
  /**
   * How to undo what the step did (transactional runs only), as data: recorded with the result
   * (and, for key writes, before the write) so that a process taking the run over can still
   * roll it back. Absent when there is nothing to undo.
   */
  undo?: JsonValue | null;
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
  /** The roles of its user at the start: the viewer a process taking the run over runs it as. */
  createdByRoles: string[];
  /** The generation of the version it runs (a pattern deleted and created again is another). */
  patternGeneration: string | null;
  /**
   * Times a process took the run up: 1 after the first start, +1 per takeover (0 while it
   * waits, PENDING). Also the fencing token: writes of an owner whose number is behind are refused.
   */
  attempts: number;
  /** When a process last took it over from one that stopped. */
  resumedAt: string | null;
  /** The process that runs it (or ran it last). */
  instance: string | null;
  /** The schedule that fired it, if one did. */
  scheduleId: string | null;
  /** A delayed start: not before this time. */
  notBefore: string | null;
  /** The run whose PATTERN step started this one (child runs). */
  parentId: string | null;
  /** SYNC runs: cancelled for taking too long at this time, whichever process runs them. */
  deadline: string | null;
}

/** The fields records written before runs were durable lack, with what they meant then. */
export const DURABLE_DEFAULTS = {
  createdByRoles: [] as string[],
  patternGeneration: null,
  attempts: 1,
  resumedAt: null,
  instance: null,
  scheduleId: null,
  notBefore: null,
  parentId: null,
  deadline: null,
} satisfies Partial<Execution>;

/** A stored record with the fields it may lack filled in. */
export function withDurableDefaults(
  record: Omit<Execution, keyof typeof DURABLE_DEFAULTS> & Partial<Execution>,
): Execution {
  return { ...DURABLE_DEFAULTS, ...record, createdByRoles: record.createdByRoles ?? [] };
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
