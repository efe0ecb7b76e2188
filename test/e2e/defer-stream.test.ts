/**
 * @defer and @stream on a real port: a deferred fragment arrives in a later part, a streamed
 * list item by item after its initial count, over multipart/mixed, text/event-stream and
 * graphql-ws; the operation limits hold for what is deferred as for the rest.
 */
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { createStorage } from '../../src/app.js';
import { createTestApp, type GraphQLErrorShape } from '../helpers/app.js';
import { connectWs } from '../helpers/ws-client.js';

/** One payload of an incremental response: the initial result, then increments. */
interface Payload {
  data?: Record<string, unknown> | null;
  errors?: GraphQLErrorShape[];
  hasNext?: boolean;
  incremental?: Array<{
    data?: Record<string, unknown>;
    items?: unknown[];
    path: Array<string | number>;
    label?: string;
  }>;
}

let app: App;
let url: string;
const clients: Client[] = [];

beforeAll(async () => {
  app = createTestApp();
  ({ url } = await app.start(0));
  // a → b → c → a (a cycle), a → d.
  for (const [from, to] of [
    ['a', 'b'],
    ['b', 'c'],
    ['c', 'a'],
    ['a', 'd'],
  ]) {
    const created = await post(
      'mutation ($i: CreateRelationshipInput!) { createRelationship(input: $i) { id } }',
      { i: { from, to, type: 'LINKED' } },
    );
    expect(created.errors).toBeUndefined();
  }
});
afterAll(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
  await app.stop();
});

async function post(
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ data?: Record<string, unknown>; errors?: GraphQLErrorShape[] }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, unknown> };
}

/** The id a mutation returned, failing with its errors when it returned none. */
function idOf(result: { data?: Record<string, unknown>; errors?: unknown }, field: string): string {
  const value = result.data?.[field] as { id?: string } | undefined;
  if (value?.id === undefined) throw new Error(`no ${field}: ${JSON.stringify(result.errors)}`);
  return value.id;
}

function request(query: string, accept: string) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept },
    body: JSON.stringify({ query }),
  });
}

/**
 * The payloads of a multipart/mixed response, each with the chunk of the body it was complete
 * in: a payload in a later chunk was written after the ones before it.
 */
async function multipart(response: Response): Promise<Payload[]> {
  const type = response.headers.get('content-type') ?? '';
  const boundary = /boundary="?([^";]+)"?/.exec(type)?.[1];
  if (!type.startsWith('multipart/mixed') || boundary === undefined) {
    throw new Error(`not multipart: ${type} ${await response.text()}`);
  }
  const body = await response.text();
  return body
    .split(`\r\n--${boundary}`)
    .map((part) => part.split('\r\n\r\n').slice(1).join('\r\n\r\n').trim())
    .filter((json) => json.startsWith('{'))
    .map((json) => JSON.parse(json) as Payload);
}

async function eventStream(response: Response): Promise<Payload[]> {
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const body = await response.text();
  return body
    .split('\n\n')
    .filter((event) => event.startsWith('event: next'))
    .map((event) => JSON.parse(event.replace(/^event: next\ndata: /, '')) as Payload);
}

const DEFERRED_GRAPH = `{
  graphStats { entityCount }
  ... @defer(label: "slow") {
    traverse(from: "a", maxDepth: 3) { entities @stream(initialCount: 1) { depth entity { id } } }
    detectCycles { entities { id } }
  }
}`;

/** Checks the shape every transport must deliver for DEFERRED_GRAPH. */
function expectDeferredGraph(payloads: Payload[]): void {
  const [initial, ...later] = payloads;
  // The initial payload: the fast field only, with more to come.
  expect(initial).toEqual({ data: { graphStats: { entityCount: 4 } }, hasNext: true });
  expect(later.length).toBeGreaterThan(0);
  const increments = later.flatMap((payload) => payload.incremental ?? []);
  const deferred = increments.find((increment) => increment.label === 'slow');
  expect(deferred?.path).toEqual([]);
  expect(deferred?.data).toEqual({
    traverse: { entities: [{ depth: 0, entity: { id: 'a' } }] },
    detectCycles: [{ entities: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'a' }] }],
  });
  // The streamed list: after its initial item, one increment per item, at its index.
  const streamed = increments.filter((increment) => increment.items !== undefined);
  expect(streamed.map((increment) => increment.path)).toEqual([
    ['traverse', 'entities', 1],
    ['traverse', 'entities', 2],
    ['traverse', 'entities', 3],
  ]);
  expect(streamed.flatMap((increment) => increment.items)).toEqual([
    { depth: 1, entity: { id: 'b' } },
    { depth: 1, entity: { id: 'd' } },
    { depth: 2, entity: { id: 'c' } },
  ]);
  expect(later.at(-1)?.hasNext).toBe(false);
}

describe('@defer and @stream over HTTP', () => {
  it('multipart/mixed: the deferred fragment and the streamed items come after the first part', async () => {
    expectDeferredGraph(await multipart(await request(DEFERRED_GRAPH, 'multipart/mixed')));
  });

  it('text/event-stream: the same payloads as events', async () => {
    expectDeferredGraph(await eventStream(await request(DEFERRED_GRAPH, 'text/event-stream')));
  });

  it('streams the edges of Pattern.executions', async () => {
    const created = await post(
      `mutation ($input: CreatePatternInput!) { createPattern(input: $input) { id } }`,
      {
        input: {
          name: 'Streamed',
          category: 'USER',
          steps: [{ id: 'a', type: 'CACHE', action: 'set', parameters: { key: 'k', value: 'v' } }],
        },
      },
    );
    const id = idOf(created, 'createPattern');
    const started: string[] = [];
    for (let n = 0; n < 3; n++) {
      const run = await post('mutation ($id: ID!) { executePattern(id: $id) { id } }', { id });
      started.push(idOf(run, 'executePattern'));
    }
    const payloads = await multipart(
      await request(
        `{ pattern(id: "${id}") { name executions(first: 10) { edges @stream(initialCount: 1) { node { id } } } } }`,
        'multipart/mixed',
      ),
    );
    const first = payloads[0]?.data?.pattern as { executions: { edges: unknown[] } };
    expect(first.executions.edges).toHaveLength(1);
    const rest = payloads.slice(1).flatMap((payload) => payload.incremental ?? []);
    expect(rest.map((increment) => increment.path)).toEqual([
      ['pattern', 'executions', 'edges', 1],
      ['pattern', 'executions', 'edges', 2],
    ]);
    const ids = [first.executions.edges, ...rest.map((increment) => increment.items)]
      .flat()
      .map((edge) => (edge as { node: { id: string } }).node.id);
    expect(ids.sort()).toEqual(started.sort());
  });

  it('answers 406 to a client that accepts no incremental format', async () => {
    const response = await request(DEFERRED_GRAPH, 'application/graphql-response+json');
    expect(response.status).toBe(406);
  });

  it('holds deferred fragments to the depth, cost and directive limits', async () => {
    const nest = (levels: number) => {
      let selection = 'id';
      for (let i = 0; i < levels; i++) selection = `neighbors { ${selection} }`;
      return selection;
    };
    const cases: Array<[string, RegExp]> = [
      [`{ graphStats { entityCount } ... @defer { entity(id: "a") { ${nest(14)} } } }`, /depth/],
      [`{ entity(id: "a") { id ... @defer { ${nest(11)} } } }`, /depth/],
      [
        `{ graphStats { entityCount } ... @defer { entity(id: "a") { ${nest(30)} } } }`,
        /Cost|depth/,
      ],
      [
        `{ ${Array.from({ length: 25 }, (_, i) => `... @defer { a${i}: graphStats { entityCount } }`).join(' ')} }`,
        /Directives limit/,
      ],
    ];
    for (const [query, message] of cases) {
      const response = await request(query, 'multipart/mixed, application/graphql-response+json');
      const body = (await response.text()).trim();
      const json = body.slice(body.indexOf('{'), body.lastIndexOf('}') + 1);
      const result = JSON.parse(json) as Payload;
      expect(
        result.errors?.map((error) => error.extensions?.code),
        query.slice(0, 60),
      ).toEqual(['LIMIT_EXCEEDED']);
      expect(result.errors?.[0]?.message).toMatch(message);
      expect(result.data).toBeUndefined();
    }
  });
});

describe('the incremental delivery rules', () => {
  it('refuse duplicate labels, @stream on a field that is not a list, and @defer on a mutation root', async () => {
    const cases: Array<[string, RegExp]> = [
      [
        '{ ... @defer(label: "x") { graphStats { entityCount } } ... @defer(label: "x") { graphStats { relationshipCount } } }',
        /label/i,
      ],
      ['{ graphStats @stream { entityCount } }', /list/i],
      ['mutation { ... @defer { deleteRelationship(id: "r") } }', /root/i],
    ];
    for (const [query, message] of cases) {
      const result = await post(query);
      expect(
        result.errors?.map((error) => error.extensions?.code),
        query,
      ).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(result.errors?.[0]?.message).toMatch(message);
    }
  });
});

describe('@stream initialCount', () => {
  it("a negative count is the client's mistake (BAD_USER_INPUT), not an internal error", async () => {
    const literal =
      '{ traverse(from: "a", maxDepth: 3) { entities @stream(initialCount: -1) { depth } } }';
    const variable =
      'query ($n: Int = -2) { traverse(from: "a", maxDepth: 3) { entities @stream(initialCount: $n) { depth } } }';
    for (const [query, variables] of [
      [literal, {}],
      [variable, {}],
      [variable, { n: -5 }],
    ] as const) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'multipart/mixed' },
        body: JSON.stringify({ query, variables }),
      });
      const [result] = await multipart(response);
      expect(
        result?.errors?.map((error) => [error.extensions?.code, error.message]),
        JSON.stringify(variables),
      ).toEqual([['BAD_USER_INPUT', '@stream initialCount must be 0 or more']]);
      expect(result?.data).toBeUndefined();
    }
    // Zero streams every item.
    const zero = await multipart(
      await request(
        '{ traverse(from: "a", maxDepth: 3) { entities @stream(initialCount: 0) { depth } } }',
        'multipart/mixed',
      ),
    );
    expect(zero[0]?.errors).toBeUndefined();
  });
});

describe('errors inside deferred fragments', () => {
  it('carry their code and path, as errors outside them do', async () => {
    const payloads = await multipart(
      await request(
        '{ graphStats { entityCount } ... @defer { traverse(from: "a", maxDepth: 99) { entities { depth } } } }',
        'multipart/mixed',
      ),
    );
    const [error] = payloads
      .flatMap((payload) => payload.incremental ?? [])
      .flatMap((increment) => (increment as { errors?: GraphQLErrorShape[] }).errors ?? []);
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error?.path).toEqual(['traverse']);
  });

  it('are masked when unexpected: the cause is not sent', async () => {
    const broken = createTestApp(
      {},
      {
        storage: (settings) => {
          const storage = createStorage(settings);
          storage.graph.stats = () => Promise.reject(new Error('internal detail: socket /var/x'));
          return storage;
        },
      },
    );
    const { url: brokenUrl } = await broken.start(0);
    try {
      const response = await fetch(brokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'multipart/mixed' },
        body: JSON.stringify({ query: '{ __typename ... @defer { graphStats { entityCount } } }' }),
      });
      const body = await response.text();
      expect(body).not.toContain('internal detail');
      const [error] = (await multipart(new Response(body, { headers: response.headers })))
        .flatMap((payload) => payload.incremental ?? [])
        .flatMap((increment) => (increment as { errors?: GraphQLErrorShape[] }).errors ?? []);
      expect(error).toMatchObject({
        message: 'Unexpected error.',
        path: ['graphStats'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
    } finally {
      await broken.stop();
    }
  });
});

describe('@defer and @stream over graphql-ws', () => {
  it('sends the initial result and each increment as its own next message', async () => {
    const client = connectWs(app, clients);
    const payloads = await new Promise<Payload[]>((resolve, reject) => {
      const received: Payload[] = [];
      client.subscribe(
        { query: DEFERRED_GRAPH },
        {
          next: (value) => received.push(value as Payload),
          error: reject,
          complete: () => resolve(received),
        },
      );
    });
    expect(payloads.length).toBeGreaterThan(1);
    expectDeferredGraph(payloads);
  });
});

describe('a mutation with @defer in its selection', () => {
  const created = (from: string) =>
    `mutation { createRelationship(input: { from: "${from}", to: "z", type: LINKED }) { id ... @defer { type } } }`;

  async function auditedFrom(from: string): Promise<Array<{ action: string; outcome: string }>> {
    const result = await post(
      '{ auditLog(first: 100) { edges { node { action outcome targets } } } }',
    );
    const log = result.data?.auditLog as
      | { edges: Array<{ node: { action: string; outcome: string; targets: string[] } }> }
      | undefined;
    const edges = log?.edges ?? [];
    return edges
      .filter(({ node }) => node.targets.includes(from))
      .map(({ node }) => ({ action: node.action, outcome: node.outcome }));
  }

  it('leaves its audit entry, over multipart and over graphql-ws', async () => {
    const payloads = await multipart(await request(created('audit-http'), 'multipart/mixed'));
    expect(payloads.at(-1)?.hasNext).toBe(false);
    expect(await auditedFrom('audit-http')).toEqual([
      { action: 'createRelationship', outcome: 'ok' },
    ]);
    const client = connectWs(app, clients);
    await new Promise<void>((resolve, reject) => {
      client.subscribe(
        { query: created('audit-ws') },
        { next: () => {}, error: reject, complete: resolve },
      );
    });
    expect(await auditedFrom('audit-ws')).toEqual([
      { action: 'createRelationship', outcome: 'ok' },
    ]);
  });
});
