/** The scheduler through a store outage: interrupted attempts wait for the store, spend no retry. */
import { describe, expect, it } from 'vitest';
import { runSteps } from '../../src/domain/execution/scheduler.js';
import type { StepRunner } from '../../src/domain/execution/step-runner.js';
import type { StoreHealth } from '../../src/domain/execution/store-health.js';
import type { Step, StepType } from '../../src/domain/pattern/pattern.js';
import { STEP_TYPES } from '../../src/domain/pattern/pattern.js';
import { systemClock } from '../../src/domain/shared/clock.js';
import { FairSlots } from '../../src/domain/shared/fair-slots.js';
import { DEV_ADMIN } from '../../src/domain/shared/viewer.js';
import { makePattern } from '../helpers/patterns.js';

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
  const runners = Object.fromEntries(STEP_TYPES.map((type) => [type, runner])) as Record<
    StepType,
    StepRunner
  >;
  return runSteps({
    pattern: makePattern({ steps: [step('s', { retries: extra.retries ?? 0 })] }),
    input: {},
    runners,
    context: {
      executionId: 'e1',
      patternId: 'p',
      namespace: 'dev',
      viewer: DEV_ADMIN,
      transactional: false,
      depth: 0,
      callStack: [],
    },
    signal: new AbortController().signal,
    storeHealth: health,
    deadlineMs: extra.deadlineMs,
    limits: {
      stepConcurrency: 16,
      processSlots: new FairSlots(1000, 1000),
      retryBaseMs: 1,
      retryCapMs: 4,
      defaultTimeoutMs: 1000,
      maxTimeoutMs: 300_000,
      maxRenderedBytes: 1024 * 1024,
      random: () => 0.5,
    },
    clock: systemClock,
    onStepChange: () => {},
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
