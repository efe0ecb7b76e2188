/** The scheduler through a store outage: interrupted attempts wait for the store, spend no retry. */
import { describe, expect, it } from 'vitest';
import type { StepRunner } from '../../src/domain/execution/step-runner.js';
import type { StoreHealth } from '../../src/domain/execution/store-health.js';
import type { Step } from '../../src/domain/pattern/pattern.js';
import { makePattern } from '../helpers/patterns.js';
import { everywhere, run as runPattern } from '../helpers/run-steps.js';

class Unreachable extends Error {}

const step = (id: string, extra: Partial<Step> = {}): Step => ({
  id,
  type: 'CACHE',
  action: 'set',
  parameters: {},
  dependsOn: [],
  retries: 0,
  timeoutMs: null,
  ...extra,
});

/** A store that is down until `back()`; whenAvailable waits for that. */
function outage() {
  let back: () => void = () => {};
  const returned = new Promise<void>((resolve) => {
    back = resolve;
  });
  let waits = 0;
  const health: StoreHealth = {
    isUnavailable: (error) => error instanceof Unreachable,
    whenAvailable: (signal) => {
      waits += 1;
      return new Promise<void>((resolve, reject) => {
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
        void returned.then(resolve);
      });
    },
    onAvailable: () => () => {},
  };
  return {
    health,
    back: () => back(),
    get waits() {
      return waits;
    },
  };
}

function run(
  runner: StepRunner,
  health: StoreHealth,
  extra: { deadlineMs?: number; retries?: number } = {},
) {
  const pattern = makePattern({ steps: [step('s', { retries: extra.retries ?? 0 })] });
  return runPattern(pattern, everywhere(runner), {
    storeHealth: health,
    deadlineMs: extra.deadlineMs,
  });
}

describe('a store outage during a step', () => {
  it('waits for the store and attempts again, spending no retry and failing nothing', async () => {
    const store = outage();
    let calls = 0;
    const runner: StepRunner = {
      run: async () => {
        calls += 1;
        if (calls <= 2) {
          if (calls === 2) throw new Unreachable('still down');
          setImmediate(() => store.back());
          throw new Unreachable('down');
        }
        return { output: { ok: true } };
      },
    };
    // No retries at all: an outage is not a failure.
    const result = await run(runner, store.health, { retries: 0 });
    expect(result.status).toBe('SUCCEEDED');
    expect(result.steps[0]).toMatchObject({ status: 'SUCCEEDED', attempts: 3, error: null });
    expect(store.waits).toBe(2);
  });

  it('still counts a real failure after the store is back against the retries', async () => {
    const store = outage();
    store.back();
    let calls = 0;
    const runner: StepRunner = {
      run: async () => {
        calls += 1;
        if (calls === 1) throw new Unreachable('down');
        throw new Error('the step itself failed');
      },
    };
    const result = await run(runner, store.health, { retries: 1 });
    expect(result.status).toBe('FAILED');
    // One interrupted attempt, then the first failure and its one retry.
    expect(result.steps[0]).toMatchObject({
      status: 'FAILED',
      attempts: 3,
      error: 'the step itself failed',
    });
  });

  it('gives up at the deadline, FAILED, saying the outcome is unknown', async () => {
    const store = outage();
    const runner: StepRunner = {
      run: async () => {
        throw new Unreachable('down');
      },
    };
    const result = await run(runner, store.health, { deadlineMs: Date.now() + 20 });
    expect(result.status).toBe('FAILED');
    expect(result.steps[0]).toMatchObject({
      status: 'FAILED',
      attempts: 1,
      error:
        "the store was unreachable until the execution's deadline; whether attempt 1 took effect is unknown",
    });
  });
});
