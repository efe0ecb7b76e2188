/**
 * Apollo Client 4 against a real server on a real port, configured as the README's Clients
 * section says: HttpLink behind PersistedQueryLink (hashed queries over GET) for queries and
 * mutations, GraphQLWsLink over graphql-ws for subscriptions, a bearer token on both.
 */
import { createHash } from 'node:crypto';
import {
  ApolloClient,
  ApolloLink,
  CombinedGraphQLErrors,
  HttpLink,
  InMemoryCache,
} from '@apollo/client';
import { Defer20220824Handler } from '@apollo/client/incremental';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { requestOf, useClientLibraryServer } from '../helpers/client-library-server.js';

const SECRET = 'apollo-client-test-secret-0123456789abcdef';

/** What went over HTTP: each request's method and GraphQL parameters, and the reply's codes. */
interface Sent {
  method: string;
  query: string | undefined;
  hash: string | undefined;
  codes: string[];
}

const server = useClientLibraryServer(SECRET);

/** The client as an application would build it, with a fetch that records what it sent. */
function apolloClient(sent: Sent[]) {
  const { url, token } = server;
  const recordingFetch: typeof fetch = async (input, init) => {
    const request = requestOf(input, init);
    const response = await fetch(input, init);
    // Incremental (multipart) replies are read by the client only.
    const json = response.headers.get('content-type')?.includes('json') ?? false;
    const reply = (json ? await response.clone().json() : {}) as {
      errors?: Array<{ extensions?: { code?: string } }>;
    };
    sent.push({
      ...request,
      codes: (reply.errors ?? []).map((error) => error.extensions?.code ?? ''),
    });
    return response;
  };
  const http = new HttpLink({
    uri: url,
    fetch: recordingFetch,
    headers: { authorization: `Bearer ${token}` },
  });
  const persisted = new PersistedQueryLink({
    sha256: (text) => createHash('sha256').update(text).digest('hex'),
    useGETForHashedQueries: true,
  });
  const socket = server.socket(url, { authorization: `Bearer ${token}` });
  const isSubscription = ({ query }: ApolloLink.Operation) => {
    const definition = getMainDefinition(query);
    return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
  };
  return new ApolloClient({
    cache: new InMemoryCache(),
    link: ApolloLink.split(isSubscription, new GraphQLWsLink(socket), persisted.concat(http)),
    // Nexus speaks the incremental delivery format of graphql-js 17.0.0-alpha.2 (2022-08-24).
    incrementalHandler: new Defer20220824Handler(),
  });
}

const STATS = parse(`
  query Stats {
    graphStats {
      entityCount
    }
  }
`);

describe('Apollo Client', () => {
  it('runs a query', async () => {
    const client = apolloClient([]);
    const { data } = await client.query({ query: STATS, fetchPolicy: 'network-only' });
    expect(data).toEqual({
      graphStats: { __typename: 'GraphStats', entityCount: expect.any(Number) },
    });
  });

  it('receives a validation error with its code, path and problems', async () => {
    const client = apolloClient([]);
    const mutation = parse(`
      mutation Create($input: CreatePatternInput!) {
        createPattern(input: $input) {
          id
        }
      }
    `);
    const outcome = await client
      .mutate({ mutation, variables: { input: { name: '', category: 'USER', steps: [] } } })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(CombinedGraphQLErrors.is(outcome)).toBe(true);
    const [error] = (outcome as CombinedGraphQLErrors).errors;
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error?.path).toEqual(['createPattern']);
    const issues = error?.extensions?.issues as Array<{ path: string[] }>;
    expect(issues.map((issue) => issue.path.join('.'))).toContain('input.name');
  });

  it('receives a subscription event over graphql-ws', async () => {
    const client = apolloClient([]);
    const link = parse(`
      mutation Link($input: CreateRelationshipInput!) {
        createRelationship(input: $input) {
          id
        }
      }
    `);
    await client.mutate({
      mutation: link,
      variables: { input: { from: 'apollo:0', to: 'x', type: 'LINKED' } },
    });
    // A cursor before the event: the subscription replays from it, so it cannot miss the event.
    const { data } = await client.query<{ events: { cursor: string } }>({
      query: parse(`
        query Cursor {
          events(last: 1) {
            cursor
          }
        }
      `),
      fetchPolicy: 'network-only',
    });
    const since = data?.events.cursor;
    expect(since).toBeTypeOf('string');
    const received = new Promise<unknown>((resolve, reject) => {
      const subscription = client
        .subscribe({
          query: parse(`
            subscription Created($since: ID) {
              nexusEvents(types: [RELATIONSHIP_CREATED], entityId: "apollo:1", since: $since) {
                type
                entityId
              }
            }
          `),
          variables: { since },
        })
        .subscribe({
          next: (result) => {
            subscription.unsubscribe();
            if (result.error) reject(result.error);
            else resolve(result.data);
          },
          error: reject,
        });
    });
    await client.mutate({
      mutation: link,
      variables: { input: { from: 'apollo:1', to: 'y', type: 'LINKED' } },
    });
    expect(await received).toEqual({
      nexusEvents: { __typename: 'NexusEvent', type: 'RELATIONSHIP_CREATED', entityId: 'apollo:1' },
    });
  });

  it('persists a query: a miss, the registration, then the hash alone (GET) on the next run', async () => {
    const sent: Sent[] = [];
    // Text of its own, so no other test registered it.
    const query = parse(`
      query PersistedStats {
        graphStats {
          relationshipCount
        }
      }
    `);
    const first = await apolloClient(sent).query({ query, fetchPolicy: 'network-only' });
    const second = await apolloClient(sent).query({ query, fetchPolicy: 'network-only' });
    expect(second.data).toEqual(first.data);
    const [miss, registration, hit] = sent;
    expect(sent).toHaveLength(3);
    expect(miss).toMatchObject({
      method: 'GET',
      query: undefined,
      codes: ['PERSISTED_QUERY_NOT_FOUND'],
    });
    expect(registration).toMatchObject({ method: 'POST', hash: miss?.hash, codes: [] });
    expect(registration?.query).toContain('relationshipCount');
    expect(hit).toEqual({ method: 'GET', query: undefined, hash: miss?.hash, codes: [] });
  });

  it('reads a deferred fragment as it arrives', async () => {
    const client = apolloClient([]);
    const query = parse(`
      query Deferred {
        graphStats {
          entityCount
        }
        ... @defer {
          detectCycles {
            entities {
              id
            }
          }
        }
      }
    `);
    const states: unknown[] = [];
    await new Promise<void>((resolve, reject) => {
      client
        .watchQuery<{ graphStats: unknown; detectCycles?: unknown }>({
          query,
          fetchPolicy: 'network-only',
        })
        .subscribe({
          next: (result) => {
            if (result.error) reject(result.error);
            if (result.data) states.push(result.data);
            if (!result.loading && result.data?.detectCycles !== undefined) resolve();
          },
          error: reject,
        });
    });
    // First the fast field alone, then with the deferred one.
    expect(states[0]).not.toHaveProperty('detectCycles');
    expect(states.at(-1)).toHaveProperty('detectCycles');
  });
});
