/** The server on a real port: health, readiness through a Redis outage, GraphiQL, graphql-ws, SSE. */
import { createClient } from 'graphql-ws';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { App } from '../../src/app.js';
import { createTestApp } from '../helpers/app.js';
import { useRedisApps } from '../helpers/redis-app.js';

const redis = useRedisApps('server');

async function listening(app: App): Promise<string> {
  const address = app.server.address();
  if (typeof address !== 'object' || address === null) throw new Error('not listening');
  return `localhost:${address.port}`;
}

async function waitFor(check: () => Promise<boolean>, what: string): Promise<void> {
  // Polls a condition that an outside process (redis-server) changes; bounded, not a sleep.
  for (let attempt = 0; attempt < 200; attempt++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('HTTP endpoints', () => {
  it('answers /health, and /ready with 503 while Redis is down, 200 once it is back', async () => {
    const app = await redis.app();
    const host = await listening(app);
    const status = async (path: string) => (await fetch(`http://${host}${path}`)).status;
    expect(await status('/health')).toBe(200);
    expect(await status('/ready')).toBe(200);

    await redis.server.stop();
    try {
      await waitFor(async () => (await status('/ready')) === 503, '/ready to report 503');
      expect(await status('/health')).toBe(200);

      // A request that needs Redis fails at once, saying so, never with a stack or a 500.
      const response = await fetch(`http://${host}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ pattern(id: "user_onboarding") { id } }' }),
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as {
        errors: Array<{ message: string; extensions: unknown }>;
      };
      expect(body.errors[0]).toMatchObject({
        message: 'the store is unreachable; try again shortly',
        extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 1 },
      });
      expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|at .*\.ts|stack/i);
    } finally {
      await redis.server.start();
    }
    await waitFor(async () => (await status('/ready')) === 200, '/ready to recover');
    // The test redis-server keeps nothing across restarts: the system patterns are seeded
    // again on reconnect, and writes work.
    await waitFor(async () => {
      const response = await fetch(`http://${host}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ pattern(id: "user_onboarding") { origin } }' }),
      });
      const body = (await response.json()) as { data?: { pattern: { origin: string } | null } };
      return body.data?.pattern?.origin === 'SYSTEM';
    }, 'the system patterns to be seeded again');
    const recovered = await fetch(`http://${host}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          'mutation { createPattern(input: { id: "after_outage", name: "x", category: USER, steps: [{ id: "a", type: DELAY, action: "wait" }] }) { id version } }',
      }),
    });
    expect(await recovered.json()).toEqual({
      data: { createPattern: { id: 'after_outage', version: 1 } },
    });
  });

  it('serves GraphiQL to browsers, set up for subscriptions over WebSocket', async () => {
    const app = await redis.app();
    const response = await fetch(`http://${await listening(app)}/graphql`, {
      headers: { accept: 'text/html' },
    });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('GraphiQL');
    expect(html).toMatch(/"subscriptionsProtocol":"WS"/);
  });

  it('streams a result over SSE when asked for text/event-stream', async () => {
    const app = await redis.app();
    const response = await fetch(`http://${await listening(app)}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: '{ pattern(id: "financial_transaction") { id origin } }' }),
    });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const text = await response.text();
    expect(text).toContain('event: next');
    expect(text).toContain('{"data":{"pattern":{"id":"financial_transaction","origin":"SYSTEM"}}}');
    expect(text).toContain('event: complete');
  });
});

describe('graphql-ws', () => {
  it('runs operations over WebSocket on the GraphQL path, with the same error codes', async () => {
    const app = await redis.app();
    const client = createClient({
      url: `ws://${await listening(app)}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
    });
    try {
      const run = (query: string) =>
        new Promise<unknown>((resolve, reject) => {
          let result: unknown;
          client.subscribe(
            { query },
            { next: (value) => (result = value), error: reject, complete: () => resolve(result) },
          );
        });
      expect(await run('{ pattern(id: "user_onboarding") { id version } }')).toEqual({
        data: { pattern: { id: 'user_onboarding', version: 1 } },
      });
      const failed = (await run('mutation { deletePattern(id: "ghost") }')) as {
        errors: Array<{ extensions: { code: string } }>;
      };
      expect(failed.errors[0]?.extensions.code).toBe('NOT_FOUND');
    } finally {
      await client.dispose();
    }
  });

  it('closes open sockets when the app stops', async () => {
    const app = await redis.app();
    const socket = new WebSocket(`ws://${await listening(app)}/graphql`, 'graphql-transport-ws');
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const closed = new Promise<number>((resolve) => socket.once('close', resolve));
    await app.stop();
    expect(await closed).toBe(1001);
    expect(app.server.listening).toBe(false);
  });
});

describe('stop()', () => {
  it('lets a request in flight finish before closing Redis', async () => {
    const app = await redis.app();
    const host = await listening(app);
    const arrived = new Promise((resolve) => app.server.once('request', resolve));
    // Redis holds every command for 300 ms, so the request is still running when stop() starts.
    await redis.admin.call('CLIENT', 'PAUSE', '300', 'ALL');
    const inFlight = fetch(`http://${host}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ pattern(id: "user_onboarding") { id } }' }),
    });
    await arrived;
    const stopped = app.stop();
    const response = await inFlight;
    expect(await response.json()).toEqual({ data: { pattern: { id: 'user_onboarding' } } });
    await stopped;
    expect(app.server.listening).toBe(false);
  });
});

describe('embedded mode', () => {
  it('serves the same API without Redis and stops cleanly', async () => {
    const app = createTestApp();
    try {
      expect(app.storage).toBe('memory');
      const { port } = await app.start(0);
      const response = await fetch(`http://localhost:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ patterns(filter: { origin: SYSTEM }) { totalCount } }' }),
      });
      expect(await response.json()).toEqual({ data: { patterns: { totalCount: 2 } } });
      expect((await fetch(`http://localhost:${port}/ready`)).status).toBe(200);
    } finally {
      await app.stop();
    }
    expect(app.server.listening).toBe(false);
  });
});
