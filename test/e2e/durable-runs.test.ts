/**
 * Durable runs in one process, the process that "died" played by records written as it would
 * have left them (RUNNING, an expired lease, some step results): which runs are resumed, which
 * end "abandoned", how a transactional run is rolled back from recorded undo data, and the queue
 * side (PENDING runs, delayed starts, their cancel, SYNC runs of a process without steps)
 * through a tiny in-test RunQueue that hands runs to `runQueued`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type App, createStorage } from '../../src/app.js';
import {
  DURABLE_DEFAULTS,
  type Execution,
  pendingStep,
  type StepResult,
} from '../../src/domain/execution/execution.js';
import { ExecutionService } from '../../src/domain/execution/execution-service.js';
import { RunEnd } from '../../src/domain/execution/run-end.js';
import { RunEvents } from '../../src/domain/execution/run-events.js';
import type { QueuedRun, RunQueue } from '../../src/domain/execution/run-queue.js';
import { systemClock } from '../../src/domain/shared/clock.js';
import { DEV_ADMIN } from '../../src/domain/shared/viewer.js';
import type { Storage } from '../../src/domain/storage.js';
import { createTestApp, gql, testConfig } from '../helpers/app.js';
import { until } from '../helpers/nexus-process.js';
import { CancelExecution } from './execution-operations.js';

const apps: App[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.stop()));
});

async function start() {
  let storage: Storage | undefined;
  const app = createTestApp({}, { storage: (settings) => (storage = createStorage(settings)) });
  apps.push(app);
  await app.start(0);
  if (!storage) throw new Error('no storage');
  return { app, storage };
}

/** An app with one active USER pattern `id` (named so) of these steps. */
async function startWith(id: string, steps: unknown[], extra: { transactional?: boolean } = {}) {
  const started = await start();
  await started.app.services.patterns.create(DEV_ADMIN, {
    id,
    name: id,
    category: 'USER',
    isActive: true,
    ...extra,
    steps,
  } as never);
  return started;
}

const set = (id: string, key: string, value: string, dependsOn: string[] = []) => ({
  id,
  type: 'CACHE' as const,
  action: 'set',
  parameters: { key, value },
  dependsOn,
  retries: 0,
  timeoutMs: 5_000,
});

/** A record as a process that died halfway leaves it: RUNNING, lease expired, these results. */
async function deadRun(
  app: App,
  storage: Storage,
  patternId: string,
  results: Array<Partial<StepResult> & { stepId: string }>,
  overrides: Partial<Execution> = {},
): Promise<Execution> {
  const pattern = await app.services.patterns.get(DEV_ADMIN, patternId);
  if (!pattern) throw new Error(`no pattern ${patternId}`);
  const now = new Date();
  const byId = new Map(results.map((r) => [r.stepId, r]));
  let sequence = 0;
  const steps = pattern.steps.map((step): StepResult => {
    const recorded = byId.get(step.id);
    if (!recorded) return pendingStep(step.id);
    sequence += 2;
    return {
      ...pendingStep(step.id),
      attempts: 1,
      startedAt: now.toISOString(),
      transitions: {
        start: sequence - 1,
        settle: recorded.status === 'RUNNING' ? null : sequence,
        rollback: null,
      },
      ...recorded,
    };
  });
  const execution: Execution = {
    ...DURABLE_DEFAULTS,
    id: `x${Math.random().toString(36).slice(2)}`,
    patternId,
    patternVersion: pattern.version,
    patternGeneration: pattern.generation,
    status: 'RUNNING',
    input: null,
    output: null,
    steps,
    createdAt: now.toISOString(),
    startedAt: now.toISOString(),
    finishedAt: null,
    durationMs: null,
    error: null,
    createdBy: 'dev',
    createdByRoles: ['admin'],
    idempotencyKey: null,
    instance: 'gone:1:dead',
    ...overrides,
  };
  const started = await storage.executions.start(execution, {
    retentionSeconds: 3600,
    leaseUntilMs: now.getTime() - 1,
    patternVersion: pattern.version,
    patternGeneration: pattern.generation,
    slot: execution.parentId === null ? { userId: 'dev', limit: 1000, nowMs: now.getTime() } : null,
    idempotency: null,
  });
  expect(started.outcome).toBe('started');
  expect(await storage.executions.saveSteps(execution.id, execution.attempts, steps)).toBe(true);
  return execution;
}

async function ended(app: App, id: string): Promise<Execution> {
  return until(async () => {
    const execution = await app.services.executions.get(DEV_ADMIN, id);
    return execution && execution.status !== 'RUNNING' && execution.status !== 'PENDING'
      ? execution
      : null;
  });
}

describe('a run whose process stopped', () => {
  it('is resumed from its recorded results: succeeded steps stay, the running one runs again', async () => {
    const { app, storage } = await startWith('resume', [
      set('a', 'r:a', 'A'),
      set('b', 'r:b', '{steps.a.output.key}+B', ['a']),
      set('c', 'r:c', '{steps.b.output.key}+C', ['b']),
    ]);
    const dead = await deadRun(app, storage, 'resume', [
      {
        stepId: 'a',
        status: 'SUCCEEDED',
        output: { key: 'r:a' },
        finishedAt: new Date().toISOString(),
      },
      { stepId: 'b', status: 'RUNNING' },
    ]);
    const frames: number[] = [];
    const unsubscribe = storage.events.subscribe(null);
    const reading = (async () => {
      for await (const event of unsubscribe) {
        if (event.executionId !== dead.id) continue;
        if (event.type === 'PROGRESS' && event.payload) frames.push(event.payload.sequence ?? -1);
        if (event.type === 'PATTERN_EXECUTED') return;
      }
    })();
    expect(await app.services.executions.sweepAbandoned()).toBe(1);
    const end = await ended(app, dead.id);
    await reading;
    expect(end).toMatchObject({ status: 'SUCCEEDED', attempts: 2, error: null });
    expect(end.resumedAt).not.toBeNull();
    expect(end.instance).not.toBe('gone:1:dead');
    expect(end.steps.map((s) => [s.stepId, s.status, s.attempts])).toEqual([
      ['a', 'SUCCEEDED', 1],
      ['b', 'SUCCEEDED', 2],
      ['c', 'SUCCEEDED', 1],
    ]);
    // a's recorded output fed b's template; the sequence goes on from the highest recorded (3).
    expect(await storage.kv.of('dev').get('r:c')).toBe(JSON.stringify('r:b+C'));
    expect(frames[0]).toBeGreaterThan(3);
    expect(frames).toEqual([...frames].sort((x, y) => x - y));
  });

  it('rolls a transactional run back from its recorded undo data, the interrupted write too', async () => {
    const { app, storage } = await startWith(
      'tx',
      [
        set('a', 't:a', 'new-a'),
        set('b', 't:b', 'new-b', ['a']),
        set('c', 't:c', 'new-c', ['b']),
        {
          id: 'd',
          type: 'RELATIONSHIP',
          action: 'delete',
          parameters: { id: 'no-such-relationship' },
          dependsOn: ['c'],
          retries: 0,
          timeoutMs: 5_000,
        },
      ],
      { transactional: true },
    );
    const kv = storage.kv.of('dev');
    const write = (key: string, value: string) =>
      kv.pipeline([{ action: 'set', key, value: JSON.stringify(value), ttlSeconds: null }]);
    // Before the run: t:a held "old-a", t:b nothing. The dead process wrote a, and b's write
    // landed after b recorded how to undo it, then it died.
    await write('t:a', 'new-a');
    await write('t:b', 'new-b');
    const dead = await deadRun(app, storage, 'tx', [
      {
        stepId: 'a',
        status: 'SUCCEEDED',
        output: { key: 't:a' },
        undo: { restore: [{ key: 't:a', value: JSON.stringify('old-a'), ttlMs: null }] },
      },
      {
        stepId: 'b',
        status: 'RUNNING',
        undo: { restore: [{ key: 't:b', value: null, ttlMs: null }] },
      },
    ]);
    await app.services.executions.sweepAbandoned();
    const end = await ended(app, dead.id);
    expect(end.status).toBe('FAILED');
    expect(end.steps.map((s) => [s.stepId, s.status])).toEqual([
      ['a', 'ROLLED_BACK'],
      ['b', 'ROLLED_BACK'],
      ['c', 'ROLLED_BACK'],
      ['d', 'FAILED'],
    ]);
    // Nothing half: every key as before the run.
    expect(await kv.get('t:a')).toBe(JSON.stringify('old-a'));
    expect(await kv.get('t:b')).toBeNull();
    expect(await kv.get('t:c')).toBeNull();
  });

  it('ends "abandoned" when it cannot continue: poison, version gone, child run, timeout', async () => {
    const { maxTakeovers } = testConfig().execution;
    const { app, storage } = await startWith('short', [set('a', 's:a', 'A')]);
    const poison = await deadRun(app, storage, 'short', [], { attempts: maxTakeovers + 1 });
    const child = await deadRun(app, storage, 'short', [], { parentId: 'x-parent' });
    const late = await deadRun(app, storage, 'short', [], {
      deadline: new Date(Date.now() - 1).toISOString(),
    });
    expect(await app.services.executions.sweepAbandoned()).toBe(3);
    expect((await ended(app, poison.id)).error).toBe(
      `abandoned: taken over ${maxTakeovers} times, the most allowed (${maxTakeovers}): every process running it stopped`,
    );
    expect((await ended(app, child.id)).error).toMatch(/^abandoned: a child run; its parent step/);
    expect((await ended(app, late.id)).error).toMatch(/^abandoned: its execution timeout passed/);

    const gone = await deadRun(app, storage, 'short', []);
    await app.services.patterns.delete(DEV_ADMIN, 'short');
    await app.services.executions.sweepAbandoned();
    const end = await ended(app, gone.id);
    expect(end).toMatchObject({ status: 'FAILED' });
    expect(end.error).toMatch(/^abandoned: version 1 of pattern "short" is gone/);
    expect(end.steps[0]?.status).toBe('CANCELLED');
  });

  it('drops the lease of a run whose record expired, so that no sweep reads it again', async () => {
    const { app, storage } = await startWith('gone', [set('a', 'g:a', 'A')]);
    const pattern = await app.services.patterns.get(DEV_ADMIN, 'gone');
    if (!pattern) throw new Error('no pattern');
    const now = Date.now();
    const lost: Execution = {
      ...DURABLE_DEFAULTS,
      id: 'x-expired-record',
      patternId: 'gone',
      patternVersion: pattern.version,
      patternGeneration: pattern.generation,
      status: 'RUNNING',
      input: null,
      output: null,
      steps: [pendingStep('a')],
      createdAt: new Date(now).toISOString(),
      startedAt: new Date(now).toISOString(),
      finishedAt: null,
      durationMs: null,
      error: null,
      createdBy: 'dev',
      createdByRoles: ['admin'],
      idempotencyKey: null,
      instance: 'gone:1:dead',
    };
    // Kept for no time: the record is gone, its lease (run out) is left.
    await storage.executions.start(lost, {
      retentionSeconds: 0,
      leaseUntilMs: now - 1,
      patternVersion: pattern.version,
      patternGeneration: pattern.generation,
      slot: null,
      idempotency: null,
    });
    await until(async () => (await storage.executions.getMany([lost.id]))[0] === null);
    expect(await storage.executions.expiredLeases(Date.now())).toContain(lost.id);
    await app.services.executions.sweepAbandoned();
    expect(await storage.executions.expiredLeases(Date.now())).not.toContain(lost.id);
  });

  it('checks only its own lease when a run is handed out again, however many others ran out', async () => {
    const { app, storage } = await startWith('many', [set('a', 'm:a', 'A')]);
    for (let i = 0; i < 30; i++) await deadRun(app, storage, 'many', []);
    const dead = await deadRun(app, storage, 'many', []);
    const live = await deadRun(app, storage, 'many', []);
    expect(await storage.executions.renewLease(live.id, 1, Date.now() + 60_000)).toBe(true);
    let leasesRead = 0;
    const executions = Object.create(storage.executions) as Storage['executions'];
    executions.expiredLeases = async (nowMs) => {
      const ids = await storage.executions.expiredLeases(nowMs);
      leasesRead += ids.length;
      return ids;
    };
    const worker = new ExecutionService({
      patterns: app.services.patterns,
      graph: app.services.graph,
      executions,
      kv: storage.kv,
      events: storage.events,
      clock: systemClock,
      settings: { ...testConfig().execution, maxConcurrentPerUser: 1000 },
      instanceId: 'worker',
      runsSteps: true,
    });
    const handOut = (id: string) =>
      worker.runQueued({ executionId: id, notBeforeMs: null, attempt: 1 });
    // Its lease still renewed: left to its process. Run out: taken up here.
    expect(await handOut(live.id)).toBeNull();
    expect((await app.services.executions.get(DEV_ADMIN, live.id))?.instance).toBe('gone:1:dead');
    expect(await handOut(dead.id)).toBeNull();
    expect(await ended(app, dead.id)).toMatchObject({ status: 'SUCCEEDED', instance: 'worker' });
    expect(leasesRead).toBe(0);
    await worker.shutdown();
  });

  it('is refused to a former owner: its writes are fenced once another process claimed it', async () => {
    const { app, storage } = await startWith('fence', [set('a', 'f:a', 'A')]);
    const dead = await deadRun(app, storage, 'fence', []);
    await app.services.executions.sweepAbandoned();
    await ended(app, dead.id);
    // The process that "died" wakes up: nothing it writes lands.
    expect(await storage.executions.saveSteps(dead.id, 1, [pendingStep('a')])).toBe(false);
    expect(await storage.executions.renewLease(dead.id, 1, Date.now() + 60_000)).toBe(false);
    expect(await storage.executions.finish({ ...dead, status: 'FAILED' }, 'RUNNING', 'dev')).toBe(
      false,
    );
    expect((await app.services.executions.get(DEV_ADMIN, dead.id))?.status).toBe('SUCCEEDED');
  });

  it("counts its end once in the pattern's statistics when two instances end it, or a former owner wakes", async () => {
    const { app, storage } = await start();
    const { maxTakeovers } = testConfig().execution;
    await app.services.patterns.create(DEV_ADMIN, {
      id: 'counted',
      name: 'counted',
      category: 'USER',
      isActive: true,
      steps: [set('a', 'c:a', 'A')],
    } as never);
    // Two instances sweep the same run at once: one records its end, the other is fenced.
    const poison = await deadRun(app, storage, 'counted', [], { attempts: maxTakeovers + 1 });
    const other = new ExecutionService({
      patterns: app.services.patterns,
      graph: app.services.graph,
      executions: storage.executions,
      kv: storage.kv,
      events: storage.events,
      clock: systemClock,
      settings: { ...testConfig().execution, maxConcurrentPerUser: 10 },
      instanceId: 'other',
      runsSteps: true,
    });
    await Promise.all([app.services.executions.sweepAbandoned(), other.sweepAbandoned()]);
    expect((await ended(app, poison.id)).status).toBe('FAILED');
    const [afterSweeps] = await app.services.patterns.stats(['counted']);
    expect(afterSweeps).toMatchObject({ usageCount: 1, successCount: 0 });

    // A process paused past its lease ends the run it lost: refused, and not counted either.
    const lost = await deadRun(app, storage, 'counted', []);
    await app.services.executions.sweepAbandoned();
    const taken = await ended(app, lost.id);
    expect(taken.status).toBe('SUCCEEDED');
    const end = new RunEnd(
      storage.executions,
      new RunEvents(storage.events, systemClock, () => {}),
      () => {},
      () => {},
    );
    const formerEnd = { ...lost, status: 'SUCCEEDED' as const, durationMs: 5 };
    expect(
      await end.finish(formerEnd, {
        previousStatus: 'RUNNING',
        slotOf: 'dev',
        generation: lost.patternGeneration,
        writeSteps: async () => {},
      }),
    ).toBe(false);
    const [stats] = await app.services.patterns.stats(['counted']);
    expect(stats).toMatchObject({ usageCount: 2, successCount: 1 });
  });
});

/** Hands every queued run to the handler, not before its time, as a worker would. */
class InTestQueue implements RunQueue {
  handler: ((run: QueuedRun) => Promise<{ retryAfterMs: number } | null>) | null = null;
  readonly enqueued: QueuedRun[] = [];
  readonly removed: string[] = [];
  private readonly timers = new Map<string, NodeJS.Timeout>();

  async enqueue(run: QueuedRun): Promise<void> {
    this.enqueued.push(run);
    this.schedule(run, Math.max(0, (run.notBeforeMs ?? 0) - Date.now()));
  }

  async remove(executionId: string, attempt: number): Promise<boolean> {
    const key = `${executionId}:${attempt}`;
    const timer = this.timers.get(key);
    this.removed.push(executionId);
    clearTimeout(timer);
    return this.timers.delete(key);
  }

  private schedule(run: QueuedRun, delay: number): void {
    const key = `${run.executionId}:${run.attempt}`;
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.handler?.(run).then((retry) => {
          if (retry) this.schedule(run, retry.retryAfterMs);
        });
      }, delay),
    );
  }

  stop(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
  }
}

describe('the queue side', () => {
  async function queued(runsSteps: boolean, settings: { maxConcurrentPerUser?: number } = {}) {
    const { app, storage } = await startWith('q', [
      set('a', 'q:a', '{n}'),
      { id: 'w', type: 'DELAY', action: 'wait', parameters: { ms: 30 }, dependsOn: ['a'] },
    ]);
    const queue = new InTestQueue();
    const service = (instanceId: string, steps: boolean) =>
      new ExecutionService({
        patterns: app.services.patterns,
        graph: app.services.graph,
        executions: storage.executions,
        kv: storage.kv,
        events: storage.events,
        clock: systemClock,
        settings: {
          ...testConfig().execution,
          maxConcurrentPerUser: settings.maxConcurrentPerUser ?? 10,
        },
        instanceId,
        runsSteps: steps,
        queue,
      });
    const api = service('api', runsSteps);
    const worker = service('worker', true);
    queue.handler = worker.runQueued;
    return { app, storage, queue, api, worker };
  }

  it('stores the ASYNC runs of a process that runs no steps PENDING, enqueued, and a worker claims and runs them', async () => {
    const { app, queue, api } = await queued(false);
    const started = await api.execute(DEV_ADMIN, {
      patternId: 'q',
      input: { n: 1 },
      mode: 'ASYNC',
      idempotencyKey: null,
    });
    expect(started).toMatchObject({ status: 'PENDING', attempts: 0, instance: null });
    // The job carries the PENDING record: the worker claims from it without reading it first.
    expect(queue.enqueued).toEqual([
      { executionId: started.id, notBeforeMs: null, attempt: 0, record: started },
    ]);
    const end = await ended(app, started.id);
    expect(end).toMatchObject({ status: 'SUCCEEDED', attempts: 1, instance: 'worker' });
    // Handed out again, with or without the (now stale) copy: the run is over, nothing runs twice.
    const handler = queue.handler;
    expect(await handler?.({ executionId: started.id, notBeforeMs: null, attempt: 0 })).toBeNull();
    const again = { executionId: started.id, notBeforeMs: null, attempt: 0, record: started };
    expect(await handler?.(again)).toBeNull();
    expect(await ended(app, started.id)).toEqual(end);
    queue.stop();
  });

  it('runs a queued run on the version kept by its worker, unless the pattern was deleted before it started', async () => {
    const { app, queue, api } = await queued(false);
    const run = (n: number) =>
      api.execute(DEV_ADMIN, {
        patternId: 'q',
        input: { n },
        mode: 'ASYNC',
        idempotencyKey: null,
        startAt: new Date(Date.now() + 100),
      });
    // The worker keeps version 1 from its first run.
    expect(await ended(app, (await run(1)).id)).toMatchObject({ status: 'SUCCEEDED' });
    const updated = await run(2);
    await app.services.patterns.update(DEV_ADMIN, 'q', { name: 'renamed' } as never);
    expect(await ended(app, updated.id)).toMatchObject({ status: 'SUCCEEDED', patternVersion: 1 });
    // ...and version 2 once it ran it; the claim finds the pattern deleted and created again.
    expect(await ended(app, (await run(3)).id)).toMatchObject({ patternVersion: 2 });
    const recreated = await run(4);
    await app.services.patterns.delete(DEV_ADMIN, 'q');
    await app.services.patterns.create(DEV_ADMIN, {
      id: 'q',
      name: 'q again',
      category: 'USER',
      isActive: true,
      steps: [set('a', 'q:a', 'other')],
    } as never);
    const end = await ended(app, recreated.id);
    expect(end).toMatchObject({ status: 'FAILED', patternVersion: 2 });
    expect(end.error).toBe('pattern "q" was deleted before the run started');
    // A run of the pattern deleted is not counted in the statistics of the one created again.
    expect((await app.services.patterns.stats(['q']))[0]).toMatchObject({ usageCount: 0 });
    queue.stop();
  });

  it('waits for a SYNC run of a process that runs no steps, run by a worker', async () => {
    const { api } = await queued(false);
    const end = await api.execute(DEV_ADMIN, {
      patternId: 'q',
      input: { n: 2 },
      mode: 'SYNC',
      idempotencyKey: null,
    });
    expect(end).toMatchObject({ status: 'SUCCEEDED', instance: 'worker' });
  });

  it('starts a delayed run at its time, cancels a waiting one at once, and bounds them', async () => {
    const { app, queue, api } = await queued(true);
    // A run of a schedule's starts only while that schedule is stored.
    const schedule = await app.services.schedules.schedule(DEV_ADMIN, {
      patternId: 'q',
      timing: { kind: 'every', everyMs: 3_600_000 },
      input: { n: 3 },
    });
    const soon = new Date(Date.now() + 150);
    const delayed = await api.execute(DEV_ADMIN, {
      patternId: 'q',
      input: { n: 3 },
      mode: 'ASYNC',
      idempotencyKey: null,
      startAt: soon,
      scheduleId: schedule.id,
    });
    expect(delayed).toMatchObject({
      status: 'PENDING',
      notBefore: soon.toISOString(),
      scheduleId: schedule.id,
    });
    expect(queue.enqueued.at(-1)).toMatchObject({ notBeforeMs: soon.getTime() });
    const end = await ended(app, delayed.id);
    expect(end.status).toBe('SUCCEEDED');
    expect(Date.parse(end.startedAt ?? '')).toBeGreaterThanOrEqual(soon.getTime());

    const later = await api.execute(DEV_ADMIN, {
      patternId: 'q',
      input: { n: 4 },
      mode: 'ASYNC',
      idempotencyKey: null,
      startAt: new Date(Date.now() + 3_600_000),
    });
    const cancelled = await api.cancel(DEV_ADMIN, later.id);
    expect(cancelled).toMatchObject({ status: 'CANCELLED', error: 'cancelled' });
    expect(queue.removed).toEqual([later.id]);
    expect((await api.get(DEV_ADMIN, later.id))?.status).toBe('CANCELLED');

    // A minute ago, or 31 days ahead: refused.
    for (const startAt of [new Date(Date.now() - 60_000), new Date(Date.now() + 31 * 86_400_000)])
      await expect(
        api.execute(DEV_ADMIN, {
          patternId: 'q',
          input: { n: 5 },
          mode: 'ASYNC',
          idempotencyKey: null,
          startAt,
        }),
      ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: ['startAt'] }] });
    queue.stop();
  });

  it('does not start a delayed run of a pattern deactivated or deleted while it waited, and says so', async () => {
    const { app, storage, queue, api } = await queued(true);
    const alice = { id: 'alice', roles: [] };
    await app.services.patterns.create(alice, {
      id: 'alice-q',
      name: 'alice-q',
      origin: 'USER',
      category: 'USER',
      isActive: true,
      steps: [set('a', 'aq:a', 'ran')],
    } as never);
    const args = { patternId: 'alice-q', input: null, mode: 'ASYNC' as const };
    const soon = () => new Date(Date.now() + 100);
    const paused = await api.execute(alice, { ...args, idempotencyKey: 'p', startAt: soon() });
    await app.services.patterns.update(alice, 'alice-q', { isActive: false } as never);
    const inactive = await ended(app, paused.id);
    expect(inactive.status).toBe('FAILED');
    expect(inactive.error).toBe('pattern "alice-q" was deactivated before the run started');
    expect(inactive.steps[0]?.status).toBe('CANCELLED');
    expect(await storage.kv.of('alice').get('aq:a')).toBeNull();

    await app.services.patterns.update(alice, 'alice-q', { isActive: true } as never);
    const doomed = await api.execute(alice, { ...args, idempotencyKey: 'd', startAt: soon() });
    await app.services.patterns.delete(alice, 'alice-q');
    const deleted = await ended(app, doomed.id);
    expect(deleted.status).toBe('FAILED');
    expect(deleted.error).toBe('pattern "alice-q" was deleted before the run started');
    expect(await storage.kv.of('alice').get('aq:a')).toBeNull();
    queue.stop();
  });

  it('bounds the runs one user may have waiting, and claims take the slot, not waiting', async () => {
    const { app, queue, api } = await queued(true, { maxConcurrentPerUser: 1 });
    const far = new Date(Date.now() + 3_600_000);
    const args = { patternId: 'q', input: { n: 6 }, mode: 'ASYNC' as const, idempotencyKey: null };
    // More waiting runs than the user's run slots: waiting takes no slot.
    for (let i = 0; i < 99; i++) await api.execute(DEV_ADMIN, { ...args, startAt: far });
    const now = await api.execute(DEV_ADMIN, { ...args, startAt: new Date(Date.now() + 50) });
    await expect(api.execute(DEV_ADMIN, { ...args, startAt: far })).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDED',
    });
    expect((await ended(app, now.id)).status).toBe('SUCCEEDED');
    // Once one started, there is room again.
    const more = await api.execute(DEV_ADMIN, { ...args, startAt: far });
    expect(more.status).toBe('PENDING');
    queue.stop();
  });
});

describe('executePattern(startAt)', () => {
  it('checks startAt at the edge, and cancels a delayed run before it starts', async () => {
    const { app } = await startWith('later', [set('a', 'l:a', 'A')]);
    const EXECUTE = `mutation($at: DateTime, $mode: ExecutionMode!) {
      executePattern(id: "later", mode: $mode, startAt: $at) { id status startAt attempts } }`;
    const post = async (variables: Record<string, unknown>) => {
      const response = await app.yoga.fetch('http://nexus.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: EXECUTE, variables }),
      });
      return (await response.json()) as {
        data?: { executePattern: { id: string; status: string; startAt: string | null } } | null;
        errors?: Array<{ extensions?: { code?: string; issues?: Array<{ path: string[] }> } }>;
      };
    };
    const past = await post({ at: new Date(Date.now() - 1_000).toISOString(), mode: 'ASYNC' });
    expect(past.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      issues: [{ path: ['startAt'] }],
    });
    const sync = await post({ at: new Date(Date.now() + 60_000).toISOString(), mode: 'SYNC' });
    expect(sync.errors?.[0]?.extensions?.issues?.[0]?.path).toEqual(['mode']);
    const at = new Date(Date.now() + 60_000).toISOString();
    const delayed = await post({ at, mode: 'ASYNC' });
    expect(delayed.data?.executePattern).toMatchObject({
      status: 'PENDING',
      startAt: at,
      attempts: 0,
    });
    const id = delayed.data?.executePattern.id ?? '';
    const cancelled = await gql(app, CancelExecution, { id });
    expect(cancelled.data?.cancelExecution).toMatchObject({ status: 'CANCELLED' });
  });
});
