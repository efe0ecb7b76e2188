/**
 * urql (@urql/core) against a real server on a real port, configured as the README's Clients
 * section says: persistedExchange (APQ; hashed queries go as GETs), fetchExchange with the CSRF
 * header those GETs need, and subscriptionExchange over graphql-ws.
 */
import {
  Client,
  cacheExchange,
  fetchExchange,
  type SubscriptionForwarder,
  subscriptionExchange,
} from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';
import { parse } from 'graphql';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createTestApp } from '../helpers/app.js';
import { requestOf, useClientLibraryServer } from '../helpers/client-library-server.js';

const SECRET = 'urql-client-test-secret-0123456789abcdef01';

/** What went over HTTP: each request's method and GraphQL parameters, and the reply's status. */
interface Sent {
  method: string;
  query: string | undefined;
  hash: string | undefined;
  status: number;
}

const server = useClientLibraryServer(SECRET);

function recordingFetch(sent: Sent[]): typeof fetch {
  return async (input, init) => {
    const request = requestOf(input, init);
    const response = await fetch(input, init);
    sent.push({ ...request, status: response.status });
    return response;
  };
}

/**
 * The client as an application would build it. `csrfHeader: false` leaves out the header, to
 * show what happens without it.
 */
function urqlClient(
  sent: Sent[],
  options: { token?: string; csrfHeader?: boolean; url?: string } = {},
) {
  const url = options.url ?? server.url;
  const authorization: Record<string, string> =
    options.token === undefined ? {} : { authorization: `Bearer ${options.token}` };
  const socket = server.socket(url, authorization);
  const forwardSubscription: SubscriptionForwarder = (request) => ({
    subscribe: (sink) => ({
      unsubscribe: socket.subscribe({ ...request, query: request.query ?? '' }, sink),
    }),
  });
  return new Client({
    url,
    fetch: recordingFetch(sent),
    fetchOptions: {
      headers: {
        ...authorization,
        // The persisted exchange sends hashed queries as GETs; CSRF prevention refuses a GET
        // without a header no browser form can set (a bearer token counts as one).
        ...(options.csrfHeader === false ? {} : { 'x-graphql-yoga-csrf': '1' }),
      },
    },
    exchanges: [
      cacheExchange,
      persistedExchange(),
      fetchExchange,
      subscriptionExchange({ forwardSubscription }),
    ],
  });
}

const LINK = parse(`
  mutation Link($input: CreateRelationshipInput!) {
    createRelationship(input: $input) {
      id
    }
  }
`);

describe('urql', () => {
  it('runs a query', async () => {
    const result = await urqlClient([], { token: server.token })
      .query(parse(`{ graphStats { entityCount } }`), {})
      .toPromise();
    expect(result.error).toBeUndefined();
    expect(result.data).toEqual({
      graphStats: { __typename: 'GraphStats', entityCount: expect.any(Number) },
    });
  });

  it('receives a validation error with its code, path and problems', async () => {
    const mutation = parse(`
      mutation Create($input: CreatePatternInput!) {
        createPattern(input: $input) {
          id
        }
      }
    `);
    const result = await urqlClient([], { token: server.token })
      .mutation(mutation, { input: { name: '', category: 'USER', steps: [] } })
      .toPromise();
    const [error] = result.error?.graphQLErrors ?? [];
    expect(error?.extensions.code).toBe('BAD_USER_INPUT');
    expect(error?.path).toEqual(['createPattern']);
    const issues = error?.extensions.issues as Array<{ path: string[] }>;
    expect(issues.map((issue) => issue.path.join('.'))).toContain('input.name');
  });

  it('receives a subscription event over graphql-ws', async () => {
    const client = urqlClient([], { token: server.token });
    await client.mutation(LINK, { input: { from: 'urql:0', to: 'x', type: 'LINKED' } }).toPromise();
    // A cursor before the event: the subscription replays from it, so it cannot miss the event.
    const cursor = await client
      .query(parse(`{ events(last: 1) { cursor } }`), {}, { requestPolicy: 'network-only' })
      .toPromise();
    const since = (cursor.data as { events: { cursor: string } }).events.cursor;
    const received = new Promise<unknown>((resolve, reject) => {
      const { unsubscribe } = client
        .subscription(
          parse(`
            subscription Created($since: ID) {
              nexusEvents(types: [RELATIONSHIP_CREATED], entityId: "urql:1", since: $since) {
                type
                entityId
              }
            }
          `),
          { since },
        )
        .subscribe((result) => {
          unsubscribe();
          if (result.error) reject(result.error);
          else resolve(result.data);
        });
    });
    await client.mutation(LINK, { input: { from: 'urql:1', to: 'y', type: 'LINKED' } }).toPromise();
    expect(await received).toEqual({
      nexusEvents: { type: 'RELATIONSHIP_CREATED', entityId: 'urql:1' },
    });
  });

  it('persists a query: a miss, the registration, then the hash alone on the next run', async () => {
    const sent: Sent[] = [];
    const query = parse(`
      query UrqlPersisted {
        graphStats {
          relationshipCount
        }
      }
    `);
    const first = await urqlClient(sent, { token: server.token }).query(query, {}).toPromise();
    const second = await urqlClient(sent, { token: server.token }).query(query, {}).toPromise();
    expect(first.error).toBeUndefined();
    expect(second.data).toEqual(first.data);
    const [miss, registration, hit] = sent;
    expect(sent).toHaveLength(3);
    expect(miss).toMatchObject({ method: 'GET', query: undefined, status: 404 });
    expect(registration).toMatchObject({ hash: miss?.hash, status: 200 });
    expect(registration?.query).toContain('relationshipCount');
    expect(hit).toEqual({ method: 'GET', query: undefined, hash: miss?.hash, status: 200 });
  });

  it('without a token (a server in development mode), the CSRF header lets its GETs through', async () => {
    const open = createTestApp();
    const { url } = await open.start(0);
    onTestFinished(() => open.stop());
    const query = parse(`
      query UrqlAnonymous {
        graphStats {
          entityCount
        }
      }
    `);
    const refused: Sent[] = [];
    const without = await urqlClient(refused, { url, csrfHeader: false })
      .query(query, {})
      .toPromise();
    expect(without.error).toBeDefined();
    expect(refused.map((request) => [request.method, request.status])).toContainEqual(['GET', 403]);
    const accepted = await urqlClient([], { url }).query(query, {}).toPromise();
    expect(accepted.error).toBeUndefined();
  });
});
