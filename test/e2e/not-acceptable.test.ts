/**
 * A request whose Accept header admits no format its result could be sent in is answered 406
 * before it runs: a mutation told "Not Acceptable" has written nothing (and so has nothing to
 * audit), whether its Accept admits no GraphQL format at all or none for the incremental
 * result @defer / @stream make.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { createTestApp } from '../helpers/app.js';

let app: App;
let url: string;

beforeAll(async () => {
  app = createTestApp({ security: { subscriptionsPerUser: 1 } as Config['security'] });
  ({ url } = await app.start(0));
});
afterAll(() => app.stop());

async function post(query: string, accept = 'application/graphql-response+json') {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, text: await response.text() };
}

const create = (from: string, selection = '{ id }') =>
  `mutation { createRelationship(input: { from: "${from}", to: "z", type: LINKED }) ${selection} }`;

/** Whether `from` has any relationship, and the audit entries naming it. */
async function tracesOf(from: string) {
  const { text } = await post(
    `{ entity(id: "${from}") { relationships { totalCount } } auditLog(first: 100) { edges { node { targets } } } }`,
  );
  const body = JSON.parse(text) as {
    data: {
      entity: { relationships: { totalCount: number } };
      auditLog: { edges: Array<{ node: { targets: string[] } }> };
    };
  };
  return {
    created: body.data.entity.relationships.totalCount > 0,
    audited: body.data.auditLog.edges.filter(({ node }) => node.targets.includes(from)).length,
  };
}

describe('406 before anything runs', () => {
  it('a mutation with @defer from a client that accepts JSON only', async () => {
    const { status, text } = await post(create('accept-json', '{ id ... @defer { type } }'));
    expect(status).toBe(406);
    expect(JSON.parse(text).errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(await tracesOf('accept-json')).toEqual({ created: false, audited: 0 });
  });

  it('a mutation from a client that accepts no GraphQL format', async () => {
    const { status } = await post(create('accept-png'), 'image/png');
    expect(status).toBe(406);
    expect(await tracesOf('accept-png')).toEqual({ created: false, audited: 0 });
  });

  it('runs what it can send: @defer(if: false) as JSON, @defer over multipart', async () => {
    const single = await post(create('defer-off', '{ id ... @defer(if: false) { type } }'));
    expect(single.status).toBe(200);
    expect(JSON.parse(single.text).data?.createRelationship?.type).toBe('LINKED');
    const incremental = await post(
      create('defer-on', '{ id ... @defer { type } }'),
      'multipart/mixed',
    );
    expect(incremental.status).toBe(200);
    for (const from of ['defer-off', 'defer-on']) {
      expect(await tracesOf(from)).toEqual({ created: true, audited: 1 });
    }
  });

  it('a subscription from a client that does not accept text/event-stream holds no slot', async () => {
    // One subscription per user here: a refused one that kept its slot would refuse the next.
    for (let n = 0; n < 3; n++) {
      const { status } = await post('subscription { nexusEvents { type } }', 'application/json');
      expect(status).toBe(406);
    }
    const stream = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription { nexusEvents { type } }' }),
    });
    expect(stream.status).toBe(200);
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    await post(create('after-refused-subscriptions'));
    let received = '';
    while (!received.includes('data:')) {
      const { value, done } = await reader.read();
      if (done) break;
      received += decoder.decode(value);
    }
    await reader.cancel();
    expect(received).toContain('"type":"RELATIONSHIP_CREATED"');
    expect(received).not.toContain('LIMIT_EXCEEDED');
  });
});
