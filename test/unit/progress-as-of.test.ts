/** The progress as of a PROGRESS event, rebuilt from the stored run and the event's number. */

import { describe, expect, it } from 'vitest';
import { compilePattern } from '../../src/domain/execution/compiled-pattern.js';
import type { Execution } from '../../src/domain/execution/execution.js';
import { DURABLE_DEFAULTS } from '../../src/domain/execution/execution.js';
import {
  type Progress,
  type ProgressUpdate,
  progressAsOf,
  progressOf,
  startUpdate,
  stepUpdate,
  withStage,
} from '../../src/domain/execution/progress.js';
import { StepStates } from '../../src/domain/execution/step-states.js';
import { makePattern, step } from '../helpers/patterns.js';

const T = '2026-01-01T00:00:00.000Z';
const T1 = '2026-01-01T00:00:00.001Z';

/** A transactional diamond run: b and c finish in one millisecond, d fails, a..c roll back. */
function diamondRun(): { execution: Execution; updates: ProgressUpdate[] } {
  const pattern = compilePattern(
    makePattern({
      transactional: true,
      steps: [step('a'), step('b', ['a']), step('c', ['a']), step('d', ['b', 'c'])],
    }),
  );
  const base: Execution = {
    id: 'x1',
    patternId: pattern.id,
    patternVersion: 1,
    status: 'RUNNING',
    input: null,
    output: null,
    steps: pattern.steps.map((s) => ({ ...statesPending(s.id) })),
    createdAt: T,
    startedAt: T,
    finishedAt: null,
    durationMs: null,
    error: null,
    createdBy: 'alice',
    idempotencyKey: null,
    ...DURABLE_DEFAULTS,
  };
  const updates: ProgressUpdate[] = [startUpdate(base)];
  const states = new StepStates(pattern, (result, change) => {
    updates.push(stepUpdate(result, change, pattern.steps.length, () => T1));
  });
  const run = (id: string) => states.update(id, { status: 'RUNNING', startedAt: T, attempts: 1 });
  const end = (id: string, status: 'SUCCEEDED' | 'FAILED') =>
    states.update(id, {
      status,
      finishedAt: T1,
      durationMs: 1,
      error: status === 'FAILED' ? 'no' : null,
    });
  run('a');
  end('a', 'SUCCEEDED');
  run('b');
  run('c');
  states.update('b', { attempts: 2 });
  end('c', 'SUCCEEDED');
  end('b', 'SUCCEEDED');
  run('d');
  end('d', 'FAILED');
  for (const id of ['b', 'c', 'a']) states.update(id, { status: 'ROLLED_BACK' });
  return { execution: { ...base, status: 'FAILED', steps: states.inOrder() }, updates };
}

function statesPending(stepId: string) {
  return {
    stepId,
    status: 'PENDING' as const,
    attempts: 0,
    startedAt: null,
    finishedAt: null,
    durationMs: null,
    output: null,
    error: null,
  };
}

describe('progressAsOf', () => {
  it("rebuilds every event's progress from the final record: the fold of the changes up to it", () => {
    const { execution, updates } = diamondRun();
    expect(updates.map((update) => update.sequence)).toEqual(updates.map((_, i) => i));
    const start = progressAsOf(execution, updates[0] as ProgressUpdate);
    let folded: Progress = start;
    const percents: number[] = [];
    for (const update of updates) {
      if (update.stage) folded = withStage(folded, update.stage) ?? folded;
      const asOf = progressAsOf(execution, update);
      expect(asOf).toEqual(folded);
      percents.push(asOf.percent);
    }
    expect(percents).toEqual([0, 0, 25, 25, 25, 25, 50, 75, 75, 100, 100, 100, 100]);
    // b and c settled in one millisecond, yet the event after c's end shows b still running.
    expect(progressAsOf(execution, updates[6] as ProgressUpdate).currentStage).toBe('b');
    expect(
      progressAsOf(execution, updates[6] as ProgressUpdate).stages.map((s) => s.status),
    ).toEqual(['COMPLETED', 'PROCESSING', 'COMPLETED', 'PENDING']);
    // After the rollbacks, the final record's progress.
    const last = progressAsOf(execution, updates.at(-1) as ProgressUpdate);
    expect(last.stages).toEqual(progressOf(execution).stages);
  });

  it('places steps by time for events logged before transitions were numbered', () => {
    const { execution, updates } = diamondRun();
    const unnumbered = (update: ProgressUpdate) => {
      const { sequence: _, ...rest } = update;
      return rest;
    };
    const steps = execution.steps.map(({ transitions: _, ...rest }) => rest);
    const old = { ...execution, steps };
    // At the start (T, before anything finished): the started steps run, nothing settled.
    const atStart = progressAsOf(old, {
      ...unnumbered(updates[1] as ProgressUpdate),
      updatedAt: T,
    });
    expect(atStart.stages.map((s) => s.status)).toEqual([
      'PROCESSING',
      'PROCESSING',
      'PROCESSING',
      'PROCESSING',
    ]);
    expect(atStart.currentStage).toBe('a');
    expect(atStart.percent).toBe(0);
  });
});
