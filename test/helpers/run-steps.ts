/** The step scheduler run in process for unit tests: generous limits, one runner for every type. */
import { runSteps, type SchedulerLimits } from '../../src/domain/execution/scheduler.js';
import type { StepRunner } from '../../src/domain/execution/step-runner.js';
import type { Pattern, StepType } from '../../src/domain/pattern/pattern.js';
import { STEP_TYPES } from '../../src/domain/pattern/pattern.js';
import { systemClock } from '../../src/domain/shared/clock.js';
import { FairSlots } from '../../src/domain/shared/fair-slots.js';
import { DEV_ADMIN } from '../../src/domain/shared/viewer.js';

export const limits = (overrides: Partial<SchedulerLimits> = {}): SchedulerLimits => ({
  stepConcurrency: 16,
  processSlots: new FairSlots(1000, 1000),
  retryBaseMs: 1,
  retryCapMs: 4,
  defaultTimeoutMs: 1000,
  maxTimeoutMs: 300_000,
  maxRenderedBytes: 1024 * 1024,
  random: () => 0.5,
  ...overrides,
});

/** Runners for every type that all behave as `runner`. */
export const everywhere = (runner: StepRunner) =>
  Object.fromEntries(STEP_TYPES.map((type) => [type, runner])) as Record<StepType, StepRunner>;

/** runSteps on `pattern` as the dev admin, non-transactional, at the top of the call stack. */
export function run(
  pattern: Pattern,
  runners: Record<StepType, StepRunner>,
  extra: Partial<Parameters<typeof runSteps>[0]> = {},
) {
  return runSteps({
    pattern,
    input: {},
    runners,
    context: {
      executionId: 'e1',
      patternId: pattern.id,
      namespace: 'dev',
      viewer: DEV_ADMIN,
      transactional: false,
      depth: 0,
      callStack: [],
    },
    signal: new AbortController().signal,
    limits: limits(),
    clock: systemClock,
    onStepChange: () => {},
    ...extra,
  });
}
