/**
 * One user's executions cannot starve another's, against Redis: a step waiting on a child run
 * holds nothing the child needs, waits (timers, children) hold no process step slot, the work
 * one top-level execution may cause is bounded, and composite runs are charged to the caller.
 */
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import type { NexusEventInput } from '../../src/domain/events/event.js';
import { signToken } from '../../src/server/authenticate.js';
import type { CreatePatternInput, StepInput } from '../gql/graphql.js';
import { dataOf, gql } from '../helpers/app.js';
import { LocalEventPublisher } from '../helpers/local-events.js';
import { useRedisApps } from '../helpers/redis-app.js';
import { CancelExecution, ExecutePattern, ListExecutions } from './execution-operations.js';
import { CreatePattern } from './operations.js';

const redis = useRedisApps('fairness');
const SECRET = 'test-secret-that-is-long-enough-0123456789';

function pattern(id: string, steps: StepInput[]): CreatePatternInput {
  return { id, name: `Pattern ${id}`, category: 'USER', steps };
}

const calls = (count: number, target: string, timeoutMs?: number): StepInput[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `c${i}`,
    type: 'PATTERN' as const,
    action: 'execute',
    parameters: { pattern_id: target },
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  }));

const delays = (count: number, ms: number): StepInput[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `d${i}`,
    type: 'DELAY' as const,
    action: 'wait',
    parameters: { ms },
    timeoutMs: ms + 10_000,
  }));

const leaf: StepInput[] = [
  { id: 'set', type: 'CACHE', action: 'set', parameters: { key: 'leaf', value: 1 } },
];

async function setUp(config: Partial<Config>, events?: LocalEventPublisher) {
  const app = await redis.app({ jwtSecret: SECRET, ...config }, events ? { events } : {});
  return {
    app,
    mallory: await signToken(SECRET, { sub: 'mallory' }),
    alice: await signToken(SECRET, { sub: 'alice' }),
  };
}

async function create(app: App, token: string, input: CreatePatternInput) {
  dataOf(await gql(app, CreatePattern, { input }, token));
}

/** Resolves once `count` distinct (execution, step) pairs of DELAY steps have started. */
function delaysStarted(events: LocalEventPublisher, count: number): Promise<void> {
  const started = new Set<string>();
  return new Promise((resolve) => {
    const stop = events.listen((event: NexusEventInput) => {
      const payload = event.payload as { currentStage?: string | null } | null;
      const stage = payload?.currentStage;
      if (event.type !== 'PROGRESS' || !stage?.startsWith('d')) return;
      started.add(`${event.executionId}/${stage}`);
      if (started.size >= count) {
        stop();
        resolve();
      }
    });
  });
}

describe('fairness between users', () => {
  it('runs nested composite fan-outs wider than the process slots without deadlock', async () => {
    const { app, mallory } = await setUp({
      execution: { processConcurrency: 8, stepConcurrency: 4, executionTimeoutMs: 20_000 },
    } as Partial<Config>);
    await create(app, mallory, pattern('leaf', leaf));
    await create(app, mallory, pattern('mid', calls(4, 'leaf')));
    await create(app, mallory, pattern('top', calls(4, 'mid')));
    const run = dataOf(await gql(app, ExecutePattern, { id: 'top', mode: 'SYNC' }, mallory));
    expect(run.executePattern.error).toBeNull();
    expect(run.executePattern.status).toBe('SUCCEEDED');
  });

  it("another user's 1-step run completes while one user's runs sleep on every slot", async () => {
    const events = new LocalEventPublisher();
    const { app, mallory, alice } = await setUp(
      {
        execution: { processConcurrency: 8, stepConcurrency: 8, executionTimeoutMs: 10_000 },
      } as Partial<Config>,
      events,
    );
    await create(app, mallory, pattern('sleepy', delays(8, 120_000)));
    await create(app, mallory, pattern('fan', calls(8, 'sleepy', 200_000)));
    await create(app, alice, pattern('quick', leaf));
    // Every one of the 8 children has each of its 8 DELAY steps started: 64 waits at once.
    const sleeping = delaysStarted(events, 64);
    const fan = dataOf(await gql(app, ExecutePattern, { id: 'fan', mode: 'ASYNC' }, mallory));
    await sleeping;
    const quick = dataOf(await gql(app, ExecutePattern, { id: 'quick', mode: 'SYNC' }, alice));
    expect(quick.executePattern.status).toBe('SUCCEEDED');
    // Cancelling the parent reaches every child and every wait.
    const cancelled = dataOf(
      await gql(app, CancelExecution, { id: fan.executePattern.id }, mallory),
    );
    expect(cancelled.cancelExecution.status).toBe('CANCELLED');
  });

  it('bounds the SYNC call by the execution timeout, whatever its steps wait on', async () => {
    const { app, mallory } = await setUp({
      execution: { processConcurrency: 4, stepConcurrency: 4, executionTimeoutMs: 500 },
    } as Partial<Config>);
    await create(app, mallory, pattern('sleepy', delays(4, 120_000)));
    await create(app, mallory, pattern('fan', calls(4, 'sleepy', 200_000)));
    const run = dataOf(await gql(app, ExecutePattern, { id: 'fan', mode: 'SYNC' }, mallory));
    expect(run.executePattern.status).toBe('CANCELLED');
    expect(run.executePattern.error).toMatch(/timed out after 500 ms/);
  });

  it('bounds every run one top-level execution causes, children and grandchildren', async () => {
    const { app, mallory } = await setUp({
      execution: { maxRunsPerExecution: 5 },
    } as Partial<Config>);
    await create(app, mallory, pattern('leaf', leaf));
    await create(app, mallory, pattern('mid', calls(3, 'leaf')));
    await create(app, mallory, pattern('top', calls(3, 'mid')));
    const run = dataOf(await gql(app, ExecutePattern, { id: 'top', mode: 'SYNC' }, mallory));
    expect(run.executePattern.status).toBe('FAILED');
    expect(run.executePattern.error).toMatch(/at most 5 runs/);
    const listed = dataOf(await gql(app, ListExecutions, { first: 50 }, mallory));
    expect(listed.executions.totalCount).toBeLessThanOrEqual(5);
  });

  it("charges composite runs to the caller's mutation rate", async () => {
    const { app, mallory } = await setUp({
      security: { mutationsPerMinute: 5 },
    } as Partial<Config>);
    await create(app, mallory, pattern('leaf', leaf));
    await create(app, mallory, pattern('wide', calls(8, 'leaf')));
    const run = dataOf(await gql(app, ExecutePattern, { id: 'wide', mode: 'SYNC' }, mallory));
    expect(run.executePattern.status).toBe('FAILED');
    expect(run.executePattern.error).toMatch(/rate/);
    const listed = dataOf(await gql(app, ListExecutions, { first: 50 }, mallory));
    // 2 creates + 1 execute leave 2 of the 5 points: at most 2 children started.
    expect(listed.executions.totalCount).toBeLessThanOrEqual(3);
  });
});
