/**
 * Errors delivered over graphql-ws carry no `extensions.http`: yoga's status and headers only
 * mean something on an HTTP response, and a WebSocket frame has none. Everything else about the
 * error (message, code, path, issues) is what HTTP clients get.
 */
import type { Client } from 'graphql-ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { UnauthenticatedError } from '../../src/domain/shared/errors.js';
import { signToken } from '../../src/server/authenticate.js';
import { fromDomainError } from '../../src/server/graphql-errors.js';
import { wsErrors, wsResult } from '../../src/server/ws/ws-errors.js';
import { createTestApp, type GraphQLErrorShape } from '../helpers/app.js';
import { connectWs, subscribeWs } from '../helpers/ws-client.js';

const SECRET = 'ws-error-secret-that-is-long-enough-0123';
let app: App;
let token: string;
const clients: Client[] = [];

beforeAll(async () => {
  app = createTestApp({ jwtSecret: SECRET });
  await app.start();
  token = await signToken(SECRET, { sub: 'alice' });
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});
afterAll(() => app.stop());

/** The errors one operation ends with over graphql-ws. */
async function wsErrorsOf(query: string, withToken: boolean): Promise<GraphQLErrorShape[]> {
  const client = connectWs(app, clients, withToken ? token : undefined);
  const { errors } = await subscribeWs(client, query).outcome();
  expect(errors.length, query).toBeGreaterThan(0);
  return errors;
}

/** The same operation over HTTP, for comparison. */
async function httpErrorsOf(query: string, withToken: boolean) {
  const response = await app.yoga.fetch('http://nexus.test/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...(withToken ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { errors?: GraphQLErrorShape[] };
  return { status: response.status, errors: body.errors ?? [] };
}

const withoutHttp = (errors: readonly GraphQLErrorShape[]) =>
  errors.map(({ extensions, ...rest }) => {
    const { http: _http, ...others } = extensions ?? {};
    return { ...rest, extensions: others };
  });

describe('graphql-ws error payloads', () => {
  it('an auth error: UNAUTHENTICATED without extensions.http', async () => {
    const errors = await wsErrorsOf('{ patterns { totalCount } }', false);
    expect(errors.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    for (const error of errors) expect(error.extensions).not.toHaveProperty('http');
  });

  it('a validation error: GRAPHQL_VALIDATION_FAILED without extensions.http (HTTP keeps its 400)', async () => {
    const query = '{ noSuchField }';
    const errors = await wsErrorsOf(query, true);
    expect(errors.map((error) => error.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    for (const error of errors) expect(error.extensions).not.toHaveProperty('http');
    // Yoga does mark this one for HTTP: only the WebSocket frame goes without it.
    const http = await httpErrorsOf(query, true);
    expect(http.status).toBe(400);
    // Each transport carries its own request id; apart from it the errors are the same.
    expect(withoutHttp(http.errors).map(withoutRequestId)).toEqual(errors.map(withoutRequestId));
  });

  it('a syntax error: GRAPHQL_PARSE_FAILED, as over HTTP, whichever transport sent it first', async () => {
    // The parser cache keeps the error of a text for whoever sends that text next.
    const query = '{ graphStats { entityCount } } }';
    const errors = await wsErrorsOf(query, true);
    expect(errors.map((error) => error.extensions?.code)).toEqual(['GRAPHQL_PARSE_FAILED']);
    for (const error of errors) expect(error.extensions).not.toHaveProperty('http');
    const http = await httpErrorsOf(query, true);
    expect(http.status).toBe(400);
    expect(withoutHttp(http.errors).map(withoutRequestId)).toEqual(errors.map(withoutRequestId));
  });

  it('domain errors (NOT_FOUND, BAD_USER_INPUT) without extensions.http, with their details', async () => {
    const notFound = await wsErrorsOf('mutation { deletePattern(id: "no-such-pattern") }', true);
    expect(notFound.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
    const invalid = await wsErrorsOf('{ events(since: "not-an-id") { cursor } }', true);
    const { requestId, ...details } = invalid[0]?.extensions ?? {};
    expect(typeof requestId).toBe('string');
    expect(details).toEqual({
      code: 'BAD_USER_INPUT',
      issues: [{ path: ['since'], message: 'is not an event id' }],
    });
    const refused = await wsErrorsOf(
      'subscription { executionProgress(executionId: "no-such-run") { id } }',
      true,
    );
    expect(refused.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
    for (const error of [...notFound, ...invalid, ...refused]) {
      expect(error.extensions).not.toHaveProperty('http');
    }
  });

  it('strips the http extension that authentication errors carry for HTTP (401)', () => {
    const error = fromDomainError(new UnauthenticatedError('token expired'));
    expect(error.extensions.http).toEqual({ status: 401 });
    expect(wsErrors([error])).toEqual([
      { message: 'token expired', extensions: { code: 'UNAUTHENTICATED' } },
    ]);
    const result = { data: null, errors: [error] };
    expect(wsResult(result)).toEqual({
      data: null,
      errors: [{ message: 'token expired', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    // Results without it are passed on as they are, unallocated.
    const clean = { data: { ok: true } };
    expect(wsResult(clean)).toBe(clean);
    expect(wsErrors([])).toBeUndefined();
  });
});

/** An error without its request id (which differs per request and per connection). */
function withoutRequestId<T extends { extensions?: Record<string, unknown> }>(error: T): T {
  if (!error.extensions) return error;
  const { requestId: _requestId, ...extensions } = error.extensions;
  return { ...error, extensions };
}
