import {
  type CancelBroadcast,
  type CancelWatcher,
  CancelWatchers,
} from '../../domain/execution/cancel-broadcast.js';

/** The embedded broadcast: one process, so a publish reaches its watchers directly. */
export class MemoryCancelBroadcast implements CancelBroadcast {
  private readonly watchers = new CancelWatchers();

  async publish(executionId: string): Promise<void> {
    this.watchers.cancelled(executionId);
  }

  watch(executionId: string, watcher: CancelWatcher): () => void {
    return this.watchers.add(executionId, watcher);
  }
}
