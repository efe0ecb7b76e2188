/**
 * A Redis that dies mid-run (SIGKILL, then restarted on the same port and append-only file)
 * pauses the run instead of failing it: the step whose write could not reach Redis is attempted
 * again once Redis is back, spending no retry, and the record says what happened. An outage
 * longer than the execution timeout ends the run FAILED, saying the step's outcome is unknown.
 */

import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { createStorage } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import type { NexusEventInput } from '../../src/domain/events/event.js';
import type { KeyValueSpace } from '../../src/domain/execution/key-value-store.js';
import { DEV_ADMIN } from '../../src/domain/shared/viewer.js';
import { createTestApp, dataOf, gql, testConfig } from '../helpers/app.js';
import { LocalEventPublisher, nextEvent, teeEvents } from '../helpers/local-events.js';
import { useOutageRedis } from '../helpers/outage-redis.js';
import { ExecutePattern } from './execution-operations.js';
import { CreatePattern } from './operations.js';

const redis = useOutageRedis('pause');

const stageIs = (event: NexusEventInput, name: string, status?: string) => {
  if (event.type !== 'PROGRESS') return false;
  const stage = (event.payload as { stage?: { name: string; status: string } | null }).stage;
  return stage?.name === name && (status === undefined || stage.status === status);
};

/** The step-data store, telling `onFailure` of every write that failed. */
function watchedWrites(kv: KeyValueSpace, onFailure: () => void): KeyValueSpace {
  return {
    of(namespace) {
      const store = kv.of(namespace);
      return {
        get: (key) => store.get(key),
        snapshot: (keys) => store.snapshot(keys),
        restore: (previous) => store.restore(previous),
        transaction: (ops, watch) => store.transaction(ops, watch),
        pipeline: (ops) =>
          store.pipeline(ops).catch((error: unknown) => {
            onFailure();
            throw error;
          }),
      };
    },
  };
}

async function startApp(execution: Partial<Config['execution']> = {}) {
  const events = new LocalEventPublisher();
  let failed: () => void = () => {};
  const writeFailed = new Promise<void>((resolve) => {
    failed = resolve;
  });
  const keyPrefix = redis.prefix();
  const app = redis.use(
    createTestApp(
      {
        redisUrl: redis.server.url,
        keyPrefix,
        execution: { ...testConfig().execution, ...execution },
      },
      {
        storage: (settings) => {
          const storage = teeEvents(createStorage(settings), events);
          return { ...storage, kv: watchedWrites(storage.kv, failed) };
        },
      },
    ),
  );
  await app.start(0);
  dataOf(
    await gql(app, CreatePattern, {
      input: {
        id: 'paused',
        name: 'Set, wait, set, read',
        category: 'USER',
        steps: [
          { id: 'a', type: 'CACHE', action: 'set', parameters: { key: 'a', value: 1 } },
          { id: 'wait', type: 'DELAY', action: 'wait', dependsOn: ['a'], parameters: { ms: 200 } },
          {
            id: 'b',
            type: 'CACHE',
            action: 'set',
            dependsOn: ['wait'],
            parameters: { key: 'b', value: 2 },
          },
          { id: 'c', type: 'CACHE', action: 'get', dependsOn: ['b'], parameters: { key: 'a' } },
          {
            id: 'tell',
            type: 'EVENT',
            action: 'publish',
            dependsOn: ['wait'],
            parameters: { event_type: 'after_wait', payload: { n: 1 } },
          },
        ],
      },
    }),
  );
  return { app, events, writeFailed, keyPrefix };
}

/** An app with a run of "paused" started, and promises of the run reaching its wait and its end. */
async function startRun(execution: Partial<Config['execution']> = {}) {
  const started = await startApp(execution);
  const { app, events } = started;
  const waiting = nextEvent(events, (event) => stageIs(event, 'wait', 'PROCESSING'));
  const id = dataOf(await gql(app, ExecutePattern, { id: 'paused', mode: 'ASYNC' })).executePattern
    .id;
  const ended = nextEvent(
    events,
    (event) => event.type === 'PATTERN_EXECUTED' && event.executionId === id,
  );
  return { ...started, id, waiting, ended };
}

describe('a Redis that dies mid-run', () => {
  it('pauses the run; it completes SUCCEEDED once Redis is back, its record true', async () => {
    const { app, writeFailed, keyPrefix, id, waiting, ended } = await startRun();
    await waiting;
    await redis.server.kill();
    // Step b tried to write while Redis was gone: that attempt was interrupted, not failed.
    await writeFailed;
    await redis.server.start();
    await ended;

    const record = await app.services.executions.get(DEV_ADMIN, id);
    expect(record?.status).toBe('SUCCEEDED');
    expect(record?.error).toBeNull();
    expect(
      record?.steps.map((step) => [step.stepId, step.status, step.attempts, step.error]),
    ).toEqual([
      ['a', 'SUCCEEDED', 1, null],
      ['wait', 'SUCCEEDED', 1, null],
      // Two attempts were made: the one Redis never saw, and the one after it came back.
      ['b', 'SUCCEEDED', 2, null],
      ['c', 'SUCCEEDED', 1, null],
      ['tell', 'SUCCEEDED', expect.any(Number), null],
    ]);
    // The event went out once, though its step may have been attempted more than once.
    const log = await app.services.events.read({ since: '0-0', limit: 500 });
    expect(log.events.filter((event) => event.name === 'after_wait')).toHaveLength(1);
    expect(record?.steps.find((step) => step.stepId === 'c')?.output).toEqual({ value: 1 });
    const admin = new Redis(redis.server.url);
    try {
      expect(await admin.get(`${keyPrefix}kv:user:dev:a`)).toBe('1');
      expect(await admin.get(`${keyPrefix}kv:user:dev:b`)).toBe('2');
    } finally {
      await admin.quit();
    }
  });

  it('ends the run FAILED, honestly, when Redis stays away past the execution timeout', async () => {
    const { app, events, writeFailed, id, waiting, ended } = await startRun({
      executionTimeoutMs: 1_500,
    });
    const gaveUp = nextEvent(events, (event) => stageIs(event, 'b', 'FAILED'));
    await waiting;
    await redis.server.kill();
    await writeFailed;
    // The run's deadline passed with Redis still down: its end waits to be written.
    await gaveUp;
    await redis.server.start();
    await ended;

    const record = await app.services.executions.get(DEV_ADMIN, id);
    expect(record?.status).toBe('FAILED');
    expect(record?.error).toMatch(
      /step "(b|tell)" failed: the store was unreachable until the execution's deadline; whether attempt 1 took effect is unknown/,
    );
    expect(record?.steps.map((step) => [step.stepId, step.status, step.attempts])).toEqual([
      ['a', 'SUCCEEDED', 1],
      ['wait', 'SUCCEEDED', 1],
      ['b', 'FAILED', 1],
      ['c', 'SKIPPED', 0],
      ['tell', 'FAILED', 1],
    ]);
  });
});
