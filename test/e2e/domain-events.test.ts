/** Every event type of the contract is published by the code that causes it. */
import { describe, expect, it } from 'vitest';
import type { NexusEventInput } from '../../src/domain/events/event.js';
import { dataOf, gql } from '../helpers/app.js';
import { LocalEventPublisher } from '../helpers/local-events.js';
import { useRedisApps } from '../helpers/redis-app.js';
import { ExecutePattern } from './execution-operations.js';
import { CreateRelationship, DeleteRelationship } from './graph-operations.js';
import { CreatePattern, DeletePattern, UpdatePattern } from './operations.js';

const redis = useRedisApps('events');

describe('published events', () => {
  it('covers relationships, pattern changes, executions, progress, errors and custom events', async () => {
    const events = new LocalEventPublisher();
    const seen: NexusEventInput[] = [];
    events.listen((event) => seen.push(event));
    const app = await redis.app({}, { events });
    const ofType = (type: NexusEventInput['type']) => seen.filter((event) => event.type === type);

    const relationship = dataOf(
      await gql(app, CreateRelationship, {
        input: { from: 'user:1', to: 'wallet:1', type: 'OWNER' },
      }),
    ).createRelationship;
    await gql(app, DeleteRelationship, { id: relationship.id });
    expect(ofType('RELATIONSHIP_CREATED')).toEqual([
      expect.objectContaining({
        entityId: 'user:1',
        payload: expect.objectContaining({ id: relationship.id, to: 'wallet:1' }),
      }),
    ]);
    expect(ofType('RELATIONSHIP_DELETED')).toEqual([
      expect.objectContaining({ entityId: 'user:1' }),
    ]);

    await gql(app, CreatePattern, {
      input: {
        id: 'announcer',
        name: 'Announcer',
        category: 'BROADCAST',
        steps: [
          {
            id: 'say',
            type: 'EVENT',
            action: 'publish',
            parameters: { event_type: 'hello', payload: { to: '{who}' } },
          },
          {
            id: 'fail',
            type: 'RELATIONSHIP',
            action: 'create',
            // A self-loop once rendered: refused when it runs (a literal one is refused when written).
            parameters: { from: 'hello', to: '{steps.say.output.published}', type: 'LINKED' },
            dependsOn: ['say'],
          },
        ],
      },
    });
    await gql(app, UpdatePattern, { id: 'announcer', input: { description: 'says hello' } });
    const execution = dataOf(
      await gql(app, ExecutePattern, { id: 'announcer', input: { who: 'world' }, mode: 'SYNC' }),
    ).executePattern;
    await gql(app, DeletePattern, { id: 'announcer' });

    // The system patterns seeded at start-up are changes too, before this test's own.
    expect(ofType('PATTERN_CHANGED').map((event) => [event.patternId, event.name])).toEqual([
      ['user_onboarding', 'created'],
      ['financial_transaction', 'created'],
      ['announcer', 'created'],
      ['announcer', 'updated'],
      ['announcer', 'deleted'],
    ]);
    expect(ofType('CUSTOM')).toEqual([
      expect.objectContaining({
        name: 'hello',
        executionId: execution.id,
        payload: { to: 'world' },
      }),
    ]);
    const progress = ofType('PROGRESS').filter((event) => event.executionId === execution.id);
    expect(progress.length).toBeGreaterThanOrEqual(4);
    expect(ofType('PATTERN_EXECUTED')).toEqual([
      expect.objectContaining({ executionId: execution.id, payload: { status: 'FAILED' } }),
    ]);
    expect(ofType('ERROR')).toEqual([
      expect.objectContaining({ executionId: execution.id, error: execution.error }),
    ]);
  });
});
