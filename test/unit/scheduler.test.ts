/** The step scheduler with in-process runners: concurrency, retries, timeouts, skips, cancel, rollback. */
import { describe, expect, it } from 'vitest';
import type { StepRunner } from '../../src/domain/execution/step-runner.js';
import { PermanentStepError } from '../../src/domain/execution/step-runner.js';
import type { Step } from '../../src/domain/pattern/pattern.js';
import { makePattern } from '../helpers/patterns.js';
import { everywhere, limits, run } from '../helpers/run-steps.js';

const step = (id: string, dependsOn: string[] = [], extra: Partial<Step> = {}): Step => ({
  id,
  type: 'DELAY',
  action: 'wait',
  parameters: { label: id },
  dependsOn,
  retries: 0,
  timeoutMs: null,
  ...extra,
});

/** A runner whose steps finish only when the test releases them, tracking concurrency. */
function gate() {
  let running = 0;
  let maxRunning = 0;
  const started: string[] = [];
  const waiting = new Map<string, () => void>();
  const arrivals: Array<() => void> = [];
  const runner: StepRunner = {
    run: (s) =>
      new Promise((resolve) => {
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        started.push(s.id);
        waiting.set(s.id, () => {
          running -= 1;
          resolve({ output: { done: s.id } });
        });
        for (const notify of arrivals.splice(0)) notify();
      }),
  };
  return {
    runner,
    started,
    get maxRunning() {
      return maxRunning;
    },
    /** Resolves once `count` steps have started. */
    async startedCount(count: number) {
      while (started.length < count) await new Promise<void>((resolve) => arrivals.push(resolve));
    },
    release(id: string) {
      waiting.get(id)?.();
      waiting.delete(id);
    },
  };
}

describe('runSteps', () => {
  it('starts a step as soon as its own dependencies succeed, not level by level', async () => {
    const g = gate();
    // a → c, b → d: when a finishes, c starts although b (same level as a) is still running.
    const pattern = makePattern({
      steps: [step('a'), step('b'), step('c', ['a']), step('d', ['b'])],
    });
    const done = run(pattern, everywhere(g.runner));
    await g.startedCount(2);
    g.release('a');
    await g.startedCount(3);
    expect(g.started).toEqual(['a', 'b', 'c']);
    g.release('b');
    g.release('c');
    await g.startedCount(4);
    g.release('d');
    expect((await done).status).toBe('SUCCEEDED');
  });

  it('runs a diamond with 2 steps at once and a wide pattern up to the concurrency limit', async () => {
    const diamond = gate();
    const diamondRun = run(
      makePattern({
        steps: [step('a'), step('b', ['a']), step('c', ['a']), step('d', ['b', 'c'])],
      }),
      everywhere(diamond.runner),
    );
    await diamond.startedCount(1);
    diamond.release('a');
    await diamond.startedCount(3);
    diamond.release('b');
    diamond.release('c');
    await diamond.startedCount(4);
    diamond.release('d');
    await diamondRun;
    expect(diamond.maxRunning).toBe(2);

    const wide = gate();
    const steps = Array.from({ length: 40 }, (_, i) => step(`s${i}`));
    const wideRun = run(makePattern({ steps }), everywhere(wide.runner), {
      limits: limits({ stepConcurrency: 16 }),
    });
    for (let released = 0; released < 40; released++) {
      await wide.startedCount(Math.min(40, released + 16));
      wide.release(`s${released}`);
    }
    expect((await wideRun).status).toBe('SUCCEEDED');
    expect(wide.maxRunning).toBe(16);
  });

  it('attempts a step that keeps timing out retries + 1 times, then fails and skips its dependents', async () => {
    let attempts = 0;
    const hangs: StepRunner = {
      run: (_s, _p, ctx) =>
        new Promise((_, reject) => {
          attempts += 1;
          ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason));
        }),
    };
    const ok: StepRunner = { run: async () => ({ output: 'fine' }) };
    const runners = { ...everywhere(ok), CACHE: hangs };
    const pattern = makePattern({
      steps: [
        step('slow', [], { type: 'CACHE', action: 'get', retries: 3, timeoutMs: 5 }),
        step('after', ['slow']),
        step('free'),
      ],
    });
    const result = await run(pattern, runners);
    expect(attempts).toBe(4);
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('step "slow" failed: timed out after 5 ms');
    expect(result.steps.map((s) => [s.stepId, s.status, s.attempts])).toEqual([
      ['slow', 'FAILED', 4],
      ['after', 'SKIPPED', 0],
      ['free', 'SUCCEEDED', 1],
    ]);
  });

  it('does not retry permanent errors', async () => {
    let attempts = 0;
    const bad: StepRunner = {
      run: async () => {
        attempts += 1;
        throw new PermanentStepError('bad parameters');
      },
    };
    const result = await run(
      makePattern({ steps: [step('x', [], { retries: 5 })] }),
      everywhere(bad),
    );
    expect(attempts).toBe(1);
    expect(result.steps[0]).toMatchObject({
      status: 'FAILED',
      error: 'bad parameters',
      attempts: 1,
    });
  });

  it('cancels running and pending steps when the signal aborts', async () => {
    const g = gate();
    const controller = new AbortController();
    const cancellable: StepRunner = {
      run: (s, p, ctx) => {
        const running = g.runner.run(s, p, ctx);
        return new Promise((resolve, reject) => {
          ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason));
          running.then(resolve, reject);
        });
      },
    };
    const done = run(
      makePattern({ steps: [step('a'), step('b', ['a'])] }),
      everywhere(cancellable),
      { signal: controller.signal },
    );
    await g.startedCount(1);
    controller.abort();
    const result = await done;
    expect(result.status).toBe('CANCELLED');
    expect(result.steps.map((s) => s.status)).toEqual(['CANCELLED', 'CANCELLED']);
  });

  it('undoes completed steps in reverse completion order when a transactional pattern fails', async () => {
    const undone: string[] = [];
    const runner: StepRunner = {
      run: async (s) => {
        if (s.id === 'boom') throw new Error('boom');
        return { output: s.id, undo: async () => void undone.push(s.id) };
      },
    };
    const pattern = makePattern({
      transactional: true,
      steps: [
        step('first'),
        step('second', ['first']),
        step('boom', ['second']),
        step('never', ['boom']),
      ],
    });
    const result = await run(pattern, everywhere(runner));
    expect(undone).toEqual(['second', 'first']);
    expect(result.steps.map((s) => s.status)).toEqual([
      'ROLLED_BACK',
      'ROLLED_BACK',
      'FAILED',
      'SKIPPED',
    ]);
  });

  it('reports a rollback that fails instead of swallowing it', async () => {
    const runner: StepRunner = {
      run: async (s) => {
        if (s.id === 'boom') throw new Error('boom');
        return { output: null, undo: async () => Promise.reject(new Error('cannot undo')) };
      },
    };
    const pattern = makePattern({
      transactional: true,
      steps: [step('done'), step('boom', ['done'])],
    });
    const result = await run(pattern, everywhere(runner));
    expect(result.error).toBe('step "boom" failed: boom; rollback failed: done: cannot undo');
    expect(result.steps[0]?.status).toBe('SUCCEEDED');
  });

  it('fills templates from the input and earlier outputs', async () => {
    const seen: unknown[] = [];
    const runner: StepRunner = {
      run: async (s, params) => {
        seen.push(params);
        return { output: { value: `${s.id}-out`, n: 7 } };
      },
    };
    const pattern = makePattern({
      steps: [
        step('a', [], { parameters: { key: 'user:{id}', raw: '{profile}' } }),
        step('b', ['a'], {
          parameters: {
            from: '{steps.a.output.value}',
            n: '{steps.a.output.n}',
            text: 'n={steps.a.output.n}',
          },
        }),
      ],
    });
    const result = await run(pattern, everywhere(runner), {
      input: { id: 42, profile: { name: 'Ada' } },
    });
    expect(result.status).toBe('SUCCEEDED');
    expect(seen).toEqual([
      { key: 'user:42', raw: { name: 'Ada' } },
      { from: 'a-out', n: 7, text: 'n=7' },
    ]);
  });
});
