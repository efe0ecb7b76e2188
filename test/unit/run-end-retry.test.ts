/**
 * An end whose record write landed but whose reply was lost (a command timeout) is retried: the
 * retry must find it recorded, so that its writer still counts it once and announces it.
 */
import { describe, expect, it } from 'vitest';
import {
  DURABLE_DEFAULTS,
  type Execution,
  pendingStep,
} from '../../src/domain/execution/execution.js';
import { RunEnd } from '../../src/domain/execution/run-end.js';
import type { RunEvents } from '../../src/domain/execution/run-events.js';
import { MemoryExecutionStore } from '../../src/infra/memory/memory-execution-store.js';
import { withOneDelayPattern } from '../helpers/patterns.js';

const alice = { id: 'alice', roles: [] };

describe('an end written again after its reply was lost', () => {
  it('is counted once and announced', async () => {
    const { store, patterns, pattern } = await withOneDelayPattern(alice, 'p');
    const executions = new MemoryExecutionStore(
      (id) => store.currentVersion(id),
      () => true,
      (...run) => store.recordExecution(...run),
    );
    const now = new Date();
    const run: Execution = {
      ...DURABLE_DEFAULTS,
      id: 'x1',
      patternId: 'p',
      patternVersion: pattern.version,
      patternGeneration: pattern.generation,
      status: 'RUNNING',
      input: null,
      output: null,
      steps: [pendingStep('a')],
      createdAt: now.toISOString(),
      startedAt: now.toISOString(),
      finishedAt: null,
      durationMs: null,
      error: null,
      createdBy: 'alice',
      idempotencyKey: null,
    };
    await executions.start(run, {
      retentionSeconds: 3600,
      leaseUntilMs: now.getTime() + 30_000,
      patternVersion: pattern.version,
      patternGeneration: pattern.generation,
      slot: null,
      idempotency: null,
    });
    // The first finish lands, then its reply is lost.
    let lost = 1;
    const finish = executions.finish.bind(executions);
    executions.finish = async (...args) => {
      const landed = await finish(...args);
      if (lost-- > 0) throw new Error('Command timed out');
      return landed;
    };
    const ended: Execution[] = [];
    const announced: string[] = [];
    const end = new RunEnd(
      executions,
      {
        ended: async (execution: Execution) => void announced.push(execution.id),
      } as unknown as RunEvents,
      (execution) => ended.push(execution),
      () => {},
    );
    const final: Execution = {
      ...run,
      status: 'SUCCEEDED',
      finishedAt: now.toISOString(),
      durationMs: 5,
    };
    const stalled: unknown[] = [];
    expect(
      await end.finish(final, {
        previousStatus: 'RUNNING',
        slotOf: null,
        generation: pattern.generation,
        writeSteps: async () => true,
        retry: { stalled: (error) => stalled.push(error) },
      }),
    ).toBe(true);
    expect(stalled).toHaveLength(1);
    expect(announced).toEqual(['x1']);
    expect(ended.map((execution) => execution.id)).toEqual(['x1']);
    expect((await patterns.stats(['p']))[0]).toMatchObject({ usageCount: 1, successCount: 1 });
  });
});

describe('an end given up on at shutdown', () => {
  it('is not announced when its record never landed (the run is taken over and ended elsewhere)', async () => {
    const executions = new MemoryExecutionStore(() => null);
    let failures = 0;
    executions.finish = async () => {
      failures += 1;
      throw new Error('Connection is closed');
    };
    const announced: string[] = [];
    const ended: string[] = [];
    const end = new RunEnd(
      executions,
      {
        ended: async (execution: Execution) => void announced.push(execution.id),
      } as unknown as RunEvents,
      (execution) => ended.push(execution.id),
      () => {},
    );
    const now = new Date().toISOString();
    const final: Execution = {
      ...DURABLE_DEFAULTS,
      id: 'x2',
      patternId: 'p',
      patternVersion: 1,
      status: 'SUCCEEDED',
      input: null,
      output: null,
      steps: [],
      createdAt: now,
      startedAt: now,
      finishedAt: now,
      durationMs: 1,
      error: null,
      createdBy: 'alice',
      idempotencyKey: null,
    };
    const finishing = end.finish(final, {
      previousStatus: 'RUNNING',
      slotOf: null,
      generation: null,
      writeSteps: async () => true,
      // Shutting down once the first write failed.
      retry: { stalled: () => end.stopRetrying() },
    });
    expect(await finishing).toBe(false);
    expect(failures).toBe(1);
    expect(announced).toEqual([]);
    expect(ended).toEqual([]);
  });
});
