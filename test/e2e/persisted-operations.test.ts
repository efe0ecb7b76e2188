/**
 * Persisted operations on a real port: automatic persisted queries (miss, registration, hits;
 * a mismatched hash; a bounded store), a manifest by either id, persisted-only mode, and the
 * same guards for a persisted document as for an inline one, over HTTP POST, GET and graphql-ws.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from 'graphql-ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { signToken } from '../../src/server/authenticate.js';
import { sha256Hex } from '../../src/server/plugins/use-persisted-operations.js';
import { createTestApp, type GraphQLErrorShape } from '../helpers/app.js';
import { connectWs, subscribeWs } from '../helpers/ws-client.js';

interface Reply {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: GraphQLErrorShape[];
}

const STATS = '{ graphStats { entityCount } }';
const apps: App[] = [];
const clients: Client[] = [];
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nexus-persisted-'));
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
  await Promise.all(apps.splice(0).map((app) => app.stop()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function serve(settings: Partial<Config['persistedOperations']> = {}) {
  const app = createTestApp({
    persistedOperations: { ...createTestConfigDefaults(), ...settings },
  } as Partial<Config>);
  apps.push(app);
  const { url } = await app.start(0);
  return { app, url };
}

function createTestConfigDefaults(): Config['persistedOperations'] {
  return {
    manifestPath: undefined,
    persistedOnly: false,
    apq: true,
    apqMaxEntries: 100,
    apqMaxBytes: 1024 * 1024,
  };
}

function manifestFile(operations: Record<string, string>): string {
  const path = join(dir, `manifest-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(operations));
  return path;
}

async function post(url: string, body: Record<string, unknown>, token?: string): Promise<Reply> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json()) as Omit<Reply, 'status'>) };
}

async function get(url: string, params: Record<string, unknown>, headers = {}): Promise<Reply> {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    search.set(name, typeof value === 'string' ? value : JSON.stringify(value));
  }
  const response = await fetch(`${url}?${search}`, {
    headers: { accept: 'application/graphql-response+json', ...headers },
  });
  return { status: response.status, ...((await response.json()) as Omit<Reply, 'status'>) };
}

const hashOf = (query: string) => ({
  persistedQuery: { version: 1, sha256Hash: sha256Hex(query) },
});
const codes = (reply: { errors?: GraphQLErrorShape[] }) =>
  (reply.errors ?? []).map((error) => error.extensions?.code);

describe('automatic persisted queries over HTTP', () => {
  it('misses, registers the query with its hash, then answers the hash alone', async () => {
    const { url } = await serve();
    const extensions = hashOf(STATS);
    const miss = await post(url, { extensions });
    expect(miss.status).toBe(404);
    expect(miss.errors?.[0]?.message).toBe('PersistedQueryNotFound');
    expect(codes(miss)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    const registered = await post(url, { query: STATS, extensions });
    expect(registered).toEqual({ status: 200, data: { graphStats: { entityCount: 0 } } });
    expect(await post(url, { extensions })).toEqual(registered);
    // A GET (queries only) names the hash in the URL; CSRF prevention wants its header.
    const header = { 'x-graphql-yoga-csrf': '1' };
    expect(await get(url, { extensions }, header)).toEqual(registered);
    expect((await get(url, { extensions })).status).toBe(403);
  });

  it('refuses a hash that is not the SHA-256 of its query, and keeps nothing', async () => {
    const { url } = await serve();
    const wrong = hashOf('{ graphStats { relationshipCount } }');
    const mismatch = await post(url, { query: STATS, extensions: wrong });
    expect(mismatch.status).toBe(400);
    expect(codes(mismatch)).toEqual(['PERSISTED_QUERY_MISMATCH']);
    expect(mismatch.data).toBeUndefined();
    expect(codes(await post(url, { extensions: wrong }))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });

  it('keeps only queries that pass every guard: a refused one stays unknown', async () => {
    const { url } = await serve();
    let deep = 'id';
    for (let i = 0; i < 14; i++) deep = `neighbors { ${deep} }`;
    const tooDeep = `{ entity(id: "a") { ${deep} } }`;
    const nested = `{ graphStats ${'{ __typename '.repeat(70)}${'}'.repeat(71)}`;
    const invalid = '{ graphStats { noSuchField } }';
    const refusals: Array<[string, string]> = [
      [tooDeep, 'LIMIT_EXCEEDED'],
      [nested, 'LIMIT_EXCEEDED'],
      [invalid, 'GRAPHQL_VALIDATION_FAILED'],
    ];
    for (const [query, code] of refusals) {
      const extensions = hashOf(query);
      const refused = await post(url, { query, extensions });
      expect(codes(refused), query.slice(0, 40)).toEqual([code]);
      expect(codes(await post(url, { extensions }))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    }
  });

  it('registers a query the server had already validated inline', async () => {
    const { url } = await serve();
    expect((await post(url, { query: STATS })).data).toEqual({ graphStats: { entityCount: 0 } });
    await post(url, { query: STATS, extensions: hashOf(STATS) });
    expect((await post(url, { extensions: hashOf(STATS) })).data).toEqual({
      graphStats: { entityCount: 0 },
    });
  });

  it('keeps at most apqMaxEntries queries, least recently used out first', async () => {
    const { url } = await serve({ apqMaxEntries: 2 });
    const queries = ['entityCount', 'relationshipCount', 'byType { count }'].map(
      (field) => `{ graphStats { ${field} } }`,
    );
    for (const query of queries) await post(url, { query, extensions: hashOf(query) });
    const known = [];
    for (const query of queries) known.push(codes(await post(url, { extensions: hashOf(query) })));
    expect(known).toEqual([['PERSISTED_QUERY_NOT_FOUND'], [], []]);
  });

  it('with APQ off: a hash alone is PERSISTED_QUERY_NOT_SUPPORTED, a query with it runs', async () => {
    const { url } = await serve({ apq: false });
    expect(codes(await post(url, { extensions: hashOf(STATS) }))).toEqual([
      'PERSISTED_QUERY_NOT_SUPPORTED',
    ]);
    expect((await post(url, { query: STATS, extensions: hashOf(STATS) })).data).toBeDefined();
    expect(codes(await post(url, { extensions: hashOf(STATS) }))).toEqual([
      'PERSISTED_QUERY_NOT_SUPPORTED',
    ]);
  });
});

describe('who may fill the APQ store', () => {
  const SECRET = 'persisted-operations-secret-0123456789abcdef';

  async function serveSigned(apqMaxEntries: number) {
    const app = createTestApp({
      jwtSecret: SECRET,
      persistedOperations: { ...createTestConfigDefaults(), apqMaxEntries },
    } as Partial<Config>);
    apps.push(app);
    const { url } = await app.start(0);
    return url;
  }

  it('a caller without a token, or with a bad one, registers nothing', async () => {
    const url = await serveSigned(100);
    const alice = await signToken(SECRET, { sub: 'alice' });
    const anonymous = `${STATS} # anonymous`;
    await post(url, { query: anonymous, extensions: hashOf(anonymous) });
    const forged = `${STATS} # forged`;
    const refused = await post(url, { query: forged, extensions: hashOf(forged) }, 'a.b.c');
    expect(refused.status).toBe(401);
    for (const query of [anonymous, forged]) {
      expect(codes(await post(url, { extensions: hashOf(query) }, alice))).toEqual([
        'PERSISTED_QUERY_NOT_FOUND',
      ]);
    }
    // Signed in, the same registration is kept.
    await post(url, { query: anonymous, extensions: hashOf(anonymous) }, alice);
    expect((await post(url, { extensions: hashOf(anonymous) }, alice)).data).toEqual({
      graphStats: { entityCount: 0 },
    });
  });

  it("one user's flood of unique hashes leaves another user's queries registered", async () => {
    const url = await serveSigned(10);
    const bob = await signToken(SECRET, { sub: 'bob' });
    const mallory = await signToken(SECRET, { sub: 'mallory' });
    await post(url, { query: STATS, extensions: hashOf(STATS) }, bob);
    // A comment is enough to make another hash of the same query.
    for (let n = 0; n < 30; n++) {
      const query = `${STATS} # ${n}`;
      await post(url, { query, extensions: hashOf(query) }, mallory);
    }
    expect((await post(url, { extensions: hashOf(STATS) }, bob)).data).toEqual({
      graphStats: { entityCount: 0 },
    });
    expect(codes(await post(url, { extensions: hashOf(`${STATS} # 0`) }, mallory))).toEqual([
      'PERSISTED_QUERY_NOT_FOUND',
    ]);
  });
});

describe('a manifest of persisted operations', () => {
  it('runs a listed document by its id: extensions.persistedQuery or documentId', async () => {
    const manifestPath = manifestFile({ stats: STATS, [sha256Hex(STATS)]: STATS });
    const { url } = await serve({ manifestPath });
    const expected = { status: 200, data: { graphStats: { entityCount: 0 } } };
    expect(await post(url, { documentId: 'stats' })).toEqual(expected);
    expect(await post(url, { documentId: `sha256:${sha256Hex(STATS)}` })).toEqual(expected);
    expect(await post(url, { extensions: hashOf(STATS) })).toEqual(expected);
    const header = { 'x-graphql-yoga-csrf': '1' };
    expect(await get(url, { documentId: 'stats' }, header)).toEqual(expected);
    expect(await get(url, { extensions: hashOf(STATS) }, header)).toEqual(expected);
    // An id names one document: other text under it is refused.
    const other = await post(url, {
      query: '{ graphStats { relationshipCount } }',
      extensions: { persistedQuery: { version: 1, sha256Hash: 'stats' } },
    });
    expect(codes(other)).toEqual(['PERSISTED_QUERY_MISMATCH']);
    // "stats" is a name, not a hash: the answer does not claim a hash check failed.
    expect(other.errors?.[0]?.message).toBe(
      'PersistedQueryMismatch: the query sent is not the document listed under this id',
    );
  });

  it('holds a listed document to the same limits as an inline one', async () => {
    let deep = 'id';
    for (let i = 0; i < 30; i++) deep = `neighbors { ${deep} }`;
    const costly = `{ entity(id: "a") { ${deep} } }`;
    const { url } = await serve({ manifestPath: manifestFile({ costly }) });
    const refused = await post(url, { documentId: 'costly' });
    expect(codes(refused)).toEqual(['LIMIT_EXCEEDED']);
    expect(refused.data).toBeUndefined();
  });
});

describe('persisted-only mode', () => {
  const SUBSCRIPTION = 'subscription { relationshipCreated { id } }';

  async function persistedOnly() {
    const manifestPath = manifestFile({
      [sha256Hex(STATS)]: STATS,
      created: SUBSCRIPTION,
    });
    return serve({ manifestPath, persistedOnly: true });
  }

  it('runs listed operations and refuses any other document, APQ registration included', async () => {
    const { url } = await persistedOnly();
    expect((await post(url, { extensions: hashOf(STATS) })).data).toBeDefined();
    // The listed text itself, with or without its hash, is the listed operation.
    expect((await post(url, { query: STATS, extensions: hashOf(STATS) })).data).toBeDefined();
    expect((await post(url, { query: STATS })).data).toBeDefined();
    const other = '{ graphStats { relationshipCount } }';
    const inline = await post(url, { query: other });
    expect(inline.status).toBe(403);
    expect(codes(inline)).toEqual(['PERSISTED_QUERY_ONLY']);
    expect(codes(await post(url, { query: other, extensions: hashOf(other) }))).toEqual([
      'PERSISTED_QUERY_ONLY',
    ]);
    expect(codes(await post(url, { extensions: hashOf(other) }))).toEqual([
      'PERSISTED_QUERY_NOT_FOUND',
    ]);
    const header = { 'x-graphql-yoga-csrf': '1' };
    expect(codes(await get(url, { query: other }, header))).toEqual(['PERSISTED_QUERY_ONLY']);
  });

  it('holds over graphql-ws too', async () => {
    const { app } = await persistedOnly();
    const client = connectWs(app, clients);
    const refused = await subscribeWs(client, 'subscription { nexusEvents { id } }').outcome();
    expect(refused.errors.map((error) => error.extensions?.code)).toEqual(['PERSISTED_QUERY_ONLY']);
    const query = await subscribeWs(client, STATS).outcome();
    expect(query).toEqual({ data: [{ entityCount: 0 }], errors: [] });
  });
});

describe('over graphql-ws', () => {
  it('checks a hash sent with its query, registers it, and refuses a hash alone', async () => {
    const { app, url } = await serve();
    const client = connectWs(app, clients);
    const run = (payload: { query: string; extensions?: Record<string, unknown> }) =>
      new Promise<{ data?: unknown; errors?: GraphQLErrorShape[] }>((resolve) => {
        let result: { data?: unknown; errors?: GraphQLErrorShape[] } = {};
        client.subscribe(payload, {
          next: (value) => {
            result = value as typeof result;
          },
          error: (error) => resolve({ errors: error as GraphQLErrorShape[] }),
          complete: () => resolve(result),
        });
      });
    const wrong = hashOf('{ graphStats { relationshipCount } }');
    expect(codes(await run({ query: STATS, extensions: wrong }))).toEqual([
      'PERSISTED_QUERY_MISMATCH',
    ]);
    expect(codes(await run({ query: '', extensions: hashOf(STATS) }))).toEqual([
      'PERSISTED_QUERY_NOT_SUPPORTED',
    ]);
    expect((await run({ query: STATS, extensions: hashOf(STATS) })).data).toEqual({
      graphStats: { entityCount: 0 },
    });
    // Registered over the socket, known over HTTP.
    expect((await post(url, { extensions: hashOf(STATS) })).data).toEqual({
      graphStats: { entityCount: 0 },
    });
  });
});
