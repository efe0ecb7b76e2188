/** graphql-ws on the HTTP server's GraphQL path, executing through yoga's envelop pipeline. */
import type { IncomingMessage, Server } from 'node:http';
import { type ExecutionResult, GraphQLError } from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import { isAsyncIterable, type YogaServerInstance } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import { DomainError, SubscriberTooSlowError } from '../../domain/shared/errors.js';
import type { Authenticator } from '../authenticate.js';
import type { Context } from '../context.js';
import { fromDomainError } from '../graphql-errors.js';
import { admitsOrigin, type OriginPolicy } from '../http/origin-policy.js';
import { REQUEST_ID_HEADER } from '../request-id.js';
import { withRequestIdIn, withRequestIdInErrors } from '../request-id-errors.js';
import { serveGraphQLWebSocket } from './graphql-ws-server.js';
import {
  type ConnectionIdentity,
  connectionAuthorization,
  connectionIdentity,
  operationAuthorization,
  operationIdentity,
} from './operation-viewer.js';
import { type ErrorMask, type ResultTarget, subscribeShared } from './shared-subscriptions.js';
import { PEER_TOO_SLOW } from './socket-writer.js';
import { endingAt } from './subscription-expiry.js';
import { wsErrors, wsFormattedError, wsResult } from './ws-errors.js';

/** graphql-ws's own close code for a refused connection_init (bad token) and expired tokens. */
const FORBIDDEN = 4403;

/**
 * Carried to graphql-ws's execute and subscribe through the root value: yoga's enveloped
 * execute, and where a subscription's results go when its source pushes them.
 */
interface EnvelopedRoot {
  execute: NonNullable<ServerOptions['execute']>;
  target: ResultTarget;
}

/** Each shared result is serialised once, whichever operations and sockets it goes to. */
const serialised = new WeakMap<ExecutionResult, string>();

/** graphql-ws's `next` message for operation `id`, with the result's JSON spliced in. */
function nextFrame(id: string, result: ExecutionResult): string {
  let payload = serialised.get(result);
  if (payload === undefined) {
    payload = JSON.stringify(wsResult(result));
    serialised.set(result, payload);
  }
  return `{"id":${JSON.stringify(id)},"type":"next","payload":${payload}}`;
}

export interface WebSocketHandle {
  /** Closes every socket (1001 going away) and stops accepting new ones. */
  close(): Promise<void>;
}

/** Limits that keep one client, or many, from exhausting the server. */
export interface WebSocketLimits {
  /** Close code 1013 (try again later) past this many open connections. */
  maxConnections: number;
  /** A subscribe past this many active operations on one connection fails with LIMIT_EXCEEDED. */
  maxOperationsPerConnection: number;
  /** Messages above this size close the connection (1009). */
  maxPayloadBytes: number;
  /** Connections that do not send connection_init in time are closed (4408). */
  connectionInitWaitTimeoutMs: number;
  /** Ping interval; a peer that does not answer is dropped. */
  keepAliveMs: number;
  /** Frames held for a peer that stopped reading before its connection is closed (1008). */
  maxQueuedMessages: number;
}

export const DEFAULT_WEBSOCKET_LIMITS: WebSocketLimits = {
  maxConnections: 10_000,
  maxOperationsPerConnection: 100,
  maxPayloadBytes: 1024 * 1024,
  connectionInitWaitTimeoutMs: 3_000,
  keepAliveMs: 12_000,
  maxQueuedMessages: 1_000,
};

export interface WebSocketOptions {
  authenticator: Authenticator;
  limits: WebSocketLimits;
  /** Applied once to each shared subscription result (see shared-subscriptions.ts). */
  maskError: ErrorMask;
  onInternalError: (error: unknown) => void;
  /** Handshakes from browser origins it refuses get a 403 (cross-site WebSocket hijacking). */
  originPolicy: OriginPolicy;
}

export function attachGraphQLWebSocket(
  server: Server,
  // biome-ignore lint/suspicious/noExplicitAny: yoga's instance type is generic in both contexts
  yoga: YogaServerInstance<any, any>,
  { authenticator, limits, maskError, onInternalError, originPolicy }: WebSocketOptions,
): WebSocketHandle {
  const wss = new WebSocketServer({
    server,
    path: yoga.graphqlEndpoint,
    maxPayload: limits.maxPayloadBytes,
    // Browsers let any page open a WebSocket to any address and send no preflight: the
    // Origin of the handshake is the only sign of a page on another site.
    verifyClient: ({ req }, done) => {
      if (admitsOrigin(originPolicy, req.headers)) done(true);
      else done(false, 403, 'Origin not allowed');
    },
  });
  wss.on('connection', (socket) => {
    if (wss.clients.size > limits.maxConnections)
      socket.close(1013, 'Too many connections, try again later');
  });
  const operations = new WeakMap<object, Set<string>>();
  const identities = new WeakMap<object, ConnectionIdentity>();
  const expiries = new WeakMap<object, NodeJS.Timeout>();
  const disposable = serveGraphQLWebSocket(
    {
      // The token comes in connectionParams.authorization; a bad one closes with 4403. An
      // operation may bring its own (see operation-viewer.ts).
      onConnect: async (ctx) => {
        try {
          const authorization = connectionAuthorization(ctx.connectionParams);
          const { viewer, expiresAtMs } = await authenticator.authenticate(authorization);
          identities.set(ctx, connectionIdentity(viewer, authorization));
          if (expiresAtMs !== null) {
            // Node timers overflow past ~24.8 days; such tokens outlive any sane connection.
            const delay = Math.min(Math.max(0, expiresAtMs - Date.now()), 2 ** 31 - 1);
            const timer = setTimeout(
              () => ctx.extra.socket.close(FORBIDDEN, 'Token expired'),
              delay,
            );
            timer.unref();
            expiries.set(ctx, timer);
          }
          return true;
        } catch {
          return false;
        }
      },
      onClose: (ctx) => clearTimeout(expiries.get(ctx)),
      // No HTTP status line here: yoga's `extensions.http` would only leak (see ws-errors.ts).
      // The connection's request id goes on every error here, after every plugin (masking
      // included) has had its say: refused operations and @defer / @stream payloads too.
      onError: (ctx, _id, _payload, errors) => {
        const requestId = requestIdOf(ctx.extra.request);
        if (requestId === undefined) return wsErrors(errors);
        return errors.map((error) => wsFormattedError(withRequestIdIn(error, requestId)));
      },
      onNext: (ctx, _id, _payload, _args, result) => {
        const requestId = requestIdOf(ctx.extra.request);
        const named = requestId === undefined ? result : withRequestIdInErrors(result, requestId);
        const formatted = wsResult(named);
        return formatted === result ? undefined : formatted;
      },
      execute: (args) => (args.rootValue as EnvelopedRoot).execute(args),
      // Subscriptions skip the envelop result layers (one per plugin, per subscriber, per
      // event): their results are shared between subscribers and masked once.
      subscribe: async (args) => {
        const results = await subscribeShared(
          args,
          maskError,
          (args.rootValue as EnvelopedRoot).target,
        );
        // An operation's own token ends that operation when it expires (the connection's
        // closes the socket).
        const expiresAtMs = (args.contextValue as Context).expiresAtMs;
        return expiresAtMs == null || !isAsyncIterable(results)
          ? results
          : endingAt(results, expiresAtMs);
      },
      connectionInitWaitTimeout: limits.connectionInitWaitTimeoutMs,
      onComplete: (ctx, id) => {
        operations.get(ctx)?.delete(id);
      },
      onSubscribe: async (ctx, id, params) => {
        const active = operations.get(ctx) ?? new Set<string>();
        operations.set(ctx, active);
        if (active.size >= limits.maxOperationsPerConnection) {
          return [
            new GraphQLError(
              `at most ${limits.maxOperationsPerConnection} operations per connection`,
              {
                extensions: { code: 'LIMIT_EXCEEDED' },
              },
            ),
          ];
        }
        active.add(id);
        const connection = identities.get(ctx);
        if (!connection) throw new Error('subscribe before connection_init was acknowledged');
        let identity: Awaited<ReturnType<typeof operationIdentity>>;
        try {
          identity = await operationIdentity(
            connection,
            operationAuthorization(params.extensions),
            authenticator,
          );
        } catch (error) {
          active.delete(id);
          if (error instanceof DomainError) return [fromDomainError(error)];
          throw error;
        }
        const { schema, execute, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          viewer: identity.viewer,
          expiresAtMs: identity.expiresAtMs,
          params,
        });
        let document: ReturnType<typeof parse>;
        try {
          document = parse(params.query);
        } catch (error) {
          // Syntax errors and refused documents are the client's, not a reason to drop the socket.
          active.delete(id);
          if (error instanceof GraphQLError) return [withParseCode(error)];
          throw error;
        }
        const errors = validate(schema, document);
        if (errors.length > 0) {
          active.delete(id);
          return errors;
        }
        const writer = ctx.extra.writer;
        const rootValue: EnvelopedRoot = {
          execute,
          target: {
            deliver: (result) => writer.write(nextFrame(id, result)),
            whenReady: () => writer.whenReady(),
            // A subscriber too slow to keep up is cut off with a clear close code, not left
            // to buffer.
            failed: (error) => {
              if (error instanceof SubscriberTooSlowError)
                ctx.extra.socket.close(PEER_TOO_SLOW, error.message.slice(0, 120));
            },
          },
        };
        return {
          schema,
          document,
          operationName: params.operationName,
          variableValues: params.variables,
          contextValue: await contextFactory(),
          rootValue,
        };
      },
    },
    wss,
    limits,
    onInternalError,
  );
  return {
    close: async () => {
      // Going-away closes let operations end; a peer that stopped reading would keep a send
      // pending forever, so after a grace period the remaining sockets are terminated.
      let grace: NodeJS.Timeout | undefined;
      await Promise.race([
        disposable.dispose(),
        new Promise<void>((resolve) => {
          grace = setTimeout(resolve, 1_000);
        }),
      ]);
      clearTimeout(grace);
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/** The connection's id, given to its upgrade request at the edge (http/access-log.ts). */
function requestIdOf(request: IncomingMessage): string | undefined {
  const id = request.headers[REQUEST_ID_HEADER];
  return typeof id === 'string' ? id : undefined;
}

/**
 * A syntax error, marked as yoga marks it over HTTP (its code, and the 400 that only HTTP uses).
 * In place, as yoga does: yoga's parser cache keeps this very error for the text, and throws it
 * to the next request sending that text, HTTP included; left unmarked, that request would be
 * answered 200 with no code. The guards' refusals carry a code already and are not cached.
 */
function withParseCode(error: GraphQLError): GraphQLError {
  const extensions = error.extensions as Record<string, unknown>;
  if (extensions.code !== undefined) return error;
  extensions.code = 'GRAPHQL_PARSE_FAILED';
  extensions.http ??= { spec: true, status: 400 };
  return error;
}
