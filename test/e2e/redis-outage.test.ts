/**
 * A Redis outage is not a crash: while Redis is unreachable, operations fail at once with
 * SERVICE_UNAVAILABLE (and when to retry), a run in progress keeps what happened to its steps,
 * and its record, written once Redis is back, says exactly that.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { createTestApp, dataOf, errorsOf, gql } from '../helpers/app.js';
import { LocalEventPublisher, nextEvent } from '../helpers/local-events.js';
import { uniquePrefix } from '../helpers/prefix.js';
import { type RedisServer, startRedisServer } from '../helpers/redis-server.js';
import { ExecutePattern, GetExecution } from './execution-operations.js';
import { CreatePattern, GetPattern } from './operations.js';

let server: RedisServer;
let app: App | undefined;
beforeAll(async () => {
  server = await startRedisServer({ persistent: true });
});
afterAll(async () => {
  await app?.stop();
  await server.dispose();
});

describe('a Redis outage', () => {
  it('fails operations fast with SERVICE_UNAVAILABLE and keeps the run record true', async () => {
    const events = new LocalEventPublisher();
    app = createTestApp({ redisUrl: server.url, keyPrefix: uniquePrefix('outage') }, { events });
    await app.start(0);
    dataOf(
      await gql(app, CreatePattern, {
        input: {
          id: 'slow',
          name: 'Set then wait',
          category: 'USER',
          steps: [
            { id: 'set', type: 'CACHE', action: 'set', parameters: { key: 'k', value: 1 } },
            {
              id: 'wait',
              type: 'DELAY',
              action: 'wait',
              dependsOn: ['set'],
              parameters: { ms: 1500 },
            },
          ],
        },
      }),
    );
    const waiting = nextEvent(
      events,
      (event) =>
        event.type === 'PROGRESS' &&
        (event.payload as { currentStage?: string } | null)?.currentStage === 'wait',
    );
    const call = gql(app, ExecutePattern, { id: 'slow', mode: 'SYNC' });
    await waiting;
    await server.stop();

    // Answered while Redis is still down: the run's end could not be recorded.
    const [refused] = errorsOf(await call);
    expect(refused?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(refused?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    const executionId = String(refused?.extensions?.executionId);
    expect(executionId).toMatch(/^x/);
    for (const result of [
      await gql(app, GetPattern, { id: 'slow' }),
      await gql(app, CreatePattern, {
        input: {
          name: 'During the outage',
          category: 'USER',
          steps: [{ id: 'a', type: 'DELAY', action: 'wait', parameters: { ms: 1 } }],
        },
      }),
    ]) {
      expect(errorsOf(result)[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    }

    const ended = nextEvent(
      events,
      (event) => event.type === 'PATTERN_EXECUTED' && event.executionId === executionId,
    );
    await server.start();
    await ended;
    const record = dataOf(await gql(app, GetExecution, { id: executionId })).execution;
    expect(record?.status).toBe('SUCCEEDED');
    expect(record?.steps.map((step) => [step.stepId, step.status])).toEqual([
      ['set', 'SUCCEEDED'],
      ['wait', 'SUCCEEDED'],
    ]);
  });
});
