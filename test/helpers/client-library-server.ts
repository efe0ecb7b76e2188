/**
 * What the client-library tests (Apollo Client, urql) share: a server on a real port with a JWT
 * secret and a token for it, the graphql-ws clients they open (disposed after the file), and
 * what a recorded request carried.
 */
import { type Client, createClient } from 'graphql-ws';
import { afterAll, beforeAll } from 'vitest';
import WebSocket from 'ws';
import type { App } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { signToken } from '../../src/server/authenticate.js';
import { createTestApp } from './app.js';

export interface ClientLibraryServer {
  /** The GraphQL endpoint's http URL (set in beforeAll). */
  readonly url: string;
  /** A bearer token for user alice (set in beforeAll). */
  readonly token: string;
  /** A graphql-ws client for an http(s) GraphQL URL, disposed after the file's tests. */
  socket(url: string, connectionParams: Record<string, string>): Client;
}

export function useClientLibraryServer(secret: string): ClientLibraryServer {
  let app: App | undefined;
  const sockets: Client[] = [];
  const server = {
    url: '',
    token: '',
    socket(url: string, connectionParams: Record<string, string>): Client {
      const socket = createClient({
        url: url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams,
      });
      sockets.push(socket);
      return socket;
    },
  };
  beforeAll(async () => {
    app = createTestApp({ jwtSecret: secret } as Partial<Config>);
    server.url = (await app.start(0)).url;
    server.token = await signToken(secret, { sub: 'alice' });
  });
  afterAll(async () => {
    await Promise.all(sockets.map((socket) => socket.dispose()));
    await app?.stop();
  });
  return server;
}

/** A request's method and GraphQL parameters (from the query string of a GET, else the body). */
export function requestOf(
  input: Parameters<typeof fetch>[0],
  init: Parameters<typeof fetch>[1],
): { method: string; query: string | undefined; hash: string | undefined } {
  const target = new URL(String(input));
  const method = init?.method ?? 'GET';
  const params: { query?: string; extensions?: { persistedQuery?: { sha256Hash?: string } } } =
    method === 'GET'
      ? {
          query: target.searchParams.get('query') ?? undefined,
          extensions: JSON.parse(target.searchParams.get('extensions') ?? '{}'),
        }
      : JSON.parse(String(init?.body));
  return { method, query: params.query, hash: params.extensions?.persistedQuery?.sha256Hash };
}
