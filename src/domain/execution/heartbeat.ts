import type { Clock } from '../shared/clock.js';
import type { CancelBroadcast } from './cancel-broadcast.js';
import type { ExecutionStore } from './execution-store.js';
import type { RunningRun } from './running-run.js';
import type { StoreHealth } from './store-health.js';

/** What a heartbeat listens to besides its timer (both optional). */
export interface HeartbeatSignals {
  /** Cancels published by any process: the run stops within a round trip of the request. */
  cancels?: CancelBroadcast;
  /** The store back after an outage: the lease is renewed at once, before anyone sweeps it. */
  storeHealth?: StoreHealth;
}

/**
 * While a run runs: renews its lease (and its user's run slot) three times a lease, and honours
 * a cancel request made to another process: at once when it is broadcast, else (a message lost
 * while the subscription was down is told as `missed`) when the stored request is read, at the
 * next beat or at once after a gap. A renewal refused (the run was taken over by another
 * process) stops the run here. Returns how to stop it.
 */
export function startHeartbeat(
  executions: ExecutionStore,
  clock: Clock,
  leaseMs: number,
  executionId: string,
  run: RunningRun,
  signals: HeartbeatSignals = {},
): () => void {
  const { slotOf } = run.nesting;
  const cancel = () => {
    if (!run.signal.aborted) run.abort('cancelled');
  };
  const checkCancel = () => {
    void executions.isCancelRequested(executionId).then(
      (requested) => {
        if (requested) cancel();
      },
      () => {},
    );
  };
  const beat = () => {
    const until = clock.now().getTime() + leaseMs;
    void executions.renewLease(executionId, run.attempts, until).then(
      (renewed) => {
        // Another process took the run over (this one was paused past its lease): stop.
        if (!renewed && !run.fenced) run.fence();
      },
      () => {},
    );
    if (slotOf !== null) void executions.renewRunSlot(slotOf, executionId, until).catch(() => {});
    checkCancel();
  };
  const timer = setInterval(beat, Math.max(50, Math.floor(leaseMs / 3)));
  const unwatch = signals.cancels?.watch(executionId, { cancelled: cancel, missed: checkCancel });
  // Renewals failed while the store was away: the lease may be close to running out.
  const offAvailable = signals.storeHealth?.onAvailable(beat);
  return () => {
    clearInterval(timer);
    unwatch?.();
    offAvailable?.();
  };
}
