/**
 * Security over graphql-ws: the token in connectionParams, 4403 for a bad or expired one, and
 * subscriptions that deliver only what the subscriber could read by query.
 */
import { type Client, createClient } from 'graphql-ws';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { App } from '../../src/app.js';
import { signToken } from '../../src/server/authenticate.js';
import { dataOf, gql } from '../helpers/app.js';
import { useRedisApps } from '../helpers/redis-app.js';
import { ExecutePattern } from './execution-operations.js';
import { CreateRelationship } from './graph-operations.js';
import { CreatePattern } from './operations.js';

const redis = useRedisApps('security-ws');
const SECRET = 'ws-secret-that-is-long-enough-0123456789';
const clients: Client[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});

function wsUrl(app: App): string {
  const address = app.server.address();
  if (typeof address !== 'object' || address === null) throw new Error('not listening');
  return `ws://localhost:${address.port}/graphql`;
}

function connect(app: App, authorization?: string, onClosed?: (code: number) => void): Client {
  const client = createClient({
    url: wsUrl(app),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    connectionParams: authorization === undefined ? {} : { authorization },
    on: { closed: (event) => onClosed?.((event as { code: number }).code) },
    // Refused connections are what some tests expect; the client would log them.
    onNonLazyError: () => {},
  });
  clients.push(client);
  return client;
}

interface Outcome {
  data: unknown[];
  errors: string[];
  closedWith: number | null;
}

/** Runs one operation to its end (or until `until` says stop), collecting data and error codes. */
async function run(
  client: Client,
  query: string,
  until: (data: Record<string, unknown>) => boolean = () => false,
  variables: Record<string, unknown> = {},
): Promise<Outcome> {
  const outcome: Outcome = { data: [], errors: [], closedWith: null };
  const iterator = client.iterate<Record<string, unknown>>({ query, variables });
  try {
    for await (const result of iterator) {
      for (const error of result.errors ?? []) {
        outcome.errors.push(String((error.extensions as { code?: string } | undefined)?.code));
      }
      if (result.data) {
        outcome.data.push(result.data);
        if (until(result.data)) break;
      }
    }
  } catch (error) {
    const code = (error as { code?: number }).code;
    if (typeof code !== 'number') throw error;
    outcome.closedWith = code;
  }
  return outcome;
}

const tokens = async () => ({
  alice: await signToken(SECRET, { sub: 'alice' }),
  bob: await signToken(SECRET, { sub: 'bob' }),
  admin: await signToken(SECRET, { sub: 'root', roles: ['admin'] }),
});

describe('graphql-ws authentication', () => {
  it('closes with 4403 on a bad token, and answers UNAUTHENTICATED without one', async () => {
    const app = await redis.app({ jwtSecret: SECRET });
    const closed = new Promise<number>((resolve) =>
      connect(app, 'Bearer forged.token.here', resolve),
    );
    expect(await closed).toBe(4403);
    const anonymous = await run(connect(app), '{ graphStats { entityCount } }');
    expect(anonymous.errors).toEqual(['UNAUTHENTICATED']);
    const subscription = await run(connect(app), 'subscription { nexusEvents { id } }');
    expect(subscription.errors).toEqual(['UNAUTHENTICATED']);
  });

  it('accepts the token with or without "Bearer", and closes with 4403 when it expires', async () => {
    const app = await redis.app({ jwtSecret: SECRET });
    const { alice } = await tokens();
    const query = '{ graphStats { entityCount } }';
    expect((await run(connect(app, alice), query)).errors).toEqual([]);
    expect((await run(connect(app, `Bearer ${alice}`), query)).errors).toEqual([]);
    const spelled = createClient({
      url: wsUrl(app),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { headers: { Authorization: `Bearer ${alice}` } },
    });
    clients.push(spelled);
    expect((await run(spelled, query)).errors).toEqual([]);
    const soon = await signToken(SECRET, {
      sub: 'alice',
      expiresIn: Math.floor(Date.now() / 1000) + 1,
    });
    const closed = new Promise<number>((resolve) => connect(app, soon, resolve));
    expect(await closed).toBe(4403);
  });
});

describe('subscriptions deliver only what the subscriber could read', () => {
  it("keeps one user's patterns, executions and custom events from another; admins see all", async () => {
    const app = await redis.app({ jwtSecret: SECRET });
    const as = await tokens();
    dataOf(
      await gql(
        app,
        CreatePattern,
        {
          input: {
            id: 'bobs',
            name: 'Bobs',
            category: 'NOTIFICATION',
            steps: [
              { id: 'store', type: 'CACHE', action: 'set', parameters: { key: 'k', value: 'v' } },
              {
                id: 'tell',
                type: 'EVENT',
                action: 'publish',
                parameters: { event_type: 'secret' },
              },
            ],
          },
        },
        as.bob,
      ),
    );
    const bobsRun = dataOf(
      await gql(app, ExecutePattern, { id: 'bobs', mode: 'SYNC' }, as.bob),
    ).executePattern;
    expect(bobsRun.status).toBe('SUCCEEDED');
    const shared = { input: { from: 'user:bob', to: 'team:1', type: 'MEMBER' as const } };
    dataOf(await gql(app, CreateRelationship, shared, as.bob));

    // Replays the whole log, then waits for a marker published after it.
    const everything = `subscription { nexusEvents(since: "0-0") { type patternId executionId entityId } }`;
    const isMarker = (data: Record<string, unknown>) =>
      (data.nexusEvents as { entityId: string | null }).entityId === 'marker';
    const asAlice = run(connect(app, as.alice), everything, isMarker);
    const asAdmin = run(connect(app, as.admin), everything, isMarker);
    // The marker comes last in the log, whether a subscriber reads it replayed or live.
    const marker = { input: { from: 'marker', to: 'team:1', type: 'MEMBER' as const } };
    dataOf(await gql(app, CreateRelationship, marker, as.alice));
    const [alice, admin] = await Promise.all([asAlice, asAdmin]);

    type Seen = { type: string; patternId: string | null; executionId: string | null };
    const aliceSaw = alice.data.map((d) => (d as { nexusEvents: Seen }).nexusEvents);
    const adminSaw = admin.data.map((d) => (d as { nexusEvents: Seen }).nexusEvents);
    // The system patterns seeded at start-up are everyone's; bob's pattern and run are not.
    expect(aliceSaw.map((e) => [e.type, e.patternId])).toEqual([
      ['PATTERN_CHANGED', 'user_onboarding'],
      ['PATTERN_CHANGED', 'financial_transaction'],
      ['RELATIONSHIP_CREATED', null],
      ['RELATIONSHIP_CREATED', null],
    ]);
    expect(aliceSaw.some((e) => e.patternId === 'bobs' || e.executionId === bobsRun.id)).toBe(
      false,
    );
    const adminTypes = new Set(adminSaw.map((e) => e.type));
    for (const type of ['PATTERN_CHANGED', 'PROGRESS', 'CUSTOM', 'PATTERN_EXECUTED']) {
      expect(adminTypes.has(type), type).toBe(true);
    }
    expect(adminSaw.filter((e) => e.executionId === bobsRun.id).length).toBeGreaterThan(3);

    // Progress and executions of bob's run are not alice's to watch.
    const progress = await run(
      connect(app, as.alice),
      'subscription($id: ID!) { executionProgress(executionId: $id) { status } }',
      () => false,
      { id: bobsRun.id },
    );
    expect(progress).toEqual({ data: [], errors: ['NOT_FOUND'], closedWith: null });
    const own = await run(
      connect(app, as.bob),
      'subscription($id: ID!) { executionProgress(executionId: $id) { status } }',
      () => false,
      { id: bobsRun.id },
    );
    expect(own.data).toEqual([{ executionProgress: { status: 'COMPLETED' } }]);
  });

  it('applies the same rules to mutations over the socket', async () => {
    const app = await redis.app({ jwtSecret: SECRET });
    const as = await tokens();
    const created = dataOf(
      await gql(app, CreateRelationship, { input: { from: 'a', to: 'b', type: 'LINKED' } }, as.bob),
    ).createRelationship;
    const remove = `mutation($id: ID!) { deleteRelationship(id: $id) }`;
    const denied = await run(connect(app, as.alice), remove, () => false, { id: created.id });
    expect(denied.errors).toEqual(['FORBIDDEN']);
    const allowed = await run(connect(app, as.bob), remove, () => false, { id: created.id });
    expect(allowed.data).toEqual([{ deleteRelationship: true }]);
  });
});

describe('the same rules over both transports', () => {
  it('answers every permission check identically over HTTP and graphql-ws', async () => {
    const app = await redis.app({ jwtSecret: SECRET });
    const as = await tokens();
    const step = {
      id: 's',
      type: 'CACHE' as const,
      action: 'set',
      parameters: { key: 'k', value: 1 },
    };
    const create = (id: string, origin: 'USER' | 'SYSTEM', token: string) =>
      gql(
        app,
        CreatePattern,
        { input: { id, name: id, category: 'USER', origin, steps: [step] } },
        token,
      );
    dataOf(await create('bobs_own', 'USER', as.bob));
    dataOf(await create('sys_on', 'SYSTEM', as.admin));
    const bobsRun = dataOf(await gql(app, ExecutePattern, { id: 'bobs_own', mode: 'SYNC' }, as.bob))
      .executePattern.id;
    const rel = dataOf(
      await gql(app, CreateRelationship, { input: { from: 'p', to: 'q', type: 'LINKED' } }, as.bob),
    ).createRelationship.id;

    // [who, operation]: each is sent over HTTP and over a socket authenticated as the same user.
    // [who, operation, the error codes it must get]: sent over HTTP and over a socket as that user.
    const checks: Array<[keyof typeof as, string, string[]]> = [
      ['alice', '{ pattern(id: "bobs_own") { id } }', []],
      ['bob', '{ pattern(id: "bobs_own") { id } }', []],
      ['alice', '{ patterns(filter: { createdBy: "bob" }) { totalCount } }', []],
      [
        'alice',
        'mutation { updatePattern(id: "bobs_own", input: { name: "x" }) { id } }',
        ['NOT_FOUND'],
      ],
      [
        'alice',
        'mutation { updatePattern(id: "sys_on", input: { name: "x" }) { id } }',
        ['FORBIDDEN'],
      ],
      ['alice', 'mutation { deletePattern(id: "sys_on") }', ['FORBIDDEN']],
      ['alice', 'mutation { executePattern(id: "bobs_own") { status } }', ['NOT_FOUND']],
      ['alice', `{ execution(id: "${bobsRun}") { id } progress(id: "${bobsRun}") { status } }`, []],
      ['admin', `{ execution(id: "${bobsRun}") { createdBy } }`, []],
      ['alice', `mutation { cancelExecution(id: "${bobsRun}") { id } }`, ['NOT_FOUND']],
      ['alice', `mutation { deleteRelationship(id: "${rel}") }`, ['FORBIDDEN']],
      ['alice', '{ auditLog(first: 1) { totalCount } }', ['FORBIDDEN']],
      ['alice', '{ planPattern(id: "bobs_own") { levels } }', ['NOT_FOUND']],
    ];
    const shape = (result: {
      data?: unknown;
      errors?: Array<{ extensions?: { code?: unknown } }>;
    }) => ({
      data: result.data ?? null,
      codes: (result.errors ?? []).map((error) => error.extensions?.code),
    });
    for (const [who, query, expected] of checks) {
      const http = await app.yoga.fetch('http://nexus.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${as[who]}` },
        body: JSON.stringify({ query }),
      });
      const overHttp = shape((await http.json()) as Parameters<typeof shape>[0]);
      const socket = await run(connect(app, as[who]), query);
      const overSocket = {
        data: (socket.data[0] as unknown) ?? null,
        codes: socket.errors,
      };
      expect(overHttp.codes, `${who}: ${query}`).toEqual(expected);
      expect(overSocket, `${who}: ${query}`).toEqual(overHttp);
    }
  });
});
