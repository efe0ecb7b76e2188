import type { Execution, ExecutionStatus } from './execution.js';
import type { ExecutionStore } from './execution-store.js';

/**
 * Persists an execution after every transition without letting writes overtake each other:
 * one write at a time; transitions that arrive meanwhile are folded into the next write.
 */
export class ExecutionPersister {
  private writing: Promise<void> | null = null;
  private latest: Execution | null = null;
  private savedStatus: ExecutionStatus;

  constructor(
    private readonly store: ExecutionStore,
    initial: Execution,
    private readonly onError: (error: unknown) => void,
  ) {
    this.savedStatus = initial.status;
  }

  schedule(execution: Execution): void {
    this.latest = execution;
    if (!this.writing) this.writing = this.drain();
  }

  /** Resolves once everything scheduled so far is written. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async drain(): Promise<void> {
    while (this.latest) {
      const next = this.latest;
      this.latest = null;
      try {
        await this.store.save(next, this.savedStatus);
        this.savedStatus = next.status;
      } catch (error) {
        this.onError(error);
      }
    }
    this.writing = null;
  }
}
