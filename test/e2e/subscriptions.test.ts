/** Subscriptions over graphql-ws against Redis: filters, `since` replay, progress, two instances. */
import { type Client, createClient } from 'graphql-ws';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import type { App } from '../../src/app.js';
import { dataOf, gql } from '../helpers/app.js';
import { uniquePrefix } from '../helpers/prefix.js';
import { useRedisApps } from '../helpers/redis-app.js';
import { CancelExecution, ExecutePattern } from './execution-operations.js';
import { CreateRelationship } from './graph-operations.js';
import { CreatePattern } from './operations.js';

const redis = useRedisApps('subscriptions');
const clients: Client[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});

function connect(app: App): Client {
  const address = app.server.address();
  if (typeof address !== 'object' || address === null) throw new Error('not listening');
  const client = createClient({
    url: `ws://localhost:${address.port}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
  });
  clients.push(client);
  return client;
}

interface EventShape {
  id: string;
  type: string;
  entityId: string | null;
  patternId: string | null;
  relationship: { type: string; from: { id: string }; to: { id: string } } | null;
}

/** Subscribes and resolves `ready` once the server acknowledged the connection. */
function subscribe<T>(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const iterator = client.iterate<Record<string, T>>({ query, variables });
  return {
    /** The next `count` results (data only), failing on an error. */
    async take(count: number): Promise<T[]> {
      const results: T[] = [];
      while (results.length < count) {
        const { value, done } = await iterator.next().catch((error: unknown) => {
          throw new Error(JSON.stringify(error));
        });
        if (done) break;
        if (value.errors) throw new Error(JSON.stringify(value.errors));
        const data = value.data ?? {};
        results.push(Object.values(data)[0] as T);
      }
      return results;
    },
    async rest(): Promise<T[]> {
      const results: T[] = [];
      for (;;) {
        const { value, done } = await iterator.next();
        if (done) return results;
        results.push(Object.values(value.data ?? {})[0] as T);
      }
    },
    close: () => iterator.return?.(),
  };
}

const EVENTS = `subscription($types: [NexusEventType!], $entityId: ID, $patternId: ID, $since: ID) {
  nexusEvents(types: $types, entityId: $entityId, patternId: $patternId, since: $since) {
    id type entityId patternId relationship { type from { id } to { id } }
  }
}`;

/** A pattern whose one step waits until the run is cancelled (the minute is only a bound). */
async function createWaitingPattern(app: App, id: string) {
  const wait = { id: 'wait', type: 'DELAY' as const, action: 'wait', parameters: { ms: 60_000 } };
  dataOf(
    await gql(app, CreatePattern, { input: { id, name: id, category: 'USER', steps: [wait] } }),
  );
}

async function link(app: App, from: string, to: string) {
  return dataOf(await gql(app, CreateRelationship, { input: { from, to, type: 'LINKED' } }))
    .createRelationship;
}

/** The whole log of a fresh prefix: subscribing with it is deterministic (no race with publishes). */
const FROM_START = '0-0';

describe('nexusEvents', () => {
  it('delivers events with their fields, filtered on the server by type and entity', async () => {
    const app = await redis.app();
    const client = connect(app);
    const sub = subscribe<EventShape>(client, EVENTS, {
      types: ['RELATIONSHIP_CREATED'],
      entityId: 'user:1',
      since: FROM_START,
    });
    await link(app, 'user:1', 'wallet:1');
    const [first] = await sub.take(1);
    expect(first).toMatchObject({
      type: 'RELATIONSHIP_CREATED',
      entityId: 'user:1',
      relationship: { type: 'LINKED', from: { id: 'user:1' }, to: { id: 'wallet:1' } },
    });
    await link(app, 'user:2', 'wallet:2'); // another entity: filtered out
    await gql(app, CreatePattern, {
      input: {
        name: 'Other type',
        category: 'USER',
        steps: [{ id: 'a', type: 'DELAY', action: 'wait' }],
      },
    });
    await link(app, 'org:9', 'user:1'); // user:1 at the other end: delivered
    const [second] = await sub.take(1);
    expect(second?.relationship?.from.id).toBe('org:9');
    expect(BigInt(second?.id.split('-')[0] ?? 0) >= BigInt(first?.id.split('-')[0] ?? 0)).toBe(
      true,
    );
    await sub.close();
  });

  it('reads nested records afresh for every event (no loader cache across events)', async () => {
    const app = await redis.app();
    await createWaitingPattern(app, 'long_wait');
    const sub = subscribe<{ type: string; execution: { status: string } | null }>(
      connect(app),
      `subscription { nexusEvents(types: [PROGRESS, PATTERN_EXECUTED], since: "${FROM_START}") {
        type execution { status } } }`,
    );
    const started = dataOf(await gql(app, ExecutePattern, { id: 'long_wait', mode: 'ASYNC' }));
    // The first event was executed (its execution read) before it reached us: while running.
    const [first] = await sub.take(1);
    expect(first?.execution?.status).toMatch(/PENDING|RUNNING/);
    dataOf(await gql(app, CancelExecution, { id: started.executePattern.id }));
    const seen = [first];
    while (seen.at(-1)?.type !== 'PATTERN_EXECUTED') seen.push(...(await sub.take(1)));
    // Read again for the last event, not served from the first event's loader cache.
    expect(seen.at(-1)?.execution?.status).toBe('CANCELLED');
    await sub.close();
  });

  it('replays what came after `since`, then continues live, without gap or duplicate', async () => {
    const app = await redis.app();
    const client = connect(app);
    const first = subscribe<EventShape>(client, EVENTS, {
      types: ['RELATIONSHIP_CREATED'],
      since: FROM_START,
    });
    await link(app, 'a', 'b0');
    const [seen] = await first.take(1);
    await first.close();
    // Missed while disconnected:
    for (let i = 1; i <= 3; i++) await link(app, 'a', `b${i}`);
    const resumed = subscribe<EventShape>(client, EVENTS, {
      types: ['RELATIONSHIP_CREATED'],
      since: seen?.id,
    });
    const replayed = await resumed.take(3);
    await link(app, 'a', 'b4');
    const [live] = await resumed.take(1);
    expect([...replayed, live].map((event) => event?.relationship?.to.id)).toEqual([
      'b1',
      'b2',
      'b3',
      'b4',
    ]);
    await resumed.close();
  });

  it('frames one shared result for each operation under its own id, quotes and all', async () => {
    const app = await redis.app();
    const address = app.server.address();
    if (typeof address !== 'object' || address === null) throw new Error('not listening');
    const socket = new WebSocket(`ws://localhost:${address.port}/graphql`, 'graphql-transport-ws');
    clients.push({ dispose: async () => socket.terminate() } as unknown as Client);
    const messages: Array<{ id?: string; type: string; payload?: unknown }> = [];
    let arrived = () => {};
    socket.on('message', (data) => {
      messages.push(JSON.parse(String(data)));
      arrived();
    });
    const until = (done: () => boolean) =>
      new Promise<void>((resolve) => {
        arrived = () => done() && resolve();
        arrived();
      });
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init' }));
    await until(() => messages.some((m) => m.type === 'connection_ack'));
    const ids = ['1', 'two', 'q"uo\\te', 'ünï'];
    const query = `subscription { nexusEvents(types: [CUSTOM], since: "${FROM_START}") { name payload } }`;
    for (const id of ids)
      socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query } }));
    await app.services.events.publish({ type: 'CUSTOM', name: 'hello', payload: { n: 1 } });
    await until(() => messages.filter((m) => m.type === 'next').length === ids.length);
    const nexts = messages.filter((m) => m.type === 'next');
    expect(nexts.map((m) => m.id).sort()).toEqual([...ids].sort());
    for (const message of nexts)
      expect(message.payload).toEqual({
        data: { nexusEvents: { name: 'hello', payload: { n: 1 } } },
      });
  });

  it('refuses a malformed since', async () => {
    const app = await redis.app();
    const sub = subscribe<EventShape>(connect(app), EVENTS, { since: 'yesterday' });
    await expect(sub.take(1)).rejects.toThrow(/BAD_USER_INPUT/);
  });

  it('reaches a subscriber on another instance of the same Redis', async () => {
    const keyPrefix = uniquePrefix('instances');
    const [a, b] = [await redis.app({ keyPrefix }), await redis.app({ keyPrefix })];
    const onB = subscribe<EventShape>(connect(b), EVENTS, {
      types: ['RELATIONSHIP_CREATED'],
      since: FROM_START,
    });
    await link(a, 'from:a', 'to:b');
    const [event] = await onB.take(1);
    expect(event?.relationship?.from.id).toBe('from:a');
    await onB.close();
  });
});

describe('executionProgress, patternExecuted and relationshipCreated', () => {
  it('stream an execution from its current progress to its end', async () => {
    const app = await redis.app();
    await gql(app, CreatePattern, {
      input: {
        id: 'steps3',
        name: 'steps3',
        category: 'USER',
        steps: [
          { id: 'a', type: 'DELAY', action: 'wait', parameters: { ms: 30 } },
          { id: 'b', type: 'DELAY', action: 'wait', parameters: { ms: 30 }, dependsOn: ['a'] },
        ],
      },
    });
    const client = connect(app);
    const started = dataOf(
      await gql(app, ExecutePattern, { id: 'steps3', mode: 'ASYNC' }),
    ).executePattern;
    const progress = subscribe<{ status: string; percent: number }>(
      client,
      'subscription($id: ID!) { executionProgress(executionId: $id) { status percent } }',
      { id: started.id },
    );
    const updates = await progress.rest();
    expect(updates.at(-1)).toEqual({ status: 'COMPLETED', percent: 100 });
    const percents = updates.map((update) => update.percent);
    expect([...percents].sort((x, y) => x - y)).toEqual(percents);
    // patternExecuted has no `since`: run until its (asynchronously registered) listener sees one.
    const executed = subscribe<{ id: string; status: string }>(
      client,
      'subscription { patternExecuted(patternId: "steps3") { id status } }',
    );
    const received = executed.take(1);
    let arrived = false;
    void received.then(() => {
      arrived = true;
    });
    for (let i = 0; !arrived && i < 50; i++) {
      await gql(app, ExecutePattern, { id: 'steps3', mode: 'SYNC' });
    }
    const [done] = await received;
    expect(done?.status).toBe('SUCCEEDED');
    await executed.close();
  });

  it('sends a frame per transition that changes the progress, none repeated', async () => {
    const app = await redis.app();
    await gql(app, CreatePattern, {
      input: {
        id: 'steps3b',
        name: 'steps3b',
        category: 'USER',
        steps: [
          { id: 'a', type: 'DELAY', action: 'wait', parameters: { ms: 40 } },
          { id: 'b', type: 'DELAY', action: 'wait', parameters: { ms: 40 }, dependsOn: ['a'] },
        ],
      },
    });
    const started = dataOf(
      await gql(app, ExecutePattern, { id: 'steps3b', mode: 'ASYNC' }),
    ).executePattern;
    const frames = await subscribe<{
      status: string;
      percent: number;
      currentStage: string | null;
    }>(
      connect(app),
      'subscription($id: ID!) { executionProgress(executionId: $id) { status percent currentStage } }',
      { id: started.id },
    ).rest();
    for (let i = 1; i < frames.length; i++) expect(frames[i]).not.toEqual(frames[i - 1]);
    // Each transition from the first read on is a frame of its own: b running at 50 % (after a
    // finished) comes before b finishing and the run ending.
    expect(frames.slice(-3)).toEqual([
      { status: 'PROCESSING', percent: 50, currentStage: 'b' },
      { status: 'PROCESSING', percent: 100, currentStage: null },
      { status: 'COMPLETED', percent: 100, currentStage: null },
    ]);
  });

  it('reads the stored progress at the start and once at the end for all identical subscriptions', async () => {
    const app = await redis.app();
    await createWaitingPattern(app, 'watched');
    const started = dataOf(
      await gql(app, ExecutePattern, { id: 'watched', mode: 'ASYNC' }),
    ).executePattern;
    // Once the step's RUNNING transition has come through, nothing else happens until the cancel.
    const running = subscribe<{ progress: { currentStage: string | null } | null }>(
      connect(app),
      `subscription { nexusEvents(types: [PROGRESS], executionId: "${started.id}", since: "${FROM_START}") {
        progress { currentStage } } }`,
    );
    while ((await running.take(1))[0]?.progress?.currentStage !== 'wait') {}
    await running.close();

    const watchers = Array.from({ length: 5 }, () =>
      subscribe<{ status: string; percent: number }>(
        connect(app),
        'subscription($id: ID!) { executionProgress(executionId: $id) { status percent } }',
        { id: started.id },
      ),
    );
    for (const watcher of watchers) expect(await watcher.take(1)).toHaveLength(1);
    const reads = vi.spyOn(app.services.executions, 'progress');
    dataOf(await gql(app, CancelExecution, { id: started.id }));
    const rests = await Promise.all(watchers.map((watcher) => watcher.rest()));
    for (const rest of rests) expect(rest).toEqual(rests[0]);
    expect(rests[0]?.at(-1)?.status).toBe('FAILED');
    // The transitions in between are applied from the events; the end is read once for all five
    // (the cancel's own reply reads none).
    expect(reads).toHaveBeenCalledTimes(1);
    reads.mockRestore();
  });

  it('relationshipCreated delivers relationships at the given entity', async () => {
    const app = await redis.app();
    const sub = subscribe<{ from: { id: string }; to: { id: string } }>(
      connect(app),
      'subscription { relationshipCreated(entityId: "hub") { from { id } to { id } } }',
    );
    // No `since` here: create until the subscription (registered asynchronously) sees one.
    const received = sub.take(1);
    let arrived = false;
    void received.then(() => {
      arrived = true;
    });
    for (let i = 0; !arrived && i < 200; i++) {
      await link(app, 'hub', `x${i}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const [created] = await received;
    expect(created?.from).toEqual({ id: 'hub' });
    expect(created?.to.id).toMatch(/^x\d+$/);
    await sub.close();
  });
});
