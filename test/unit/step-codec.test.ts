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
    transitions: { start: 1, settle: 7, rollback: null },
  };
  const rolledBack: StepResult = {
    ...finished,
    stepId: 'undone',
    status: 'ROLLED_BACK',
    error: null,
    transitions: { start: 2, settle: 3, rollback: 12 },
  };
  const running: StepResult = {
    ...pendingStep('next'),
    status: 'RUNNING',
    attempts: 1,
    startedAt: '2026-11-22T21:34:43.002Z',
    transitions: { start: 0, settle: null, rollback: null },
  };

  it('round-trips every field of a step result', () => {
    for (const step of [finished, rolledBack, running, pendingStep('idle')]) {
      expect(decodeStep(step.stepId, encodeStep(step))).toEqual(step);
    }
  });

  it('is much smaller than the object', () => {
    expect(encodeStep(running).length * 3).toBeLessThan(JSON.stringify(running).length);
  });

  it('reads results stored before transitions were numbered as having none', () => {
    const { transitions: _, ...unnumbered } = finished;
    expect(encodeStep(unnumbered)).not.toContain('[1,7');
    expect(decodeStep('store', encodeStep(unnumbered))).toEqual(unnumbered);
    expect(decodeStep('store', encodeStep(unnumbered)).transitions).toBeUndefined();
  });

  it('still reads results stored as objects by earlier versions', () => {
    expect(decodeStep('store', JSON.stringify(finished))).toEqual(finished);
  });
});
