/**
 * graphql-ws operations that carry their own token, as GraphiQL sends them: an empty
 * connection_init, then the Headers tab's Authorization in each subscribe's
 * `extensions.headers`. The token holds for that operation only, is checked like
 * connection_init's, ends the operation (not the socket) when it expires, and can never make a
 * connection opened as one user run an operation as another.
 */
import { type Client, createClient } from 'graphql-ws';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { App } from '../../src/app.js';
import { signToken } from '../../src/server/authenticate.js';
import { createTestApp, dataOf, gql } from '../helpers/app.js';
import { CreatePattern } from './operations.js';

const SECRET = 'ws-operation-token-secret-0123456789abcdef';
const apps: App[] = [];
const clients: Client[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
  await Promise.all(apps.splice(0).map((app) => app.stop()));
});

async function startedApp(): Promise<{ app: App; url: string }> {
  const app = createTestApp({ jwtSecret: SECRET });
  apps.push(app);
  const { port } = await app.start(0);
  return { app, url: `ws://localhost:${port}/graphql` };
}

function connect(url: string, connectionParams: Record<string, unknown> = {}): Client {
  const client = createClient({
    url,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams,
  });
  clients.push(client);
  return client;
}

// The whole log, then live: no race between a subscription starting and the event it awaits.
const EVENTS =
  'subscription { nexusEvents(types: [PATTERN_CHANGED], since: "0-0") { type patternId } }';
const WHO = '{ patterns(first: 1) { totalCount } }';

interface Frame {
  data?: { nexusEvents?: { type: string; patternId: string } } | null;
  errors?: ReadonlyArray<{ message: string; extensions?: { code?: string } }>;
}

/** A subscription as GraphiQL sends it: the token in extensions.headers. */
function subscribe(client: Client, query: string, authorization?: string) {
  const headers = authorization === undefined ? {} : { Authorization: authorization };
  return client.iterate<Frame['data']>({
    query,
    extensions: { headers },
  }) as AsyncIterableIterator<Frame>;
}

/** The first frame, or the errors the operation was refused with. */
async function first(results: AsyncIterableIterator<Frame>): Promise<Frame> {
  try {
    const { value, done } = await results.next();
    return done ? {} : value;
  } catch (error) {
    if (Array.isArray(error)) return { errors: error as Frame['errors'] };
    throw error;
  }
}

/** The pattern ids of the events up to and including `id`'s. */
async function untilPattern(results: AsyncIterableIterator<Frame>, id: string): Promise<string[]> {
  const seen: string[] = [];
  for (;;) {
    const { value, done } = await results.next();
    if (done) throw new Error(`ended before ${id}: ${JSON.stringify(seen)}`);
    if (value.errors) throw new Error(JSON.stringify(value.errors));
    const patternId = value.data?.nexusEvents?.patternId ?? '';
    seen.push(patternId);
    if (patternId === id) return seen;
  }
}

async function createPatternAs(app: App, token: string, name: string): Promise<string> {
  const result = await gql(
    app,
    CreatePattern,
    {
      input: {
        name,
        category: 'USER',
        steps: [{ id: 'w', type: 'DELAY', action: 'wait', parameters: { ms: 1 } }],
      },
    },
    token,
  );
  return dataOf(result).createPattern.id;
}

describe('tokens in extensions.headers', () => {
  it('an anonymous connection runs each operation as the token it carries, and only that one', async () => {
    const { app, url } = await startedApp();
    const alice = await signToken(SECRET, { sub: 'alice' });
    const bob = await signToken(SECRET, { sub: 'bob' });
    const client = connect(url);
    const asAlice = subscribe(client, EVENTS, `Bearer ${alice}`);
    const asBob = subscribe(client, EVENTS, `Bearer ${bob}`);
    // The same socket, no token: still anonymous.
    const anonymous = await first(subscribe(client, EVENTS));
    expect(anonymous.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    const bobFirst = await createPatternAs(app, bob, 'Bob via GraphiQL');
    const alicePattern = await createPatternAs(app, alice, 'Alice via GraphiQL');
    const bobSecond = await createPatternAs(app, bob, 'Bob again');
    // Each sees their own patterns' events and never the other's, on one socket.
    const aliceSaw = await untilPattern(asAlice, alicePattern);
    expect(aliceSaw).not.toContain(bobFirst);
    const bobSaw = await untilPattern(asBob, bobSecond);
    expect(bobSaw).toContain(bobFirst);
    expect(bobSaw).not.toContain(alicePattern);
  });

  it('refuses an invalid operation token with UNAUTHENTICATED and keeps the socket open', async () => {
    const { url } = await startedApp();
    const alice = await signToken(SECRET, { sub: 'alice' });
    let closed = false;
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      // Kept open between operations, so that a close can only be the server's doing.
      lazy: false,
      on: { closed: () => (closed = true) },
    });
    clients.push(client);
    const forged = await first(subscribe(client, EVENTS, 'Bearer forged.token.here'));
    expect(forged.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    const after = await first(
      client.iterate({ query: WHO, extensions: { headers: { Authorization: alice } } }) as never,
    );
    expect(after.errors).toBeUndefined();
    expect(closed).toBe(false);
  });

  it("a connection opened as alice refuses bob's token (FORBIDDEN) and takes alice's", async () => {
    const { app, url } = await startedApp();
    const alice = await signToken(SECRET, { sub: 'alice' });
    const bob = await signToken(SECRET, { sub: 'bob', roles: ['admin'] });
    const client = connect(url, { authorization: `Bearer ${alice}` });
    const asBob = await first(subscribe(client, EVENTS, `Bearer ${bob}`));
    expect(asBob.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    const again = subscribe(client, EVENTS, alice);
    const id = await createPatternAs(app, alice, 'Alice twice');
    expect(await untilPattern(again, id)).toContain(id);
  });

  it('reads the header whatever its case: bob spelled AUTHORIZATION is still refused', async () => {
    const { url } = await startedApp();
    const alice = await signToken(SECRET, { sub: 'alice' });
    const bob = await signToken(SECRET, { sub: 'bob', roles: ['admin'] });
    const onAlice = connect(url, { authorization: `Bearer ${alice}` });
    const spelled = (client: Client, headers: Record<string, string>) =>
      first(
        client.iterate({ query: WHO, extensions: { headers } }) as AsyncIterableIterator<Frame>,
      );
    // Not run as alice without a word: the token it carries is bob's.
    const asBob = await spelled(onAlice, { AUTHORIZATION: `Bearer ${bob}` });
    expect(asBob.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    // On an anonymous socket the same spelling runs as its token's user.
    const anonymous = connect(url);
    expect((await spelled(anonymous, { AUTHORIZATION: `Bearer ${alice}` })).errors).toBeUndefined();
    const twice = await spelled(anonymous, { authorization: alice, AUTHORIZATION: bob });
    expect(twice.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  it("an operation's token ends that operation when it expires, not the socket", async () => {
    const { app, url } = await startedApp();
    const alice = await signToken(SECRET, { sub: 'alice' });
    const soon = await signToken(SECRET, {
      sub: 'alice',
      expiresIn: Math.floor(Date.now() / 1000) + 1,
    });
    const client = connect(url);
    const expiring = subscribe(
      client,
      'subscription { nexusEvents(types: [CUSTOM]) { type } }',
      soon,
    );
    const lasting = subscribe(client, EVENTS, alice);
    const ended = await first(expiring);
    expect(ended.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([
      ['UNAUTHENTICATED', 'the token expired'],
    ]);
    expect(await expiring.next()).toEqual({ done: true, value: undefined });
    const id = await createPatternAs(app, alice, 'After expiry');
    expect(await untilPattern(lasting, id)).toContain(id);
  });
});
