/** Progress folded from PROGRESS events: stages only move forward, and nothing else changes. */
import { describe, expect, it } from 'vitest';
import {
  DURABLE_DEFAULTS,
  type Execution,
  pendingStep,
} from '../../src/domain/execution/execution.js';
import { type ProgressStage, progressOf, withStage } from '../../src/domain/execution/progress.js';

const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms).toISOString();

const started: Execution = {
  id: 'x1',
  patternId: 'p',
  patternVersion: 1,
  status: 'RUNNING',
  input: null,
  output: null,
  steps: [pendingStep('a'), pendingStep('b')],
  createdAt: at(0),
  startedAt: at(0),
  finishedAt: null,
  durationMs: null,
  error: null,
  createdBy: 'alice',
  idempotencyKey: null,
  ...DURABLE_DEFAULTS,
};

const stage = (name: string, status: ProgressStage['status'], ms: number): ProgressStage => ({
  name,
  status,
  progress: status === 'PROCESSING' ? 0.5 : 1,
  startedAt: at(ms),
  completedAt: status === 'PROCESSING' ? null : at(ms + 1),
  error: status === 'FAILED' ? 'rolled back' : null,
});

describe('withStage', () => {
  it('applies transitions ahead of what the progress shows, deriving percent and current stage', () => {
    const running = withStage(progressOf(started), stage('a', 'PROCESSING', 1));
    expect(running).toMatchObject({ percent: 0, currentStage: 'a', updatedAt: at(1) });
    const done = running && withStage(running, stage('a', 'COMPLETED', 1));
    expect(done).toMatchObject({ percent: 50, currentStage: null, updatedAt: at(2) });
    const rolledBack = done && withStage(done, stage('a', 'FAILED', 1));
    expect(rolledBack?.stages[0]).toMatchObject({ status: 'FAILED', error: 'rolled back' });
    expect(rolledBack?.status).toBe('PROCESSING');
  });

  it('drops transitions the progress already shows or has passed, and unknown stages', () => {
    const done = withStage(progressOf(started), stage('a', 'COMPLETED', 1));
    expect(done).not.toBeNull();
    if (!done) return;
    expect(withStage(done, stage('a', 'PROCESSING', 1))).toBeNull();
    expect(withStage(done, stage('a', 'COMPLETED', 1))).toBeNull();
    expect(withStage(done, stage('zz', 'COMPLETED', 1))).toBeNull();
  });
});
