/**
 * Limits at the socket, over real TCP connections to a real port: clients that send their
 * headers or body too slowly are answered 408 and closed, connections past the cap (WebSockets
 * included) are refused, and a body larger than an anonymous request needs is refused before
 * it is read unless a valid token comes with it.
 */
import { once } from 'node:events';
import type { AddressInfo, Socket } from 'node:net';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { App } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { signToken } from '../../src/server/authenticate.js';
import { useRedisApps } from '../helpers/redis-app.js';

const redis = useRedisApps('http-limits');
const SECRET = 'test-secret-that-is-long-enough-0123456789';
/** Failing tests must fail, not hang until the suite's timeout. */
const DEADLINE = { timeout: 10_000 };

async function start(security: Partial<Config['security']>): Promise<{ app: App; port: number }> {
  const app = await redis.app({ jwtSecret: SECRET, security: security as Config['security'] });
  return { app, port: (app.server.address() as AddressInfo).port };
}

interface Exchange {
  socket: Socket;
  /** Everything the server sent, once it closed the connection. */
  closed: Promise<string>;
}

/** A raw connection that sends `head` (and `body`, if any) and then holds, reading. */
async function open(port: number, head: string, body = ''): Promise<Exchange> {
  const socket = connect({ host: '127.0.0.1', port });
  let received = '';
  socket.on('data', (chunk: Buffer) => {
    received += chunk.toString();
  });
  // A refusal may close with a reset while the client still has data in flight.
  socket.on('error', () => {});
  const closed = once(socket, 'close').then(() => received);
  await once(socket, 'connect');
  socket.write(head + body);
  return { socket, closed };
}

function post(length: number, headers: Record<string, string> = {}): string {
  const lines = Object.entries({
    host: 'localhost',
    'content-type': 'application/json',
    'content-length': String(length),
    ...headers,
  }).map(([name, value]) => `${name}: ${value}\r\n`);
  return `POST /graphql HTTP/1.1\r\n${lines.join('')}\r\n`;
}

/** Status and JSON body of a raw HTTP/1.1 response. */
function parsed(response: string): { status: number; body: unknown } {
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0);
  const split = response.indexOf('\r\n\r\n');
  const head = response.slice(0, split).toLowerCase();
  let text = response.slice(split + 4);
  if (head.includes('transfer-encoding: chunked')) {
    let decoded = '';
    for (let at = 0; ; ) {
      const lineEnd = text.indexOf('\r\n', at);
      const size = Number.parseInt(text.slice(at, lineEnd), 16);
      if (!(size > 0)) break;
      decoded += text.slice(lineEnd + 2, lineEnd + 2 + size);
      at = lineEnd + 2 + size + 2;
    }
    text = decoded;
  }
  return { status, body: text === '' ? null : JSON.parse(text) };
}

const errorCode = (body: unknown) =>
  (body as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code;

describe('slow clients', () => {
  it(
    'closes a connection whose body does not arrive within the request timeout (408)',
    DEADLINE,
    async () => {
      const { port } = await start({ headersTimeoutMs: 200, requestTimeoutMs: 300 });
      const token = await signToken(SECRET, { sub: 'alice' });
      const slow = await open(port, post(1_000, { authorization: `Bearer ${token}` }), '{"query":');
      const { status, body } = parsed(await slow.closed);
      expect(status).toBe(408);
      expect(errorCode(body)).toBe('LIMIT_EXCEEDED');
    },
  );

  it(
    'closes a connection whose headers do not arrive within the headers timeout (408)',
    DEADLINE,
    async () => {
      const { port } = await start({ headersTimeoutMs: 200, requestTimeoutMs: 60_000 });
      const slow = await open(port, 'POST /graphql HTTP/1.1\r\nhost: localhost\r\n');
      expect(parsed(await slow.closed).status).toBe(408);
    },
  );
});

describe('the connection cap', () => {
  it(
    'refuses connections past NEXUS_MAX_CONNECTIONS, WebSockets included, and counts them down',
    DEADLINE,
    async () => {
      const { app, port } = await start({ maxConnections: 2 });
      const accepted: Socket[] = [];
      app.server.on('connection', (socket: Socket) => accepted.push(socket));
      const socket = new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws');
      await once(socket, 'open');
      const health = 'GET /health HTTP/1.1\r\nhost: localhost\r\nconnection: close\r\n\r\n';
      const idle = await open(port, '');
      // Two connections are open (a WebSocket, an idle socket): the third is closed unanswered.
      expect(await (await open(port, health)).closed).toBe('');
      const refusedSocket = new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws');
      refusedSocket.on('error', () => {});
      // events.once would reject on the 'error' that precedes the close.
      const code = await new Promise((resolve) => refusedSocket.on('close', resolve));
      expect(code).toBe(1006);
      expect(accepted).toHaveLength(2);
      // Once one goes, there is room again.
      idle.socket.destroy();
      await once(accepted[1] as Socket, 'close');
      expect(parsed(await (await open(port, health)).closed).status).toBe(200);
      socket.close();
    },
  );
});

describe('bodies before authentication', () => {
  it(
    'refuses a body larger than anonymous requests need unless a valid token comes with it',
    DEADLINE,
    async () => {
      const { port } = await start({ maxAnonymousBodyBytes: 1_024, requestTimeoutMs: 60_000 });
      // Declared large, sent slowly: answered at once, without waiting for (or reading) the body.
      const anonymous = await open(port, post(100_000), '{"query":');
      const refused = parsed(await anonymous.closed);
      expect(refused.status).toBe(413);
      expect(errorCode(refused.body)).toBe('LIMIT_EXCEEDED');
      const forged = await open(port, post(100_000, { authorization: 'Bearer a.b.c' }), '{');
      const unauthenticated = parsed(await forged.closed);
      expect(unauthenticated.status).toBe(401);
      expect(errorCode(unauthenticated.body)).toBe('UNAUTHENTICATED');

      const query = JSON.stringify({ query: `{ __typename }${' '.repeat(50_000)}` });
      const token = await signToken(SECRET, { sub: 'alice' });
      const headers = { authorization: `Bearer ${token}`, connection: 'close' };
      const large = await open(port, post(Buffer.byteLength(query), headers), query);
      expect(parsed(await large.closed)).toEqual({
        status: 200,
        body: { data: { __typename: 'Query' } },
      });
      const small = JSON.stringify({ query: '{ __typename }' });
      const anonymousSmall = await open(port, post(small.length, { connection: 'close' }), small);
      expect(parsed(await anonymousSmall.closed).status).toBe(200);
    },
  );
});
