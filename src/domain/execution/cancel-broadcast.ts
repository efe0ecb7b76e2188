/**
 * Cancel requests told to every process at once. The request's key stays the record (a run
 * claimed later, or a process that missed the message, finds it); the broadcast only makes it
 * arrive within a round trip instead of at the run's next heartbeat.
 */
export interface CancelWatcher {
  /** A cancel of the watched execution was published (by any process). */
  cancelled(): void;
  /**
   * Messages may have been lost (the subscription was down and is back): whoever watches checks
   * the stored request now instead of waiting for the next heartbeat.
   */
  missed(): void;
}

export interface CancelBroadcast {
  /** Tells every process (this one included) that `executionId` is to be cancelled. */
  publish(executionId: string): Promise<void>;
  /** Calls `watcher` for cancels of `executionId` until the returned function is called. */
  watch(executionId: string, watcher: CancelWatcher): () => void;
}

/** The watchers of each execution in one process: what both adapters hand messages to. */
export class CancelWatchers {
  private readonly byExecution = new Map<string, Set<CancelWatcher>>();

  add(executionId: string, watcher: CancelWatcher): () => void {
    let watchers = this.byExecution.get(executionId);
    if (!watchers) {
      watchers = new Set();
      this.byExecution.set(executionId, watchers);
    }
    watchers.add(watcher);
    return () => {
      const current = this.byExecution.get(executionId);
      if (!current) return;
      current.delete(watcher);
      if (current.size === 0) this.byExecution.delete(executionId);
    };
  }

  cancelled(executionId: string): void {
    const watchers = this.byExecution.get(executionId);
    if (!watchers) return;
    for (const watcher of [...watchers]) watcher.cancelled();
  }

  /** Every watcher, after a gap in the messages. */
  missed(): void {
    for (const watchers of [...this.byExecution.values()]) {
      for (const watcher of [...watchers]) watcher.missed();
    }
  }

  get size(): number {
    return this.byExecution.size;
  }
}
