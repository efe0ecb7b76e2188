/**
 * Every error a client gets names its request: over graphql-ws the connection's id, in the
 * error frames of refused operations (syntax, validation) and inside @defer / @stream payloads,
 * as over HTTP (whose deferred errors carry the request's id too). And a connection's close line
 * names an operation its document names, when the client sent no operationName.
 */
import { Writable } from 'node:stream';
import { type Client, createClient } from 'graphql-ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type App, createApp } from '../../src/app.js';
import { createLogger } from '../../src/server/logger.js';
import { testConfig } from '../helpers/app.js';
import { until } from '../helpers/until.js';

const CONNECTION_ID = 'ws-connection-7';
const DEFERRED_ERROR =
  '{ graphStats { entityCount } ... @defer { traverse(from: "a", maxDepth: 99) { entities { depth } } } }';

interface Payload {
  errors?: Array<{ extensions?: Record<string, unknown> }>;
  incremental?: Array<{ errors?: Array<{ extensions?: Record<string, unknown> }> }>;
}

let app: App;
let url: string;
const lines: Array<Record<string, unknown>> = [];
const clients: Client[] = [];

beforeAll(async () => {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  app = createApp(testConfig(), { logger: createLogger('info', stream) });
  ({ url } = await app.start(0));
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});
afterAll(() => app.stop());

/** A client whose upgrade request carries `x-request-id`: the connection's id. */
function connect(requestId = CONNECTION_ID): Client {
  class WithRequestId extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: { 'x-request-id': requestId } });
    }
  }
  const client = createClient({
    url: url.replace('http', 'ws'),
    webSocketImpl: WithRequestId,
    retryAttempts: 0,
    lazy: false,
  });
  clients.push(client);
  return client;
}

/** Every payload and the errors of the error frame, if the operation ended with one. */
function run(client: Client, query: string) {
  return new Promise<{ payloads: Payload[]; errors: Payload['errors'] }>((resolve) => {
    const payloads: Payload[] = [];
    client.subscribe(
      { query },
      {
        next: (value) => payloads.push(value as Payload),
        error: (errors) => resolve({ payloads, errors: errors as Payload['errors'] }),
        complete: () => resolve({ payloads, errors: undefined }),
      },
    );
  });
}

const incrementalErrors = (payloads: Payload[]) =>
  payloads.flatMap((payload) => payload.incremental ?? []).flatMap((each) => each.errors ?? []);

describe('request ids over graphql-ws', () => {
  it('in the error frame of a syntax error and of a validation error', async () => {
    const client = connect();
    for (const query of ['{ graphStats { entityCount }', '{ noSuchField }']) {
      const { errors } = await run(client, query);
      expect(errors?.length, query).toBe(1);
      expect(errors?.[0]?.extensions?.requestId, query).toBe(CONNECTION_ID);
    }
  });

  it('in the errors of a deferred fragment', async () => {
    const { payloads } = await run(connect(), DEFERRED_ERROR);
    const errors = incrementalErrors(payloads);
    expect(errors.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(errors[0]?.extensions?.requestId).toBe(CONNECTION_ID);
  });

  it("counts an unnamed request by its document's operation name", async () => {
    const client = connect('ws-connection-named');
    await run(client, 'query NamedInItsDocument { __typename }');
    await run(client, '{ __typename }');
    await client.dispose();
    const closed = await until(() =>
      lines.find(
        (line) => line.msg === 'websocket closed' && line.requestId === 'ws-connection-named',
      ),
    );
    expect(closed.operations).toEqual({ NamedInItsDocument: 1, query: 1 });
  });
});

describe('request ids over HTTP', () => {
  it('in the errors of a deferred fragment (multipart/mixed)', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'multipart/mixed',
        'x-request-id': 'http-deferred-1',
      },
      body: JSON.stringify({ query: DEFERRED_ERROR }),
    });
    const boundary = /boundary="?([^";]+)"?/.exec(response.headers.get('content-type') ?? '')?.[1];
    const payloads = (await response.text())
      .split(`\r\n--${boundary}`)
      .map((part) => part.split('\r\n\r\n').slice(1).join('\r\n\r\n').trim())
      .filter((json) => json.startsWith('{'))
      .map((json) => JSON.parse(json) as Payload);
    const errors = incrementalErrors(payloads);
    expect(errors.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(errors[0]?.extensions?.requestId).toBe('http-deferred-1');
  });
});
