/**
 * A cancel sent to one instance stops a run on another within a second: the request is
 * broadcast, not left for the run's heartbeat (a third of the 30 s lease here).
 */
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { DEV_ADMIN } from '../../src/domain/shared/viewer.js';
import { dataOf, gql } from '../helpers/app.js';
import { LocalEventPublisher, nextEvent } from '../helpers/local-events.js';
import { uniquePrefix } from '../helpers/prefix.js';
import { useRedisApps } from '../helpers/redis-app.js';
import { CancelExecution, ExecutePattern } from './execution-operations.js';
import { CreatePattern } from './operations.js';

const redis = useRedisApps('cancel');

async function longRun(app: App, events: LocalEventPublisher): Promise<string> {
  dataOf(
    await gql(app, CreatePattern, {
      input: {
        id: 'long',
        name: 'Waits a long time',
        category: 'USER',
        steps: [{ id: 'wait', type: 'DELAY', action: 'wait', parameters: { ms: 25_000 } }],
      },
    }),
  );
  const waiting = nextEvent(
    events,
    (event) =>
      event.type === 'PROGRESS' &&
      (event.payload as { currentStage?: string } | null)?.currentStage === 'wait',
  );
  const started = dataOf(await gql(app, ExecutePattern, { id: 'long', mode: 'ASYNC' }));
  await waiting;
  return started.executePattern.id;
}

/** Instances A and B on one prefix, a long run started on A, and A's announcement of its end. */
async function longRunOnA() {
  const keyPrefix = uniquePrefix('cancel');
  const events = new LocalEventPublisher();
  const a = await redis.app({ keyPrefix }, { events });
  const b = await redis.app({ keyPrefix });
  const id = await longRun(a, events);
  const ended = nextEvent(
    events,
    (event) => event.type === 'PATTERN_EXECUTED' && event.executionId === id,
  );
  return { a, b, id, ended };
}

describe('cancel from another instance', () => {
  it('ends a run on A within a second of the request made to B', async () => {
    const { a, b, id, ended } = await longRunOnA();

    const requestedAt = Date.now();
    const answer = dataOf(await gql(b, CancelExecution, { id })).cancelExecution;
    await ended;

    const record = await a.services.executions.get(DEV_ADMIN, id);
    expect(record?.status).toBe('CANCELLED');
    expect(record?.steps.map((step) => [step.stepId, step.status])).toEqual([
      ['wait', 'CANCELLED'],
    ]);
    const tookMs = Date.parse(record?.finishedAt ?? '') - requestedAt;
    expect(tookMs).toBeGreaterThanOrEqual(0);
    expect(tookMs).toBeLessThan(1_000);
    // B waited for the record that says so.
    expect(answer.status).toBe('CANCELLED');
  });

  it('ends it within a second when the subscriptions drop around the request', async () => {
    const { a, b, id, ended } = await longRunOnA();
    // Every subscriber connection goes (as when Redis drops them for their buffers): the
    // broadcast may reach nobody; the stored request is read as soon as they are back.
    const requestedAt = Date.now();
    await redis.admin.client('KILL', 'TYPE', 'pubsub');
    await b.services.executions.cancel(DEV_ADMIN, id);
    await ended;
    const record = await a.services.executions.get(DEV_ADMIN, id);
    expect(record?.status).toBe('CANCELLED');
    expect(Date.parse(record?.finishedAt ?? '') - requestedAt).toBeLessThan(1_000);
  });
});
