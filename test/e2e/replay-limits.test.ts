/**
 * What one caller's subscriptions may cost the server, over graphql-ws and SSE alike: replays
 * in flight per connection and per user, subscriptions per user, events nobody asked for left
 * unparsed, and SSE streams that end when their token does.
 */
import { createClient } from 'graphql-ws';
import { describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import type { App } from '../../src/app.js';
import type { SecurityConfig } from '../../src/config.js';
import { signToken } from '../../src/server/authenticate.js';
import { useRedisApps } from '../helpers/redis-app.js';

const redis = useRedisApps('replaylimits');
const SECRET = 'replay-limits-test-secret-0123456789abcdef';

function portOf(app: App): number {
  const address = app.server.address();
  if (typeof address !== 'object' || address === null) throw new Error('not listening');
  return address.port;
}

/** A raw graphql-ws connection as `user`, past connection_ack. */
async function acknowledgedSocket(app: App, user: string): Promise<WebSocket> {
  const socket = new WebSocket(`ws://localhost:${portOf(app)}/graphql`, 'graphql-transport-ws');
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const acked = new Promise((resolve) => socket.once('message', resolve));
  const authorization = await signToken(SECRET, { sub: user });
  socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization } }));
  await acked;
  return socket;
}

/** The client's TCP socket: pausing it stops reading, so the server's writes back up. */
function tcpOf(socket: WebSocket): { pause(): void; resume(): void } {
  return (socket as unknown as { _socket: { pause(): void; resume(): void } })._socket;
}

/**
 * Per operation id: events received, or the error code it was refused with (a subscription
 * its resolver refuses gets one `next` with the error, then `complete`).
 */
function outcomes(socket: WebSocket) {
  const nexts = new Map<string, number>();
  const refused = new Map<string, string>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as {
      id?: string;
      type: string;
      payload?: { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
    };
    const id = message.id ?? '';
    const error = message.payload?.errors?.[0];
    if (message.type === 'next' && error) refused.set(id, error.extensions?.code ?? '?');
    else if (message.type === 'next') nexts.set(id, (nexts.get(id) ?? 0) + 1);
  });
  const waiters: Array<() => void> = [];
  socket.on('message', () => {
    for (const waiter of waiters) waiter();
  });
  return { nexts, refused, waiters };
}

/** Resolves once every operation has had a `next` or was refused. */
function answered(seen: ReturnType<typeof outcomes>, ids: string[]): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (ids.every((id) => seen.nexts.has(id) || seen.refused.has(id))) resolve();
    };
    seen.waiters.push(check);
    check();
  });
}

/** A log far larger than socket buffers hold: a reader that does not read cannot finish it. */
async function fillLog(app: App, count: number): Promise<void> {
  const blob = 'x'.repeat(60 * 1024);
  for (let i = 0; i < count; i++)
    await app.services.events.publish({ type: 'CUSTOM', name: 'log', payload: { i, blob } });
}

const WHOLE_LOG = 'subscription { nexusEvents(types: [CUSTOM], since: "0-0") { name } }';

describe('replays in flight', () => {
  it('are refused with LIMIT_EXCEEDED past the limit per connection, then per user', async () => {
    const app = await redis.app({
      jwtSecret: SECRET,
      security: { replaysPerConnection: 3, replaysPerUser: 5 } as SecurityConfig,
    });
    await fillLog(app, 150);
    const first = await acknowledgedSocket(app, 'mallory');
    const second = await acknowledgedSocket(app, 'mallory');
    const seenFirst = outcomes(first);
    const seenSecond = outcomes(second);
    const ids = ['1', '2', '3', '4', '5'];
    const subscribeAll = (socket: WebSocket) => {
      for (const id of ids)
        socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query: WHOLE_LOG } }));
    };
    // The first connection does not read: its replays cannot finish, they stay in flight.
    tcpOf(first).pause();
    subscribeAll(first);
    // A reader that keeps up: its replays are still running when its later subscribes arrive.
    subscribeAll(second);
    await answered(seenSecond, ids);
    tcpOf(first).resume();
    await answered(seenFirst, ids);
    // Three on the first connection; the user's other two on the second.
    expect([...seenFirst.refused]).toEqual([
      ['4', 'LIMIT_EXCEEDED'],
      ['5', 'LIMIT_EXCEEDED'],
    ]);
    expect([...seenSecond.refused]).toEqual([
      ['3', 'LIMIT_EXCEEDED'],
      ['4', 'LIMIT_EXCEEDED'],
      ['5', 'LIMIT_EXCEEDED'],
    ]);
    first.terminate();
    second.terminate();
  });

  it('parse only the entries their subscriber may see', async () => {
    const app = await redis.app({ jwtSecret: SECRET });
    for (let i = 0; i < 500; i += 100)
      await Promise.all(
        Array.from({ length: 100 }, () =>
          app.services.events.publish({
            type: 'CUSTOM',
            name: 'private',
            payload: { i, text: 'y'.repeat(200) },
            audience: 'bob',
          }),
        ),
      );
    for (const name of ['a', 'b', 'c'])
      await app.services.events.publish({ type: 'CUSTOM', name, audience: 'alice' });
    const client = createClient({
      url: `ws://localhost:${portOf(app)}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: await signToken(SECRET, { sub: 'alice' }) },
    });
    try {
      const parse = vi.spyOn(JSON, 'parse');
      const names: string[] = [];
      const events = client.iterate<{ nexusEvents: { name: string } }>({ query: WHOLE_LOG });
      while (names.length < 3) {
        const { value, done } = await events.next();
        if (done) break;
        names.push(value.data?.nexusEvents.name ?? '');
      }
      const parsed = parse.mock.calls.length;
      parse.mockRestore();
      await events.return?.();
      expect(names).toEqual(['a', 'b', 'c']);
      // The client's and server's protocol messages, and alice's three events; not bob's 500.
      expect(parsed).toBeLessThan(50);
    } finally {
      await client.dispose();
    }
  });
});

/** An SSE subscription request and a reader of its text. */
async function sse(app: App, token: string, query: string) {
  const controller = new AbortController();
  const response = await fetch(`http://localhost:${portOf(app)}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream',
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify({ query }),
    signal: controller.signal,
  });
  const reader = response.body?.getReader();
  let text = '';
  return {
    /** Reads until `until` holds for the text so far, or the stream ends; returns the text. */
    async read(until: (text: string) => boolean): Promise<string> {
      while (reader && !until(text)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
      return text;
    },
    close: () => controller.abort(),
  };
}

describe('SSE', () => {
  it('has the per-user subscription limit graphql-ws has', async () => {
    const app = await redis.app({
      jwtSecret: SECRET,
      security: { subscriptionsPerUser: 2 } as SecurityConfig,
    });
    await app.services.events.publish({ type: 'CUSTOM', name: 'hello' });
    const token = await signToken(SECRET, { sub: 'mallory' });
    const open = [];
    for (let i = 0; i < 2; i++) {
      const stream = await sse(app, token, WHOLE_LOG);
      // Active: it replayed the event.
      expect(await stream.read((text) => text.includes('hello'))).toContain('event: next');
      open.push(stream);
    }
    const third = await sse(app, token, WHOLE_LOG);
    const text = await third.read((text) => text.includes('hello') || text.includes('complete'));
    expect(text).toContain('LIMIT_EXCEEDED');
    expect(text).not.toContain('hello');
    for (const stream of [...open, third]) stream.close();
  });

  it('ends a subscription when its token expires, with UNAUTHENTICATED', async () => {
    const app = await redis.app({ jwtSecret: SECRET });
    await app.services.events.publish({ type: 'CUSTOM', name: 'before' });
    const expiresAt = Math.floor(Date.now() / 1000) + 2;
    const token = await signToken(SECRET, { sub: 'alice', expiresIn: expiresAt });
    const stream = await sse(app, token, WHOLE_LOG);
    expect(await stream.read((text) => text.includes('before'))).toContain('before');
    // Past the token's expiry (the only wait here is for the clock to pass it).
    const wait = expiresAt * 1000 + 100 - Date.now();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, wait)));
    await app.services.events.publish({ type: 'CUSTOM', name: 'after' });
    const text = await stream.read(
      (text) => text.includes('after') || text.includes('event: complete'),
    );
    stream.close();
    expect(text).not.toContain('after');
    expect(text).toContain('UNAUTHENTICATED');
    expect(text).toContain('event: complete');
  });
});
