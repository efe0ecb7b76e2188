/** An attempt's deadline and cancellation, with its AbortSignal made only when a runner asks. */
import { describe, expect, it } from 'vitest';
import { AttemptContext, StepAttempt } from '../../src/domain/execution/step-attempt.js';
import { CancelledError, StepTimeoutError } from '../../src/domain/execution/step-runner.js';

const base = {
  executionId: 'e1',
  patternId: 'p1',
  namespace: 'alice',
  viewer: { id: 'alice', roles: [] },
  transactional: true,
  depth: 1,
  callStack: ['p0'],
};

describe('StepAttempt', () => {
  it('rejects with a timeout when the runner outlives its deadline, signal read or not', async () => {
    const attempt = new StepAttempt(5);
    const outcome = attempt.run(() => new Promise<never>(() => {}));
    await expect(outcome).rejects.toBeInstanceOf(StepTimeoutError);
    expect(attempt.signal.aborted).toBe(true);
    expect(attempt.signal.reason).toBeInstanceOf(StepTimeoutError);
    attempt.end();
  });

  it('aborts the signal a runner holds when cancelled, and settles with the cancellation', async () => {
    const attempt = new StepAttempt(60_000);
    let seen: AbortSignal | null = null;
    const outcome = attempt.run(async () => {
      const context = new AttemptContext(base, attempt);
      seen = context.signal;
      await new Promise((_, reject) => context.signal.addEventListener('abort', reject));
    });
    attempt.abort(new CancelledError());
    await expect(outcome).rejects.toBeInstanceOf(CancelledError);
    expect((seen as AbortSignal | null)?.aborted).toBe(true);
    attempt.end();
  });

  it('passes the outcome through, and refuses to start once aborted', async () => {
    const attempt = new StepAttempt(60_000);
    await expect(attempt.run(async () => 42)).resolves.toBe(42);
    attempt.abort(new CancelledError());
    attempt.abort(new StepTimeoutError(1));
    await expect(attempt.run(async () => 1)).rejects.toBeInstanceOf(CancelledError);
    attempt.end();
  });

  it('gives runners the execution context with the attempt signal', () => {
    const attempt = new StepAttempt(60_000);
    const context = new AttemptContext(base, attempt);
    expect({ ...context }).toMatchObject(base);
    expect(context.signal).toBe(attempt.signal);
    attempt.end();
  });
});
