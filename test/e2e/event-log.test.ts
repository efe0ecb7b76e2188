import { describe, expect, it, vi } from 'vitest';
import {
  type Progress,
  type ProgressStage,
  withStage,
} from '../../src/domain/execution/progress.js';
import { graphql } from '../gql/index.js';
import { dataOf, errorsOf, gql } from '../helpers/app.js';
import { useBothAdapters } from '../helpers/both-adapters.js';
import { connectWs, subscribeWs } from '../helpers/ws-client.js';
import { ExecutePattern } from './execution-operations.js';
import { CreateRelationship } from './graph-operations.js';
import { CreatePattern } from './operations.js';

const ReadEvents = graphql(`
  query ReadEvents($since: ID, $first: Int, $last: Int, $types: [NexusEventType!], $executionId: ID) {
    events(since: $since, first: $first, last: $last, types: $types, executionId: $executionId) {
      cursor
      hasMore
      events { ...LoggedEvent }
    }
  }
`);

graphql(`
  fragment LoggedEvent on NexusEvent {
    id
    type
    executionId
    relationship { from { id } }
    progressChange {
      executionId status percent currentStage at sequence
      stage { name status progress startedAt completedAt error }
    }
    progress {
      id status percent currentStage error updatedAt completedAt
      stages { name status progress startedAt completedAt error }
    }
    payload
  }
`);

const LOGGED_EVENTS = `subscription($since: ID, $types: [NexusEventType!], $executionId: ID) {
  nexusEvents(since: $since, types: $types, executionId: $executionId) { ...LoggedEvent }
}
fragment LoggedEvent on NexusEvent {
  id type executionId relationship { from { id } }
  progressChange {
    executionId status percent currentStage at sequence
    stage { name status progress startedAt completedAt error }
  }
  progress {
    id status percent currentStage error updatedAt completedAt
    stages { name status progress startedAt completedAt error }
  }
  payload
}`;

interface Logged {
  id: string;
  type: string;
  executionId: string | null;
  relationship: { from: { id: string } } | null;
  progressChange: {
    executionId: string;
    status: string;
    percent: number;
    currentStage: string | null;
    at: string;
    sequence: number | null;
    stage: ProgressStage | null;
  } | null;
  progress: Progress | null;
  payload: unknown;
}

const { clients, adapters } = useBothAdapters('eventlog');

const wait = (id: string, ms: number, dependsOn: string[] = []) => ({
  id,
  type: 'DELAY' as const,
  action: 'wait',
  parameters: { ms },
  dependsOn,
});

/** The next result of a subscription, failing if it ended. */
async function next(subscription: { take(count: number): Promise<Logged[]> }): Promise<Logged> {
  const [result] = await subscription.take(1);
  if (!result) throw new Error('the subscription ended');
  return result;
}

/** The progress a subscriber rebuilds from the changes: each stage folded into the one before. */
function foldOf(changes: Logged[]): Progress[] {
  const start = changes[0]?.progress;
  if (!start) throw new Error('no start');
  const timeline: Progress[] = [start];
  let now = start;
  for (const change of changes.slice(1)) {
    const stage = change.progressChange?.stage;
    now = (stage && withStage(now, stage)) ?? now;
    timeline.push(now);
  }
  return timeline;
}

function expectTimeline(progressEvents: Logged[], executionId: string) {
  expect(progressEvents.length).toBeGreaterThanOrEqual(9);
  const first = progressEvents[0];
  // The run's start: no stage, nothing settled, every step pending.
  expect(first?.progressChange?.stage).toBeNull();
  expect(first?.progressChange?.sequence).toBe(0);
  expect(first?.progress?.stages.map((stage) => stage.status)).toEqual([
    'PENDING',
    'PENDING',
    'PENDING',
    'PENDING',
  ]);
  const percents = progressEvents.map((event) => event.progress?.percent);
  expect([...new Set(percents)]).toEqual([0, 25, 50, 75, 100]);
  const folded = foldOf(progressEvents);
  progressEvents.forEach((event, i) => {
    expect(event.progress, `event ${i}`).toEqual(folded[i]);
    const change = event.progressChange;
    // The change is the event's own data, the raw payload the same data.
    expect(change?.executionId).toBe(executionId);
    expect(change?.sequence).toBe(i);
    expect(event.progress?.percent).toBe(change?.percent);
    expect(event.progress?.currentStage).toBe(change?.currentStage);
    const payload = event.payload as Record<string, unknown>;
    expect(payload.percent).toBe(change?.percent);
    expect(payload.sequence).toBe(change?.sequence);
  });
}

describe.each(adapters)('the event log on %s', (_adapter, makeApp) => {
  it('replays PROGRESS events with the progress as of each, by nexusEvents and by events', async () => {
    const app = await makeApp();
    const steps = [
      wait('a', 5),
      wait('b', 10, ['a']),
      wait('c', 10, ['a']),
      wait('d', 5, ['b', 'c']),
    ];
    dataOf(
      await gql(app, CreatePattern, {
        input: { id: 'diamond', name: 'd', category: 'USER', steps },
      }),
    );
    const before = dataOf(await gql(app, ReadEvents, { last: 1 })).events.cursor ?? '0-0';
    const run = dataOf(await gql(app, ExecutePattern, { id: 'diamond', mode: 'SYNC' }));
    const executionId = run.executePattern.id;
    expect(run.executePattern.status).toBe('SUCCEEDED');

    const replay = subscribeWs<Logged>(connectWs(app, clients), LOGGED_EVENTS, {
      since: before,
      types: ['PROGRESS', 'PATTERN_EXECUTED'],
      executionId,
    });
    const replayed: Logged[] = [];
    while (replayed.at(-1)?.type !== 'PATTERN_EXECUTED') replayed.push(await next(replay));
    await replay.close();
    expectTimeline(
      replayed.filter((event) => event.type === 'PROGRESS'),
      executionId,
    );

    const reads = vi.spyOn(app.services.executions, 'getMany');
    const page = dataOf(
      await gql(app, ReadEvents, { since: before, first: 500, types: ['PROGRESS'], executionId }),
    ).events;
    // One read of the execution for the whole page, however many of its events are on it.
    expect(reads).toHaveBeenCalledTimes(1);
    reads.mockRestore();
    expect(page.hasMore).toBe(false);
    expect(page.events).toEqual(replayed.filter((event) => event.type === 'PROGRESS'));
  });

  it('continues a snapshot with nexusEvents from its cursor while events are published: each once', async () => {
    const app = await makeApp();
    const created: string[] = [];
    let done = false;
    const publisher = (async () => {
      for (let i = 0; i < 200; i++) {
        const from = `n${i}`;
        dataOf(await gql(app, CreateRelationship, { input: { from, to: 'hub', type: 'LINKED' } }));
        created.push(from);
        // In memory a creation is all microtasks: yield, so that the reads below run in between.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })().finally(() => {
      done = true;
    });
    while (created.length < 10 && !done) await new Promise((resolve) => setImmediate(resolve));
    const snapshot = dataOf(
      await gql(app, ReadEvents, { last: 500, types: ['RELATIONSHIP_CREATED'] }),
    ).events;
    const live = subscribeWs<Logged>(connectWs(app, clients), LOGGED_EVENTS, {
      since: snapshot.cursor,
      types: ['RELATIONSHIP_CREATED'],
    });
    await publisher;
    dataOf(
      await gql(app, CreateRelationship, { input: { from: 'end', to: 'hub', type: 'LINKED' } }),
    );
    const rest: Logged[] = [];
    while (rest.at(-1)?.relationship?.from.id !== 'end') rest.push(await next(live));
    await live.close();
    const names = [...snapshot.events, ...rest].map((event) => event.relationship?.from.id);
    expect(names).toEqual([...created, 'end']);
    // The snapshot was read while relationships were being created, not before or after.
    expect(snapshot.events.length).toBeGreaterThanOrEqual(10);
    expect(snapshot.events.length).toBeLessThan(200);
  });

  it('refuses a bad cursor or page size with the argument in the issue', async () => {
    const app = await makeApp();
    for (const [variables, path] of [
      [{ since: 'nope' }, 'since'],
      [{ last: 501 }, 'last'],
      [{ since: '0-0', first: 0 }, 'first'],
      [{ first: 5 }, 'first'],
      [{ since: '0-0', last: 5 }, 'last'],
    ] as const) {
      const [error] = errorsOf(await gql(app, ReadEvents, variables));
      expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error?.extensions?.issues?.[0]?.path).toEqual([path]);
    }
  });
});
