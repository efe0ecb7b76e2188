import type { StepResult, StepTransitions } from '../../domain/execution/execution.js';
import type { JsonValue } from '../../domain/shared/json.js';

/**
 * Step results as stored in an execution's steps hash: a positional JSON array with epoch
 * milliseconds, about a third of the object's size. Every transition of every step is written,
 * so these bytes are most of what an execution sends to Redis.
 */
type StoredStep = [
  status: StepResult['status'],
  attempts: number,
  startedAt: number | null,
  finishedAt: number | null,
  durationMs: number | null,
  output: JsonValue | null,
  error: string | null,
  /** [start, settle, rollback]: the step's numbers in its run's transition sequence. */
  transitions: [number | null, number | null, number | null] | null,
  /** How to undo the step (transactional runs), as data. */
  undo: JsonValue | null,
];

/**
 * A step is written at each transition with the same start time, and a time is parsed again by
 * the next step: the last few parses are remembered (Date.parse is most of encoding's cost).
 */
const recentTimes = new Map<string, number>();

function epochMs(iso: string): number {
  let ms = recentTimes.get(iso);
  if (ms === undefined) {
    ms = Date.parse(iso);
    if (recentTimes.size >= 64) recentTimes.clear();
    recentTimes.set(iso, ms);
  }
  return ms;
}

export function encodeStep(step: StepResult): string {
  const stored: StoredStep = [
    step.status,
    step.attempts,
    step.startedAt === null ? null : epochMs(step.startedAt),
    step.finishedAt === null ? null : epochMs(step.finishedAt),
    step.durationMs,
    step.output,
    step.error,
    step.transitions
      ? [step.transitions.start, step.transitions.settle, step.transitions.rollback]
      : null,
    step.undo ?? null,
  ];
  // Trailing nulls are implied.
  let end = stored.length;
  while (end > 2 && stored[end - 1] === null) end -= 1;
  return JSON.stringify(end === stored.length ? stored : stored.slice(0, end));
}

export function decodeStep(stepId: string, encoded: string): StepResult {
  const parsed = JSON.parse(encoded) as Partial<StoredStep> | StepResult;
  // Records written before this encoding hold the step result object itself.
  if (!Array.isArray(parsed)) return parsed;
  const [status, attempts, startedAt, finishedAt, durationMs, output, error, transitions, undo] =
    parsed;
  const result: StepResult = {
    stepId,
    status: status ?? 'PENDING',
    attempts: attempts ?? 0,
    startedAt: startedAt == null ? null : new Date(startedAt).toISOString(),
    finishedAt: finishedAt == null ? null : new Date(finishedAt).toISOString(),
    durationMs: durationMs ?? null,
    output: output ?? null,
    error: error ?? null,
  };
  // Results written before runs numbered their transitions have none.
  if (transitions) result.transitions = transitionsOf(transitions);
  if (undo != null) result.undo = undo;
  return result;
}

function transitionsOf([start, settle, rollback]: NonNullable<StoredStep[7]>): StepTransitions {
  return { start: start ?? null, settle: settle ?? null, rollback: rollback ?? null };
}
