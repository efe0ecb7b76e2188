/** Pattern executions over GraphQL against a real Redis. */
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import type { NexusEventInput } from '../../src/domain/events/event.js';
import type { CreatePatternInput, StepInput } from '../gql/graphql.js';
import { dataOf, errorsOf, gql } from '../helpers/app.js';
import { LocalEventPublisher } from '../helpers/local-events.js';
import { useRedisApps } from '../helpers/redis-app.js';
import {
  CancelExecution,
  ExecutePattern,
  GetExecution,
  ListExecutions,
  PatternStats,
  PlanPattern,
} from './execution-operations.js';
import { CreatePattern, UpdatePattern } from './operations.js';

const redis = useRedisApps('executions');

async function appWithEvents(): Promise<{ app: App; events: LocalEventPublisher; prefix: string }> {
  const events = new LocalEventPublisher();
  const prefix = `test:executions:${Math.random().toString(36).slice(2, 10)}:`;
  const app = await redis.app({ keyPrefix: prefix }, { events });
  return { app, events, prefix };
}

async function pattern(
  app: App,
  id: string,
  steps: StepInput[],
  extra: Partial<CreatePatternInput> = {},
) {
  return dataOf(
    await gql(app, CreatePattern, { input: { id, name: id, category: 'USER', steps, ...extra } }),
  ).createPattern;
}

/** Resolves with the first event matching, however soon it comes. */
function nextEvent(
  events: LocalEventPublisher,
  match: (event: NexusEventInput) => boolean,
): Promise<NexusEventInput> {
  return new Promise((resolve) => {
    const stop = events.listen((event) => {
      if (match(event)) {
        stop();
        resolve(event);
      }
    });
  });
}

const set = (
  id: string,
  key: string,
  value: unknown,
  extra: Partial<StepInput> = {},
): StepInput => ({
  id,
  type: 'CACHE',
  action: 'set',
  parameters: { key, value },
  ...extra,
});

describe('planPattern', () => {
  it('gives levels and the critical path, and lists every missing input', async () => {
    const { app } = await appWithEvents();
    await pattern(app, 'diamond', [
      set('a', 'k:{id}', '{payload}'),
      set('b', 'b', 1, { dependsOn: ['a'] }),
      set('c', 'c:{user.name}', 2, { dependsOn: ['a'] }),
      set('d', 'd', 3, { dependsOn: ['b', 'c'] }),
    ]);
    const plan = dataOf(
      await gql(app, PlanPattern, {
        id: 'diamond',
        input: { id: 1, payload: {}, user: { name: 'x' } },
      }),
    );
    expect(plan.planPattern).toEqual({
      levels: [['a'], ['b', 'c'], ['d']],
      criticalPath: ['a', 'b', 'd'],
    });
    const [error] = errorsOf(await gql(app, PlanPattern, { id: 'diamond', input: { user: {} } }));
    expect(error?.extensions?.issues).toEqual([
      { path: ['input', 'id'], message: 'is required by step "a"' },
      { path: ['input', 'payload'], message: 'is required by step "a"' },
      { path: ['input', 'user', 'name'], message: 'is required by step "c"' },
    ]);
    // executePattern refuses the same way, before anything runs.
    const [refused] = errorsOf(
      await gql(app, ExecutePattern, { id: 'diamond', input: {}, mode: 'SYNC' }),
    );
    expect(refused?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(
      dataOf(await gql(app, ListExecutions, { patternId: 'diamond' })).executions.totalCount,
    ).toBe(0);
  });
});

describe('executePattern', () => {
  it('runs SYNC to the end with outputs, templates over earlier outputs, progress and stats', async () => {
    const { app, prefix } = await appWithEvents();
    await pattern(app, 'chain', [
      set('write', 'greeting:{id}', '{message}'),
      {
        id: 'read',
        type: 'CACHE',
        action: 'get',
        parameters: { key: 'greeting:{id}' },
        dependsOn: ['write'],
      },
      {
        id: 'echo',
        type: 'PIPELINE',
        action: 'exec',
        dependsOn: ['read'],
        parameters: {
          ops: [
            { action: 'set', key: 'echo', value: '{steps.read.output.value}' },
            { action: 'get', key: 'echo' },
          ],
        },
      },
    ]);
    const execution = dataOf(
      await gql(app, ExecutePattern, {
        id: 'chain',
        input: { id: 7, message: { hi: 'there' } },
        mode: 'SYNC',
      }),
    ).executePattern;
    expect(execution).toMatchObject({
      status: 'SUCCEEDED',
      patternVersion: 1,
      error: null,
      progress: { status: 'COMPLETED', percent: 100 },
    });
    expect(execution.output).toEqual({
      write: { key: 'greeting:7' },
      read: { value: { hi: 'there' } },
      echo: ['OK', { hi: 'there' }],
    });
    // Step data lives under the owner's kv: namespace, never among Nexus's own keys.
    expect(
      JSON.parse((await redis.admin.get(`${prefix}kv:user:dev:greeting:7`)) ?? 'null'),
    ).toEqual({ hi: 'there' });
    const stats = dataOf(await gql(app, PatternStats, { id: 'chain' })).pattern;
    expect(stats).toMatchObject({ usageCount: 1, successRate: 1, executions: { totalCount: 1 } });
    expect(stats?.avgDurationMs).toBeGreaterThanOrEqual(0);
  });

  it('returns at once in ASYNC mode and can be read until it ends', async () => {
    const { app, events } = await appWithEvents();
    await pattern(app, 'slow', [
      { id: 'wait', type: 'DELAY', action: 'wait', parameters: { ms: 50 } },
    ]);
    const ended = nextEvent(events, (event) => event.type === 'PATTERN_EXECUTED');
    const started = dataOf(
      await gql(app, ExecutePattern, { id: 'slow', mode: 'ASYNC' }),
    ).executePattern;
    expect(['PENDING', 'RUNNING']).toContain(started.status);
    expect((await ended).executionId).toBe(started.id);
    const read = dataOf(await gql(app, GetExecution, { id: started.id }));
    expect(read.execution).toMatchObject({
      status: 'SUCCEEDED',
      pattern: { id: 'slow', version: 1 },
    });
    expect(read.progress).toEqual({ status: 'COMPLETED', percent: 100 });
  });

  it('attempts a step that keeps timing out retries + 1 times and fails the execution', async () => {
    const { app } = await appWithEvents();
    await pattern(app, 'timeouts', [
      {
        id: 'stuck',
        type: 'DELAY',
        action: 'wait',
        parameters: { ms: 60_000 },
        timeoutMs: 20,
        retries: 2,
      },
      set('after', 'never', 1, { dependsOn: ['stuck'] }),
    ]);
    const execution = dataOf(
      await gql(app, ExecutePattern, { id: 'timeouts', mode: 'SYNC' }),
    ).executePattern;
    expect(execution.status).toBe('FAILED');
    expect(execution.steps).toMatchObject([
      { stepId: 'stuck', status: 'FAILED', attempts: 3, error: 'timed out after 20 ms' },
      { stepId: 'after', status: 'SKIPPED', attempts: 0 },
    ]);
    expect(execution.progress.stages.map((stage) => stage.status)).toEqual(['FAILED', 'FAILED']);
  });

  it('restores the exact previous Redis values when a transactional pattern fails', async () => {
    const { app, prefix } = await appWithEvents();
    const ns = `${prefix}kv:user:dev:`;
    await redis.admin.set(`${ns}balance`, JSON.stringify(100), 'EX', 3600);
    await redis.admin.set(`${ns}doomed`, JSON.stringify('keep me'));
    await pattern(
      app,
      'transfer',
      [
        set('debit', 'balance', 40, {}),
        set('fresh', 'created', true),
        { id: 'remove', type: 'CACHE', action: 'delete', parameters: { key: 'doomed' } },
        {
          id: 'tx',
          type: 'TRANSACTION',
          action: 'exec',
          parameters: { ops: [{ action: 'set', key: 'ledger', value: 'x' }] },
          dependsOn: ['debit'],
        },
        {
          id: 'boom',
          type: 'RELATIONSHIP',
          action: 'create',
          // A self-loop once rendered: refused when it runs (a literal one is refused when written).
          parameters: { from: 'doomed', to: '{steps.remove.output.key}', type: 'LINKED' },
          dependsOn: ['tx', 'fresh', 'remove'],
        },
      ],
      { transactional: true },
    );
    const execution = dataOf(
      await gql(app, ExecutePattern, { id: 'transfer', mode: 'SYNC' }),
    ).executePattern;
    expect(execution.status).toBe('FAILED');
    expect(execution.steps.map((s) => s.status)).toEqual([
      'ROLLED_BACK',
      'ROLLED_BACK',
      'ROLLED_BACK',
      'ROLLED_BACK',
      'FAILED',
    ]);
    expect(await redis.admin.get(`${ns}balance`)).toBe('100');
    expect(await redis.admin.ttl(`${ns}balance`)).toBeGreaterThan(3500);
    expect(await redis.admin.get(`${ns}doomed`)).toBe('"keep me"');
    expect(await redis.admin.exists(`${ns}created`, `${ns}ledger`)).toBe(0);
  });

  it('cancels a running execution: running steps abort, the rest are CANCELLED', async () => {
    const { app, events } = await appWithEvents();
    await pattern(app, 'long', [
      { id: 'wait', type: 'DELAY', action: 'wait', parameters: { ms: 60_000 } },
      set('later', 'later', 1, { dependsOn: ['wait'] }),
    ]);
    const running = nextEvent(
      events,
      (event) =>
        event.type === 'PROGRESS' &&
        JSON.stringify(event.payload).includes('"currentStage":"wait"'),
    );
    const started = dataOf(
      await gql(app, ExecutePattern, { id: 'long', mode: 'ASYNC' }),
    ).executePattern;
    await running;
    const cancelled = dataOf(await gql(app, CancelExecution, { id: started.id })).cancelExecution;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', error: 'cancelled' });
    expect(cancelled.steps.map((s) => s.status)).toEqual(['CANCELLED', 'CANCELLED']);
    expect(dataOf(await gql(app, GetExecution, { id: started.id })).execution?.status).toBe(
      'CANCELLED',
    );
  });

  it('returns the first execution for a repeated idempotency key', async () => {
    const { app } = await appWithEvents();
    await pattern(app, 'once', [set('a', 'counter', 1)]);
    const first = dataOf(
      await gql(app, ExecutePattern, { id: 'once', mode: 'SYNC', idempotencyKey: 'order-1' }),
    ).executePattern;
    const again = dataOf(
      await gql(app, ExecutePattern, { id: 'once', mode: 'SYNC', idempotencyKey: 'order-1' }),
    ).executePattern;
    const other = dataOf(
      await gql(app, ExecutePattern, { id: 'once', mode: 'SYNC', idempotencyKey: 'order-2' }),
    ).executePattern;
    expect(again.id).toBe(first.id);
    expect(other.id).not.toBe(first.id);
    expect(dataOf(await gql(app, PatternStats, { id: 'once' })).pattern?.usageCount).toBe(2);
  });

  it('runs composite patterns, bounded in depth, and refuses recursion at write and run time', async () => {
    const { app } = await appWithEvents();
    await pattern(app, 'leaf', [set('a', 'leaf:{n}', '{n}')]);
    await pattern(app, 'middle', [
      {
        id: 'call',
        type: 'PATTERN',
        action: 'execute',
        parameters: { pattern_id: 'leaf', input: { n: '{n}' } },
      },
    ]);
    const parent = dataOf(
      await gql(app, CreatePattern, {
        input: {
          id: 'top',
          name: 'top',
          category: 'USER',
          steps: [
            {
              id: 'call',
              type: 'PATTERN',
              action: 'execute',
              parameters: { pattern_id: 'middle', input: { n: 5 } },
            },
          ],
        },
      }),
    ).createPattern;
    const execution = dataOf(
      await gql(app, ExecutePattern, { id: parent.id, mode: 'SYNC' }),
    ).executePattern;
    expect(execution.status).toBe('SUCCEEDED');
    expect(
      dataOf(await gql(app, ListExecutions, { patternId: 'leaf' })).executions.totalCount,
    ).toBe(1);

    const [recursive] = errorsOf(
      await gql(app, UpdatePattern, {
        id: 'leaf',
        input: {
          steps: [
            { id: 'back', type: 'PATTERN', action: 'execute', parameters: { pattern_id: 'top' } },
          ],
        },
      }),
    );
    expect(recursive?.extensions?.issues).toEqual([
      {
        path: ['input', 'steps', 0, 'parameters', 'pattern_id'],
        message: 'would make the pattern recursive: leaf → top → middle → leaf',
      },
    ]);
    // A templated id cannot be checked when written; it is refused when it runs.
    await pattern(app, 'dynamic', [
      {
        id: 'call',
        type: 'PATTERN',
        action: 'execute',
        parameters: { pattern_id: '{target}', input: { target: '{target}' } },
      },
    ]);
    const looped = dataOf(
      await gql(app, ExecutePattern, { id: 'dynamic', input: { target: 'dynamic' }, mode: 'SYNC' }),
    ).executePattern;
    expect(looped.status).toBe('FAILED');
    expect(looped.error).toContain('pattern recursion: dynamic → dynamic');

    // Depth: n1 → … → n6 is 5 nested calls (the limit); n0 → … → n6 is 6, one too many.
    await pattern(app, 'n6', [set('a', 'deep', 1)]);
    for (let level = 5; level >= 0; level--) {
      await pattern(app, `n${level}`, [
        {
          id: 'call',
          type: 'PATTERN',
          action: 'execute',
          parameters: { pattern_id: `n${level + 1}` },
        },
      ]);
    }
    const atLimit = dataOf(
      await gql(app, ExecutePattern, { id: 'n1', mode: 'SYNC' }),
    ).executePattern;
    expect(atLimit.status).toBe('SUCCEEDED');
    const deep = dataOf(await gql(app, ExecutePattern, { id: 'n0', mode: 'SYNC' })).executePattern;
    expect(deep.status).toBe('FAILED');
    expect(deep.error).toContain('at most 5 deep');
  });

  it('keeps statistics exact over 50 concurrent runs', async () => {
    const { app } = await appWithEvents();
    await pattern(app, 'coin', [
      {
        id: 'check',
        type: 'GRAPH',
        action: 'find_path',
        parameters: { from: 'a', to: 'b', max_depth: '{depth}' },
      },
    ]);
    const runs = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        gql(app, ExecutePattern, {
          id: 'coin',
          input: { depth: i % 5 === 0 ? 'bad' : 3 },
          mode: 'SYNC',
        }),
      ),
    );
    const statuses = runs.map((run) => dataOf(run).executePattern.status);
    expect(statuses.filter((s) => s === 'SUCCEEDED')).toHaveLength(40);
    const stats = dataOf(await gql(app, PatternStats, { id: 'coin' })).pattern;
    expect(stats).toMatchObject({
      usageCount: 50,
      successRate: 0.8,
      executions: { totalCount: 50 },
    });
    const failed = dataOf(
      await gql(app, ListExecutions, { patternId: 'coin', status: 'FAILED', first: 100 }),
    ).executions;
    expect(failed.totalCount).toBe(10);
  });

  it('exposes executions, step durations, retries and GraphQL operations at /metrics', async () => {
    const { app } = await appWithEvents();
    await pattern(app, 'measured', [
      set('ok', 'm', 1),
      {
        id: 'flaky',
        type: 'DELAY',
        action: 'wait',
        parameters: { ms: 60_000 },
        timeoutMs: 5,
        retries: 1,
      },
    ]);
    await gql(app, ExecutePattern, { id: 'measured', mode: 'SYNC' });
    const text = await (await app.yoga.fetch('http://nexus.test/metrics')).text();
    expect(text).toContain('nexus_executions_total{status="FAILED"} 1');
    expect(text).toMatch(/nexus_step_duration_seconds_count\{type="CACHE",status="SUCCEEDED"\} 1/);
    expect(text).toContain('nexus_step_retries_total{type="DELAY"} 1');
    expect(text).toMatch(
      /graphql_envelop_request_duration_count\{operationName="ExecutePattern",operationType="mutation"\} 1/,
    );
  });
});
