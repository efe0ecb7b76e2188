/**
 * The conflict analysis of planPattern and Pattern.warnings at the largest patterns allowed:
 * bounded in the reads and writes it compares (and saying so), and made once per version shown.
 */
import { describe, expect, it } from 'vitest';
import { patternWarnings, VersionWarnings } from '../../src/domain/execution/pattern-warnings.js';
import { planRun } from '../../src/domain/execution/plan.js';
import { stepEffects } from '../../src/domain/execution/plan-effects.js';
import { staticParams } from '../../src/domain/execution/planned-params.js';
import { StepAncestry } from '../../src/domain/execution/step-ancestry.js';
import {
  findConflicts,
  MAX_COMPARED_ACCESSES,
} from '../../src/domain/execution/write-conflicts.js';
import type { Pattern, Step } from '../../src/domain/pattern/pattern.js';

/** `count` steps that may all run at once, each setting the same `ops` keys. */
function parallelWriters(count: number, ops: number): Step[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `s${i}`,
    type: 'PIPELINE',
    action: 'exec',
    parameters: { ops: Array.from({ length: ops }, (_, j) => ({ action: 'set', key: `k${j}` })) },
    dependsOn: [],
    retries: 0,
    timeoutMs: null,
  }));
}

const pairs = (n: number) => (n * (n - 1)) / 2;
const viewer = { id: 'alice', key: 'alice' };

describe('the conflict analysis of 100 steps of 200 ops each', () => {
  const steps = parallelWriters(100, 200);

  it('lists and compares only the first reads and writes of a plan, and says the rest is not known', () => {
    expect(MAX_COMPARED_ACCESSES).toBe(10_000);
    const { effects, conflicts } = planRun(steps, {}, viewer, 1024 * 1024);
    expect(effects.reduce((sum, step) => sum + step.writes.length, 0)).toBe(10_000);
    expect(effects[50]).toMatchObject({
      writes: [],
      unknown: [
        {
          parameter: '',
          reason:
            'not listed: only the first 10000 reads, writes and unknown parts of a pattern are',
        },
      ],
    });
    // The work done: the 10 000 accesses of the first 50 steps, every pair of them per key.
    expect(conflicts.count).toBe(200 * pairs(50));
    expect(conflicts.complete).toBe(false);
    const cut = conflicts.unresolved.filter((target) => target.reason.startsWith('not listed'));
    expect(cut.map((target) => target.stepId)).toEqual(
      Array.from({ length: 50 }, (_, i) => `s${50 + i}`),
    );
  });

  it('compares only the first reads and writes of a version, and says so', () => {
    const written = findConflicts(
      steps.map((step) => stepEffects(step, { slot: staticParams(step.parameters) })),
      new StepAncestry(steps),
      'written',
    );
    expect(written.count).toBe(200 * pairs(50));
    expect(written).toMatchObject({ complete: false, cutShort: true });
    const cut = written.unresolved.filter((target) => target.what === 'reads and writes');
    expect(cut.map((target) => target.stepId)).toEqual(
      Array.from({ length: 50 }, (_, i) => `s${50 + i}`),
    );
    expect(cut[0]?.reason).toBe(
      'not compared: only the first 10000 reads and writes of a pattern are',
    );
  });

  it('warns that the analysis was cut short instead of claiming the rest is free of conflicts', () => {
    const warnings = patternWarnings({ steps });
    expect(warnings.map((warning) => warning.code).slice(-2)).toEqual([
      'MORE_CONFLICTS',
      'ANALYSIS_INCOMPLETE',
    ]);
    // Fewer than the cap: everything compared, nothing to warn about beyond the conflicts.
    const small = patternWarnings({ steps: parallelWriters(100, 100) });
    expect(small.map((warning) => warning.code)).not.toContain('ANALYSIS_INCOMPLETE');
    expect(planRun(parallelWriters(3, 1), {}, viewer, 1024).conflicts).toMatchObject({
      complete: true,
      cutShort: false,
    });
  });
});

describe('the warnings of versions shown', () => {
  const version = (id: string, v: number, steps: Step[]) =>
    ({ id, generation: 'g1', version: v, steps }) as Pick<
      Pattern,
      'id' | 'generation' | 'version' | 'steps'
    >;

  it('are analysed once per version, also when each read brings a new copy of it', () => {
    const cache = new VersionWarnings();
    const steps = parallelWriters(2, 1);
    const first = cache.of(version('p', 1, steps));
    // A page read again from the store: equal versions, other objects.
    const again = cache.of(version('p', 1, structuredClone(steps)));
    expect(again).toBe(first);
    expect(cache.analyses).toBe(1);
    expect(first.map((w) => w.code)).toEqual(['WRITE_WRITE_CONFLICT']);
    cache.of(version('p', 2, steps));
    cache.of({ ...version('p', 1, steps), generation: 'g2' });
    expect(cache.analyses).toBe(3);
  });

  it('are kept for a bounded number of versions and warnings', () => {
    const byVersions = new VersionWarnings(3, 1_000);
    for (let v = 1; v <= 10; v++) byVersions.of(version('p', v, parallelWriters(1, 1)));
    expect(byVersions.size).toBe(3);
    // Each of these holds 201 warnings: 1000 warnings held make room for four.
    const byWarnings = new VersionWarnings(100, 1_000);
    for (let v = 1; v <= 10; v++) byWarnings.of(version('p', v, parallelWriters(100, 1)));
    expect(byWarnings.size).toBe(4);
    expect(byWarnings.analyses).toBe(10);
  });
});
