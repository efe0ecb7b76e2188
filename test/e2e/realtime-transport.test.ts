/** graphql-ws limits, SSE subscriptions, and recovery when Redis drops the subscriber. */
import { createClient } from 'graphql-ws';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { App } from '../../src/app.js';
import { dataOf, gql } from '../helpers/app.js';
import { useRedisApps } from '../helpers/redis-app.js';
import { CreateRelationship } from './graph-operations.js';

const redis = useRedisApps('transport');

function wsUrl(app: App): string {
  const address = app.server.address();
  if (typeof address !== 'object' || address === null) throw new Error('not listening');
  return `ws://localhost:${address.port}/graphql`;
}

function closeCode(socket: WebSocket): Promise<number> {
  return new Promise((resolve) => socket.once('close', (code) => resolve(code)));
}

async function opened(socket: WebSocket): Promise<void> {
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
}

describe('graphql-ws limits', () => {
  it('closes a connection that never initialises (4408) and one that sends too much (1009)', async () => {
    const app = await redis.app(
      {},
      { webSocketLimits: { connectionInitWaitTimeoutMs: 100, maxPayloadBytes: 1024 } },
    );
    const silent = new WebSocket(wsUrl(app), 'graphql-transport-ws');
    expect(await closeCode(silent)).toBe(4408);

    const chatty = new WebSocket(wsUrl(app), 'graphql-transport-ws');
    await opened(chatty);
    const closed = closeCode(chatty);
    chatty.send(JSON.stringify({ type: 'connection_init', payload: { blob: 'x'.repeat(2048) } }));
    expect(await closed).toBe(1009);
  });

  it('refuses connections past the limit (1013) and operations past the per-connection limit', async () => {
    const app = await redis.app(
      {},
      { webSocketLimits: { maxConnections: 1, maxOperationsPerConnection: 2 } },
    );
    const first = new WebSocket(wsUrl(app), 'graphql-transport-ws');
    await opened(first);
    const second = new WebSocket(wsUrl(app), 'graphql-transport-ws');
    expect(await closeCode(second)).toBe(1013);
    first.close();
    await closeCode(first);

    const client = createClient({ url: wsUrl(app), webSocketImpl: WebSocket, retryAttempts: 0 });
    try {
      const query = 'subscription { nexusEvents(since: "0-0") { id } }';
      const iterators = [client.iterate({ query }), client.iterate({ query })];
      for (const iterator of iterators) await iterator.next(); // both active (they replay the log)
      const third = client.iterate({ query });
      const failure = await third.next().then(
        () => 'no error',
        (errors: unknown) => JSON.stringify(errors),
      );
      expect(failure).toContain('LIMIT_EXCEEDED');
      for (const iterator of iterators) await iterator.return?.();
    } finally {
      await client.dispose();
    }
  });
});

describe('SSE', () => {
  it('serves the same subscriptions as text/event-stream', async () => {
    const app = await redis.app();
    const address = app.server.address();
    if (typeof address !== 'object' || address === null) throw new Error('not listening');
    const controller = new AbortController();
    const response = await fetch(`http://localhost:${address.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({
        query:
          'subscription { nexusEvents(types: [PATTERN_CHANGED], since: "0-0") { type patternId } }',
      }),
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = response.body?.getReader();
    let text = '';
    while (reader && !text.includes('financial_transaction')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    controller.abort();
    expect(text).toContain('event: next');
    expect(text).toContain('"patternId":"user_onboarding"');
  });
});

describe('faults', () => {
  it('resubscribes when Redis drops the pub/sub connection; `since` recovers the gap', async () => {
    const app = await redis.app();
    const client = createClient({ url: wsUrl(app), webSocketImpl: WebSocket, retryAttempts: 0 });
    const link = async (to: string) =>
      dataOf(await gql(app, CreateRelationship, { input: { from: 'x', to, type: 'LINKED' } }))
        .createRelationship;
    try {
      const query =
        'subscription($since: ID) { nexusEvents(types: [RELATIONSHIP_CREATED], since: $since) { id relationship { to { id } } } }';
      const live = client.iterate<{
        nexusEvents: { id: string; relationship: { to: { id: string } } };
      }>({ query, variables: { since: '0-0' } });
      await link('before');
      const first = (await live.next()).value?.data?.nexusEvents;
      expect(first?.relationship.to.id).toBe('before');

      await redis.admin.call('CLIENT', 'KILL', 'TYPE', 'pubsub');
      await link('during'); // may be published while the subscriber reconnects
      // Live delivery resumes: keep publishing until one arrives (the reconnect is asynchronous).
      const seen: string[] = [];
      // One pending next() at a time: an abandoned one would swallow the event it receives.
      let pending = live.next();
      for (let i = 0; !seen.some((to) => to.startsWith('after')) && i < 100; i++) {
        await link(`after-${i}`);
        const next = await Promise.race([
          pending.then((result) => ({ result })),
          new Promise<null>((resolve) => setTimeout(() => resolve(null), 50)),
        ]);
        if (next && !next.result.done) {
          seen.push(next.result.value.data?.nexusEvents.relationship.to.id ?? '');
          pending = live.next();
        }
      }
      expect(seen.some((to) => to.startsWith('after'))).toBe(true);
      await live.return?.();

      // Whatever live delivery missed, a resubscription from the last seen id replays.
      const resumed = client.iterate<{ nexusEvents: { relationship: { to: { id: string } } } }>({
        query,
        variables: { since: first?.id },
      });
      const replayed = (await resumed.next()).value?.data?.nexusEvents.relationship.to.id;
      expect(replayed).toBe('during');
      await resumed.return?.();
    } finally {
      await client.dispose();
    }
  });
});
