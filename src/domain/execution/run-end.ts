import { timeOrderedId } from '../shared/ids.js';
import type { Execution, ExecutionStatus } from './execution.js';
import type { ExecutionStore } from './execution-store.js';
import type { RunEvents } from './run-events.js';

/** How one run's end is written. */
export interface EndWrites {
  /** The status its record has now (the store ends only a record still in it). */
  previousStatus: ExecutionStatus;
  /** The user whose run slot the record releases with the lease (null: none). */
  slotOf: string | null;
  /** The pattern generation its statistics count for (null: the current one). */
  generation: string | null;
  /** Writes the last step results; `attempt` counts from 0. */
  writeSteps: (attempt: number) => Promise<unknown>;
  /**
   * Present: a part that fails is retried alone until it lands (the record is late, never wrong),
   * and the first failure is announced here, so that a SYNC caller hears at once. Absent: the
   * failure is thrown, and nothing is announced.
   */
  retry?: { stalled: (error: unknown) => void };
  /** The record landed, and with it the release of the lease and run slot. */
  recorded?: () => void;
  /** All is written (or given up on): called before the end is announced. */
  written?: () => void;
}

/**
 * The one way a run ends, whether it ran here or its process died: its last step results and
 * the record in one round trip (the steps queued before the record that announces the end; the
 * record counts the statistics with it, so only the one process whose end landed counts); then
 * the end is published and `onFinished` told.
 */
export class RunEnd {
  /** Set at shutdown: ends that cannot be written are no longer retried. */
  private stopping = false;

  constructor(
    private readonly executions: ExecutionStore,
    private readonly events: RunEvents,
    private readonly onFinished: (execution: Execution) => void,
    private readonly onError: (error: unknown, context: string) => void,
  ) {}

  stopRetrying(): void {
    this.stopping = true;
  }

  /**
   * False when the record refused the end (fenced: another process took the run over, and
   * records its end), or was given up on at shutdown before it landed: nothing is announced then.
   */
  async finish(final: Execution, how: EndWrites): Promise<boolean> {
    const recorded = await this.write(final, how);
    how.written?.();
    if (!recorded) return false;
    await this.announce(final);
    return true;
  }

  /**
   * Publishes an end already recorded (by `finish`, or by an atomic write of its own, as a
   * cancelled PENDING run's) and tells `onFinished`.
   */
  async announce(final: Execution): Promise<void> {
    await this.events.ended(final);
    this.onFinished(final);
  }

  private async write(final: Execution, how: EndWrites): Promise<boolean> {
    let fenced = false;
    let recordWritten = false;
    // Names this end: a retry of a record write that landed (its reply lost) is told apart from
    // another process's end of the same run, even one alike to the millisecond.
    const endId = timeOrderedId('e', new Date());
    const writeRecord = async () => {
      // Counted with the record, by the process whose end lands only: a fenced end (a process
      // paused past its lease, or a second instance ending the same run), or a retry of an end
      // that landed, counts nothing.
      const counted = { generation: how.generation };
      fenced = !(await this.executions.finish(
        final,
        how.previousStatus,
        how.slotOf,
        endId,
        counted,
      ));
      recordWritten = true;
      if (!fenced) how.recorded?.();
    };
    // The steps and the record in one round trip (the steps queued before the record that
    // announces the end); a part that fails is retried alone.
    let pending: Array<(attempt: number) => Promise<unknown>> = [how.writeSteps, writeRecord];
    for (let attempt = 0; ; attempt++) {
      const outcomes = await Promise.allSettled(pending.map((write) => write(attempt)));
      pending = pending.filter((_, i) => outcomes[i]?.status === 'rejected');
      if (fenced) return false;
      if (pending.length === 0) return true;
      const failure = outcomes.find((outcome) => outcome.status === 'rejected')?.reason;
      if (!how.retry) throw failure;
      if (attempt === 0) {
        this.onError(failure, `recording the end of ${final.id}; retrying until it lands`);
        how.retry.stalled(failure);
      }
      if (this.stopping) {
        this.onError(failure, `gave up recording the end of ${final.id}: shutting down`);
        // An end whose record never landed is not announced: the run keeps its lease, runs out
        // of it, and the process that takes it over records (and announces) its end.
        return recordWritten;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(100 * 2 ** attempt, 2_000)));
    }
  }
}
