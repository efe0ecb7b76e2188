/**
 * The port through which runs are traced: a span per run and one per attempt of each step. The
 * domain says what happened; an adapter (OpenTelemetry, in infra/tracing/) records it. Without a
 * tracer (the default) nothing here is called, and a run does no tracing work at all.
 */
import type { StepType } from '../pattern/pattern.js';
import type { Execution, ExecutionStatus } from './execution.js';
import { CancelledError, StepTimeoutError } from './step-runner.js';

export interface RunTracer {
  /** A run begins; its span is a child of whatever is current (the operation that started it). */
  startRun(execution: Execution, depth: number): RunTrace;
}

export interface RunTrace {
  /** One attempt of a step, a child of the run's span. */
  startStep(step: { id: string; type: StepType }, attempt: number): StepTrace;
  /** The run ended; a second call changes nothing. */
  end(status: ExecutionStatus, error?: string | null): void;
}

export type StepAttemptStatus = 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'CANCELLED';

export interface StepTrace {
  /** Calls `work` with this attempt's span current: its Redis commands and child runs nest in it. */
  within<T>(work: () => T): T;
  end(status: StepAttemptStatus, error?: string): void;
}

/** Runs one attempt inside its span and ends the span with the attempt's outcome. */
export async function traceAttempt<T>(
  trace: RunTrace,
  step: { id: string; type: StepType },
  attempt: number,
  work: () => Promise<T>,
): Promise<T> {
  const span = trace.startStep(step, attempt);
  try {
    const result = await span.within(work);
    span.end('SUCCEEDED');
    return result;
  } catch (error) {
    const status =
      error instanceof StepTimeoutError
        ? 'TIMED_OUT'
        : error instanceof CancelledError
          ? 'CANCELLED'
          : 'FAILED';
    span.end(status, error instanceof Error ? error.message : String(error));
    throw error;
  }
}
