import type { Clock } from '../shared/clock.js';
import type { ExecutionStore } from './execution-store.js';
import type { RunningRun } from './running-run.js';

/**
 * While a run runs: renews its lease (and its user's run slot) three times a lease, and honours
 * a cancel request made to another process; a renewal refused (the run was taken over) stops
 * the run here. Returns how to stop it.
 */
export function startHeartbeat(
  executions: ExecutionStore,
  clock: Clock,
  leaseMs: number,
  executionId: string,
  run: RunningRun,
): () => void {
  const { slotOf } = run.nesting;
  const timer = setInterval(
    () => {
      const until = clock.now().getTime() + leaseMs;
      void executions.renewLease(executionId, run.attempts, until).then(
        (renewed) => {
          // Another process took the run over (this one was paused past its lease): stop.
          if (!renewed && !run.fenced) run.fence();
        },
        () => {},
      );
      if (slotOf !== null) void executions.renewRunSlot(slotOf, executionId, until).catch(() => {});
      void executions.isCancelRequested(executionId).then(
        (requested) => {
          if (requested && !run.signal.aborted) run.abort('cancelled');
        },
        () => {},
      );
    },
    Math.max(50, Math.floor(leaseMs / 3)),
  );
  return () => clearInterval(timer);
}
