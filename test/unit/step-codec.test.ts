import { describe, expect, it } from 'vitest';
import { pendingStep, type StepResult } from '../../src/domain/execution/execution.js';
import { decodeStep, encodeStep } from '../../src/infra/redis/step-codec.js';

describe('step codec', () => {
  const finished: StepResult = {
    stepId: 'store',
    status: 'FAILED',
    attempts: 3,
    startedAt: '2026-11-22T21:34:42.123Z',
    finishedAt: '2026-11-22T21:34:43.001Z',
    durationMs: 878,
    output: { nested: [1, { a: null }], text: 'ü' },
    error: 'boom',
  };
  const running: StepResult = {
    ...pendingStep('next'),
    status: 'RUNNING',
    attempts: 1,
    startedAt: '2026-11-22T21:34:43.002Z',
  };

  it('round-trips every field of a step result', () => {
    for (const step of [finished, running, pendingStep('idle')]) {
      expect(decodeStep(step.stepId, encodeStep(step))).toEqual(step);
    }
  });

  it('is much smaller than the object', () => {
    expect(encodeStep(running).length * 3).toBeLessThan(JSON.stringify(running).length);
  });

  it('still reads results stored as objects by earlier versions', () => {
    expect(decodeStep('store', JSON.stringify(finished))).toEqual(finished);
  });
});
