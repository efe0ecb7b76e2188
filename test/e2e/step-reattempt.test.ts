/**
 * A step attempted again with the same run and step ids (what a takeover or an outage does when
 * the first attempt's outcome is unknown) does its effect once where Nexus can tell: the
 * relationship it made is handed back, its event is published once, its cache write lands the
 * same value. Both adapters, through the runners the executor uses.
 */
import { describe, expect, it } from 'vitest';
import { createStorage } from '../../src/app.js';
import type { NexusEvent } from '../../src/domain/events/event.js';
import { compilePattern } from '../../src/domain/execution/compiled-pattern.js';
import { buildRunners } from '../../src/domain/execution/runners/index.js';
import type { StepContext } from '../../src/domain/execution/step-runner.js';
import type { Step } from '../../src/domain/pattern/pattern.js';
import { DomainError } from '../../src/domain/shared/errors.js';
import { DEV_ADMIN } from '../../src/domain/shared/viewer.js';
import type { Storage } from '../../src/domain/storage.js';
import { createTestApp } from '../helpers/app.js';
import { makePattern } from '../helpers/patterns.js';
import { useRedisApps } from '../helpers/redis-app.js';

const redis = useRedisApps('reattempt');

const steps: Step[] = [
  {
    id: 'link',
    type: 'RELATIONSHIP',
    action: 'create',
    parameters: { from: 'user:1', to: 'wallet:1', type: 'OWNER' },
    dependsOn: [],
    retries: 0,
    timeoutMs: null,
  },
  {
    id: 'unlink',
    type: 'RELATIONSHIP',
    action: 'delete',
    parameters: { id: '{rid}' },
    dependsOn: [],
    retries: 0,
    timeoutMs: null,
  },
  {
    id: 'tell',
    type: 'EVENT',
    action: 'publish',
    parameters: { event_type: 'wallet_linked', payload: { wallet: 1 } },
    dependsOn: [],
    retries: 0,
    timeoutMs: null,
  },
  {
    id: 'remember',
    type: 'CACHE',
    action: 'set',
    parameters: { key: 'linked', value: { wallet: 1 } },
    dependsOn: [],
    retries: 0,
    timeoutMs: null,
  },
];

async function setUp(adapter: 'memory' | 'redis') {
  let storage: Storage | undefined;
  const app =
    adapter === 'redis'
      ? await redis.app(
          {},
          {
            storage: (settings) => {
              storage = createStorage(settings);
              return storage;
            },
          },
        )
      : createTestApp(
          {},
          {
            storage: (settings) => {
              storage = createStorage(settings);
              return storage;
            },
          },
        );
  if (adapter === 'memory') await app.start(0);
  if (!storage) throw new Error('no storage');
  const { graph, events, patterns } = app.services;
  const runners = buildRunners({
    kv: storage.kv,
    graph,
    events,
    patterns,
    maxCompositeDepth: 5,
    runChild: () => Promise.reject(new Error('no child runs here')),
  });
  const pattern = compilePattern(makePattern({ steps, createdBy: DEV_ADMIN.id }));
  const context = (executionId: string): StepContext => ({
    signal: new AbortController().signal,
    executionId,
    patternId: pattern.id,
    namespace: DEV_ADMIN.id,
    viewer: DEV_ADMIN,
    transactional: false,
    depth: 0,
    callStack: [pattern.id],
  });
  const attempt = (stepId: string, executionId = 'x-run-1', params = {}) => {
    const step = pattern.byId.get(stepId);
    if (!step) throw new Error(stepId);
    const parameters = { ...(step.parameters as object), ...params };
    return runners[step.type].run(step, parameters, context(executionId));
  };
  const logged = async (): Promise<NexusEvent[]> =>
    (await events.read({ since: '0-0', limit: 500 })).events;
  return { app, storage, attempt, logged, stop: () => app.stop() };
}

describe.each([['memory'], ['redis']] as const)('a step attempted again (%s)', (adapter) => {
  it('RELATIONSHIP create: hands back what the first attempt made, announced once', async () => {
    const { attempt, logged, app, stop } = await setUp(adapter);
    try {
      const first = await attempt('link');
      const again = await attempt('link');
      expect(again.output).toEqual(first.output);
      expect((await app.services.graph.stats()).relationshipCount).toBe(1);
      const created = (await logged()).filter((event) => event.type === 'RELATIONSHIP_CREATED');
      expect(created).toHaveLength(1);
      // Another run's step making the same edge is a conflict, as it always was.
      await expect(attempt('link', 'x-run-2')).rejects.toBeInstanceOf(DomainError);
    } finally {
      await stop();
    }
  });

  it('RELATIONSHIP delete: finds its own deletion done, announced once', async () => {
    const { attempt, logged, app, stop } = await setUp(adapter);
    try {
      const made = await app.services.graph.create(DEV_ADMIN, {
        from: 'user:2',
        to: 'wallet:2',
        type: 'MEMBER',
        metadata: null,
      });
      const first = await attempt('unlink', 'x-run-1', { id: made.id });
      const again = await attempt('unlink', 'x-run-1', { id: made.id });
      expect(again.output).toEqual(first.output);
      expect(first.output).toEqual({ deleted: made.id });
      const deleted = (await logged()).filter((event) => event.type === 'RELATIONSHIP_DELETED');
      expect(deleted).toHaveLength(1);
      // Another run's step finds nothing to delete, as it always did.
      await expect(attempt('unlink', 'x-run-2', { id: made.id })).rejects.toBeInstanceOf(
        DomainError,
      );
      // The undo of the re-attempt still knows what to make again.
      await again.undo?.();
      expect((await app.services.graph.stats()).relationshipCount).toBe(1);
    } finally {
      await stop();
    }
  });

  it('EVENT publish: one event, however often attempted', async () => {
    const { attempt, logged, stop } = await setUp(adapter);
    try {
      const first = await attempt('tell');
      const again = await attempt('tell');
      expect(again.output).toEqual(first.output);
      const published = (await logged()).filter((event) => event.name === 'wallet_linked');
      expect(published.map((event) => [event.executionId, event.payload])).toEqual([
        ['x-run-1', { wallet: 1 }],
      ]);
      // Another run's step publishes its own.
      await attempt('tell', 'x-run-2');
      expect((await logged()).filter((event) => event.name === 'wallet_linked')).toHaveLength(2);
    } finally {
      await stop();
    }
  });

  it('CACHE set: the same value, whatever the number of attempts', async () => {
    const { attempt, storage, stop } = await setUp(adapter);
    try {
      await attempt('remember');
      const once = await storage.kv.of(DEV_ADMIN.id).get('linked');
      await attempt('remember');
      expect(await storage.kv.of(DEV_ADMIN.id).get('linked')).toBe(once);
      expect(JSON.parse(once ?? 'null')).toEqual({ wallet: 1 });
    } finally {
      await stop();
    }
  });
});
