/** A graphql-ws client on an app's port, and subscriptions read as lists of results. */
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { App } from '../../src/app.js';
import type { GraphQLErrorShape } from './app.js';

export function connectWs(app: App, clients: Client[], token?: string): Client {
  const address = app.server.address();
  if (typeof address !== 'object' || address === null) throw new Error('not listening');
  const client = createClient({
    url: `ws://localhost:${address.port}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
  clients.push(client);
  return client;
}

/** One subscription: its data (the root field's value) one result at a time, or all until it ends. */
export function subscribeWs<T>(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
) {
  const iterator = client.iterate<Record<string, T>>({ query, variables });
  const dataOf = (value: { data?: Record<string, T> | null; errors?: unknown }): T => {
    if (value.errors) throw new Error(JSON.stringify(value.errors));
    return Object.values(value.data ?? {})[0] as T;
  };
  return {
    /** The next `count` results, failing on an error. */
    async take(count: number): Promise<T[]> {
      const results: T[] = [];
      while (results.length < count) {
        const { value, done } = await iterator.next();
        if (done) break;
        results.push(dataOf(value));
      }
      return results;
    },
    /** Every result until the subscription completes. */
    async rest(): Promise<T[]> {
      const results: T[] = [];
      for (;;) {
        const { value, done } = await iterator.next();
        if (done) return results;
        results.push(dataOf(value));
      }
    },
    /** How the subscription ended: its results, and the GraphQL errors it ended with. */
    async outcome(): Promise<{ data: T[]; errors: GraphQLErrorShape[] }> {
      const data: T[] = [];
      const errors: GraphQLErrorShape[] = [];
      try {
        for (;;) {
          const { value, done } = await iterator.next();
          if (done) return { data, errors };
          // A refused subscription arrives as one result with errors, then completes.
          if (value.errors) errors.push(...(value.errors as GraphQLErrorShape[]));
          else data.push(dataOf(value));
        }
      } catch (error) {
        if (Array.isArray(error)) return { data, errors: error as GraphQLErrorShape[] };
        throw error;
      }
    },
    close: () => iterator.return?.(),
  };
}
