import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { CancelWatcher } from '../../src/domain/execution/cancel-broadcast.js';
import { startHeartbeat } from '../../src/domain/execution/heartbeat.js';
import { RunningRun } from '../../src/domain/execution/running-run.js';
import type { StoreHealth } from '../../src/domain/execution/store-health.js';
import { MemoryCancelBroadcast } from '../../src/infra/memory/memory-cancel-broadcast.js';
import { MemoryExecutionStore } from '../../src/infra/memory/memory-execution-store.js';

const clock = { now: () => new Date(1_000_000) };
const LEASE_MS = 30_000;

function aRun(): RunningRun {
  return new RunningRun(
    { id: 'x1', attempts: 1 } as never,
    { depth: 0, callStack: [], slotOf: null, tree: { runs: 1 } },
    4,
  );
}

/** A store that comes back when told to. */
function switchableHealth() {
  const listeners = new Set<() => void>();
  const health: StoreHealth = {
    isUnavailable: () => true,
    whenAvailable: async () => {},
    onAvailable: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const back = () => {
    for (const listener of listeners) listener();
  };
  return { health, back, listeners };
}

describe('the heartbeat', () => {
  it('renews the lease as soon as the store is back, not at its next beat', async () => {
    const executions = new MemoryExecutionStore(() => null);
    await executions.renewLease('x1', 1, 0);
    const { health, back, listeners } = switchableHealth();
    const stop = startHeartbeat(executions, clock, LEASE_MS, 'x1', aRun(), { storeHealth: health });
    expect(await executions.expiredLeases(1)).toEqual(['x1']);
    back();
    expect(await executions.expiredLeases(clock.now().getTime() + LEASE_MS - 1)).toEqual([]);
    stop();
    expect(listeners.size).toBe(0);
  });

  it('stops the run when its cancel is broadcast', async () => {
    const executions = new MemoryExecutionStore(() => null);
    const cancels = new MemoryCancelBroadcast();
    const run = aRun();
    const stop = startHeartbeat(executions, clock, LEASE_MS, 'x1', run, { cancels });
    const aborted = once(run.signal, 'abort');
    await cancels.publish('x1');
    await aborted;
    expect(run.reason).toBe('cancelled');
    stop();
  });

  it('reads the stored request at once when broadcasts may have been missed', async () => {
    const executions = new MemoryExecutionStore(() => null);
    let watcher: CancelWatcher | undefined;
    const cancels = {
      publish: async () => {},
      watch: (_id: string, given: CancelWatcher) => {
        watcher = given;
        return () => {};
      },
    };
    const run = aRun();
    const stop = startHeartbeat(executions, clock, LEASE_MS, 'x1', run, { cancels });
    await executions.requestCancel('x1');
    const aborted = once(run.signal, 'abort');
    watcher?.missed();
    await aborted;
    expect(run.reason).toBe('cancelled');
    stop();
  });
});
