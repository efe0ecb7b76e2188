import type { StepResult } from './execution.js';
import type { ExecutionStore } from './execution-store.js';

/**
 * Persists every step transition, batching those of one tick (steps whose replies arrived
 * together) into one write. Writes go out in order; `flush` sends what is pending and waits for
 * all of them.
 */
export class StepWriter {
  private pending = new Map<string, StepResult>();
  private scheduled = false;
  private writes: Promise<void> = Promise.resolve();
  /** Set when a write failed: the step results stored are then behind, until all are written. */
  lostWrites = false;

  constructor(
    private readonly store: ExecutionStore,
    private readonly executionId: string,
    /** The writer's fencing token (the run's attempts when this process took it up). */
    private readonly attempts: number,
    private readonly onError: (error: unknown) => void,
    /** A write was refused: another process took the run over. */
    private readonly onFenced: () => void,
  ) {}

  write(step: StepResult): void {
    this.pending.set(step.stepId, step);
    if (this.scheduled) return;
    this.scheduled = true;
    // After this tick's transitions, before the Redis client flushes (it waits for setImmediate):
    // the batch then shares a write with the commands the same transitions started.
    process.nextTick(() => this.send());
  }

  async flush(): Promise<void> {
    if (this.scheduled) this.send();
    await this.writes;
  }

  private send(): void {
    if (!this.scheduled) return;
    this.scheduled = false;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    // Issued at once: commands on one connection reach Redis in the order they are sent, so
    // waiting for the previous reply would only add a round trip per batch.
    const write = this.store.saveSteps(this.executionId, this.attempts, batch).then(
      (saved) => {
        if (!saved) this.onFenced();
      },
      (error: unknown) => {
        this.lostWrites = true;
        this.onError(error);
      },
    );
    this.writes = Promise.all([this.writes, write]).then(() => {});
  }
}
