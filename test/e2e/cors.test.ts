/**
 * Browser origins on a real port: preflights allowed and refused, a cross-site request refused
 * before it runs, WebSocket handshakes from a foreign origin refused with 403 (cross-site
 * WebSocket hijacking), clients without an Origin served as before, and the address the server
 * listens on (HOST; 127.0.0.1 by default in development mode).
 */
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type App, createApp } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { loadConfig } from '../../src/config.js';
import { signToken } from '../../src/server/authenticate.js';
import { createTestApp, testConfig } from '../helpers/app.js';

const SECRET = 'cors-test-secret-that-is-long-enough-0123';
const FOREIGN = 'https://evil.example';
const apps: App[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.stop()));
});

async function started(overrides: Partial<Config> = {}): Promise<{ app: App; port: number }> {
  const app = createTestApp(overrides);
  apps.push(app);
  const { port } = await app.start(0);
  return { app, port };
}

function preflight(port: number, origin: string) {
  return fetch(`http://localhost:${port}/graphql`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type, authorization',
    },
  });
}

function post(port: number, query: string, headers: Record<string, string> = {}) {
  return fetch(`http://localhost:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
}

/** The handshake's outcome: 'open' once connection_ack arrives, or the refusal's status. */
function handshake(port: number, origin?: string): Promise<'open' | number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://localhost:${port}/graphql`, 'graphql-transport-ws', {
      headers: origin === undefined ? {} : { origin },
    });
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
    socket.once('message', (data) => {
      const message = JSON.parse(String(data)) as { type: string };
      socket.close();
      if (message.type === 'connection_ack') resolve('open');
      else reject(new Error(`unexpected ${String(data)}`));
    });
    socket.once('error', (error) => {
      if (!error.message.includes('Unexpected server response')) reject(error);
    });
  });
}

const COUNT = '{ patterns(first: 0) { totalCount } }';
const CREATE =
  'mutation { createPattern(input: { name: "Cross site", category: USER, steps: [{ id: "w", type: DELAY, action: "wait", parameters: { ms: 1 } }] }) { id } }';

describe('development mode (no secret): loopback origins only', () => {
  it('answers preflights from localhost pages, refuses others with 403 and no CORS headers', async () => {
    const { port } = await started();
    const allowed = await preflight(port, 'http://localhost:3000');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(allowed.headers.get('access-control-allow-headers')).toBe('content-type, authorization');
    expect(allowed.headers.get('vary')).toContain('Origin');
    // The API authenticates with a header, never a cookie: no credentials.
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();

    const refused = await preflight(port, FOREIGN);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(await refused.json()).toEqual({
      errors: [
        {
          message: `origin "${FOREIGN}" is not allowed`,
          extensions: { code: 'FORBIDDEN' },
        },
      ],
    });
  });

  it("a foreign page's request is refused before it runs; a localhost one gets its CORS headers", async () => {
    const { port } = await started();
    const before = (await (await post(port, COUNT)).json()) as {
      data: { patterns: { totalCount: number } };
    };
    // A form-encoded POST needs no preflight: the origin check is what keeps it from running.
    const crossSite = await fetch(`http://localhost:${port}/graphql`, {
      method: 'POST',
      headers: {
        origin: FOREIGN,
        'content-type': 'application/x-www-form-urlencoded',
        'x-graphql-yoga-csrf': '1',
      },
      body: new URLSearchParams({ query: CREATE }).toString(),
    });
    expect(crossSite.status).toBe(403);
    const after = (await (await post(port, COUNT)).json()) as typeof before;
    expect(after.data.patterns.totalCount).toBe(before.data.patterns.totalCount);

    const local = await post(port, COUNT, { origin: 'http://127.0.0.1:5173' });
    expect(local.status).toBe(200);
    expect(local.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
    // Clients that send no Origin (curl, servers) are served as before, without CORS headers.
    const plain = await post(port, COUNT);
    expect(plain.status).toBe(200);
    expect(plain.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a WebSocket handshake from a foreign origin with 403; localhost and none are accepted', async () => {
    const { port } = await started();
    expect(await handshake(port, FOREIGN)).toBe(403);
    expect(await handshake(port, 'null')).toBe(403);
    // Same host, DNS name: could be a rebound name, so not "same origin" in development mode.
    expect(await handshake(port, `http://rebound.example:${port}`)).toBe(403);
    expect(await handshake(port, 'http://localhost:3000')).toBe('open');
    expect(await handshake(port, `http://localhost:${port}`)).toBe('open');
    expect(await handshake(port)).toBe('open');
  });
});

describe('with a secret: the own origin and NEXUS_CORS_ORIGINS only', () => {
  const listed = testConfig().security;
  const overrides: Partial<Config> = {
    jwtSecret: SECRET,
    security: { ...listed, corsOrigins: ['https://app.example.com'], loopbackOrigins: false },
  };

  it('allows the listed origin and its own, refuses localhost pages and foreign ones', async () => {
    const { port } = await started(overrides);
    const token = await signToken(SECRET, { sub: 'alice' });
    const listedPreflight = await preflight(port, 'https://app.example.com');
    expect(listedPreflight.status).toBe(204);
    expect(listedPreflight.headers.get('access-control-allow-origin')).toBe(
      'https://app.example.com',
    );
    expect((await preflight(port, 'http://localhost:3000')).status).toBe(403);
    expect((await preflight(port, FOREIGN)).status).toBe(403);
    const own = await post(port, COUNT, {
      origin: `http://localhost:${port}`,
      authorization: `Bearer ${token}`,
    });
    expect(own.status).toBe(200);
    const foreign = await post(port, COUNT, { origin: FOREIGN, authorization: `Bearer ${token}` });
    expect(foreign.status).toBe(403);
  });

  it('refuses WebSocket handshakes from other origins with 403', async () => {
    const { port } = await started(overrides);
    expect(await handshake(port, FOREIGN)).toBe(403);
    expect(await handshake(port, 'http://localhost:3000')).toBe(403);
    expect(await handshake(port, 'https://app.example.com')).toBe('open');
    expect(await handshake(port, `http://localhost:${port}`)).toBe('open');
    expect(await handshake(port)).toBe('open');
  });
});

describe('HOST', () => {
  it('development mode listens on 127.0.0.1 unless told otherwise', async () => {
    const app = createApp(loadConfig({ PORT: '0', LOG_LEVEL: 'silent' }));
    apps.push(app);
    const { port } = await app.start();
    expect((app.server.address() as AddressInfo).address).toBe('127.0.0.1');
    expect((await post(port, COUNT)).status).toBe(200);
  });

  it('listens where HOST says, and on every interface by default with a secret', async () => {
    const app = createApp(loadConfig({ PORT: '0', LOG_LEVEL: 'silent', HOST: '::1' }));
    apps.push(app);
    const { port } = await app.start();
    expect((app.server.address() as AddressInfo).address).toBe('::1');
    const answer = await fetch(`http://[::1]:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: COUNT }),
    });
    expect(answer.status).toBe(200);
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();

    const open = createApp(
      loadConfig({ PORT: '0', LOG_LEVEL: 'silent', NEXUS_JWT_SECRET: SECRET }),
    );
    apps.push(open);
    await open.start();
    expect(['::', '0.0.0.0']).toContain((open.server.address() as AddressInfo).address);
  });
});
