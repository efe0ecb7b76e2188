/**
 * Adversarial: a child run must never outlive the step that started it. A PATTERN step that
 * times out (or is cancelled) while its child is still being started must still cancel that
 * child once it starts; otherwise the child runs on unparented, holding no run slot of its user.
 */
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import type { NexusEventInput } from '../../src/domain/events/event.js';
import { signToken } from '../../src/server/authenticate.js';
import type { CreatePatternInput } from '../gql/graphql.js';
import { dataOf, gql } from '../helpers/app.js';
import { LocalEventPublisher } from '../helpers/local-events.js';
import { useRedisApps } from '../helpers/redis-app.js';
import { CancelExecution, ExecutePattern, ListExecutions } from './execution-operations.js';
import { CreatePattern } from './operations.js';

const redis = useRedisApps('attack-orphans');
const SECRET = 'test-secret-that-is-long-enough-0123456789';

function ended(events: LocalEventPublisher, patternId: string): Promise<'ended'> {
  return new Promise((resolve) => {
    const stop = events.listen((event: NexusEventInput) => {
      if (event.type === 'PATTERN_EXECUTED' && event.patternId === patternId) {
        stop();
        resolve('ended');
      }
    });
  });
}

describe('adversarial: orphaned child runs', () => {
  it('cancels a child whose PATTERN step timed out while the child was starting', async () => {
    const events = new LocalEventPublisher();
    const app = await redis.app(
      { jwtSecret: SECRET, execution: { executionTimeoutMs: 20_000 } } as Partial<Config>,
      { events },
    );
    const mallory = await signToken(SECRET, { sub: 'mallory' });
    const create = async (input: CreatePatternInput) =>
      dataOf(await gql(app, CreatePattern, { input }, mallory));
    await create({
      id: 'sleepy',
      name: 'Sleeps a minute',
      category: 'USER',
      steps: [
        {
          id: 'zzz',
          type: 'DELAY',
          action: 'wait',
          parameters: { ms: 60_000 },
          timeoutMs: 70_000,
        },
      ],
    });
    await create({
      id: 'parent',
      name: 'Calls sleepy with a short step timeout',
      category: 'USER',
      steps: [
        {
          id: 'call',
          type: 'PATTERN',
          action: 'execute',
          parameters: { pattern_id: 'sleepy' },
          timeoutMs: 100,
        },
      ],
    });
    // The moment the PATTERN step starts, writes stall for a while (a slow Redis, a failover):
    // the step's 100 ms timeout fires while its child run is still being stored.
    const stop = events.listen((event) => {
      const stage = (event.payload as { currentStage?: string | null } | null)?.currentStage;
      if (event.type === 'PROGRESS' && event.patternId === 'parent' && stage === 'call') {
        stop();
        void redis.admin.call('CLIENT', 'PAUSE', '400', 'WRITE');
      }
    });
    const childEnded = ended(events, 'sleepy');
    const run = dataOf(await gql(app, ExecutePattern, { id: 'parent', mode: 'SYNC' }, mallory));
    expect(run.executePattern.status).toBe('FAILED');
    expect(run.executePattern.error).toMatch(/timed out after 100 ms/);

    const deadline = new Promise<'still running'>((resolve) =>
      setTimeout(() => resolve('still running'), 3_000),
    );
    const outcome = await Promise.race([childEnded, deadline]);
    const running = dataOf(
      await gql(app, ListExecutions, { patternId: 'sleepy', status: 'RUNNING' }, mallory),
    );
    for (const edge of running.executions.edges)
      await gql(app, CancelExecution, { id: edge.node.id }, mallory);
    // The parent is over; its child must not go on running for a minute on nobody's slot.
    expect(running.executions.totalCount).toBe(0);
    expect(outcome).toBe('ended');
  });
});
