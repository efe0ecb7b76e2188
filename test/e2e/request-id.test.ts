/** Request ids (x-request-id in, header and extensions.requestId out, in every log line) and the access log. */
import { Writable } from 'node:stream';
import { createClient } from 'graphql-ws';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type App, createApp } from '../../src/app.js';
import { MAX_LOGGED_OPERATION_NAMES, OTHER_OPERATIONS } from '../../src/server/http/access-log.js';
import { createLogger } from '../../src/server/logger.js';
import { testConfig } from '../helpers/app.js';

const apps: App[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.stop()));
});

async function start() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  const app = createApp(testConfig(), { logger: createLogger('info', stream) });
  apps.push(app);
  const { url } = await app.start(0);
  return { url, lines };
}

async function post(url: string, body: object, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return {
    response,
    body: (await response.json()) as { errors?: Array<{ extensions?: Record<string, unknown> }> },
  };
}

/** Polls for a log line (the access line is written once the response is done). */
async function lineWhere(
  lines: Array<Record<string, unknown>>,
  match: (line: Record<string, unknown>) => boolean,
) {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const found = lines.find(match);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no such line in ${JSON.stringify(lines)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('request ids', () => {
  it('keeps a safe client id: response header, error extensions, access log line', async () => {
    const { url, lines } = await start();
    const { response, body } = await post(
      url,
      { query: 'query Broken { pattern(id: "x") { nope } }', operationName: 'Broken' },
      { 'x-request-id': 'client-id-1' },
    );
    expect(response.headers.get('x-request-id')).toBe('client-id-1');
    expect(body.errors?.[0]?.extensions?.requestId).toBe('client-id-1');
    const access = await lineWhere(lines, (line) => line.msg === 'http request');
    expect(access).toMatchObject({
      requestId: 'client-id-1',
      method: 'POST',
      path: '/graphql',
      status: 200,
      operationName: 'Broken',
    });
    expect(typeof access.durationMs).toBe('number');
  });

  it('replaces an unsafe or overlong id with a fresh one', async () => {
    const { url, lines } = await start();
    for (const given of ['a b<script>', 'x'.repeat(129)]) {
      const { response } = await post(
        url,
        { query: '{ patterns { totalCount } }' },
        { 'x-request-id': given },
      );
      const id = response.headers.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      await lineWhere(lines, (line) => line.msg === 'http request' && line.requestId === id);
    }
  });

  it('makes one when none is given, and logs refusals before GraphQL too', async () => {
    const { url, lines } = await start();
    const response = await fetch(url.replace('/graphql', '/health'));
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const access = await lineWhere(
      lines,
      (line) => line.msg === 'http request' && line.requestId === id,
    );
    expect(access).toMatchObject({ path: '/health', status: 200 });
  });

  it("bounds a connection's close line: GraphQL names only, a few of them, the rest together", async () => {
    const { url, lines } = await start();
    const client = createClient({
      url: url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      // One connection for every operation.
      lazy: false,
    });
    const run = (query: string, operationName?: string) =>
      new Promise<void>((resolve) => {
        client.subscribe(
          { query, ...(operationName === undefined ? {} : { operationName }) },
          { next: () => {}, error: () => resolve(), complete: resolve },
        );
      });
    for (let n = 0; n < 30; n++) await run(`query Q${n} { __typename }`, `Q${n}`);
    // A client's operationName is any string, a document's name or not.
    const huge = 'x'.repeat(100_000);
    await run('{ __typename }', huge);
    await run('{ __typename }', 'line\nbreak');
    await client.dispose();
    const closed = await lineWhere(lines, (line) => line.msg === 'websocket closed');
    const operations = closed.operations as Record<string, number>;
    expect(Object.keys(operations).length).toBeLessThanOrEqual(MAX_LOGGED_OPERATION_NAMES + 1);
    expect(operations[OTHER_OPERATIONS]).toBe(30 + 2 - MAX_LOGGED_OPERATION_NAMES);
    expect(Object.values(operations).reduce((sum, count) => sum + count, 0)).toBe(32);
    expect(JSON.stringify(closed).length).toBeLessThan(2_000);
  });

  it("logs a client's operationName only when it is a GraphQL name", async () => {
    const { url, lines } = await start();
    const { response } = await post(url, {
      query: '{ __typename',
      operationName: 'y'.repeat(50_000),
    });
    const id = response.headers.get('x-request-id');
    const access = await lineWhere(
      lines,
      (line) => line.msg === 'http request' && line.requestId === id,
    );
    expect(access.operationName).toBe(OTHER_OPERATIONS);
  });
});
