/**
 * Limits on what a client may hold open at the socket, before GraphQL sees anything: how long
 * it may take to send its headers and its body, how many connections may be open at once
 * (WebSockets are upgraded HTTP connections, so they count too), and how large a body is read
 * before the caller is known. Together they bound the memory slow or many clients can pin
 * to about NEXUS_MAX_CONNECTIONS × the body a connection may send, for at most the request
 * timeout.
 */
import type { IncomingMessage, Server, ServerOptions, ServerResponse } from 'node:http';
import { DomainError } from '../../domain/shared/errors.js';
import { isAuthenticated } from '../../domain/shared/viewer.js';
import type { Authenticator } from '../authenticate.js';
import type { Logger } from '../logger.js';
import { codeOfStatus, errorBody } from './status-codes.js';

export interface HttpLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxConnections: number;
  maxAnonymousBodyBytes: number;
}

/** How often refused connections are logged at most (a flood must not flood the log too). */
const DROP_LOG_INTERVAL_MS = 60_000;

/** Options for http.createServer: the timeouts, and a check frequent enough to keep them. */
export function httpServerOptions(limits: HttpLimits): ServerOptions {
  // Node checks the header and request timeouts on an interval (30 s by default), so a
  // timeout is only as precise as that interval: keep it a fraction of the shorter one.
  const shortest = Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs);
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.min(1_000, Math.max(25, Math.floor(shortest / 4))),
  };
}

/**
 * At most `maxConnections` open sockets: Node closes any further one as it is accepted,
 * before a byte of it is read. Refusals are logged, at most once a minute.
 */
export function limitConnections(server: Server, maxConnections: number, logger: Logger): void {
  server.maxConnections = maxConnections;
  let dropped = 0;
  let lastLogged = 0;
  server.on('drop', () => {
    dropped += 1;
    const now = Date.now();
    if (now - lastLogged < DROP_LOG_INTERVAL_MS) return;
    lastLogged = now;
    logger.warn({ dropped, maxConnections }, 'refusing connections: NEXUS_MAX_CONNECTIONS reached');
    dropped = 0;
  });
}

/**
 * A body larger than anonymous requests need (introspection, a small query) is read only for a
 * caller with a valid token: without one it is refused (413), with an invalid one it is
 * UNAUTHENTICATED (401), as it would be after reading it, but before it is read, so that a
 * client unknown to the server cannot make it hold large bodies. Resolves whether the request
 * may go on; small bodies and development mode (no secret) go on at once.
 */
export function admitBody(
  request: IncomingMessage,
  response: ServerResponse,
  authenticator: Authenticator,
  maxAnonymousBytes: number,
): boolean | Promise<boolean> {
  if (authenticator.development) return true;
  const declared = Number(request.headers['content-length'] ?? 0);
  if (!(declared > maxAnonymousBytes)) return true;
  return authenticator.authenticate(request.headers.authorization).then(
    ({ viewer }) => {
      if (isAuthenticated(viewer)) return true;
      refuse(
        request,
        response,
        413,
        `request bodies larger than ${maxAnonymousBytes} bytes need an Authorization bearer token`,
      );
      return false;
    },
    (error: unknown) => {
      const message = error instanceof DomainError ? error.message : 'the token is not valid';
      refuse(request, response, 401, message);
      return false;
    },
  );
}

function refuse(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  message: string,
): void {
  response.writeHead(status, { 'content-type': 'application/json', connection: 'close' });
  response.end(errorBody(message, codeOfStatus(status) ?? 'BAD_REQUEST'));
  // Discarded as it comes, never buffered; `connection: close` ends the socket after the answer.
  request.resume();
}

/**
 * Bodies larger than the limit are refused before anything reads them (413), and so are POST
 * bodies of unknown length (411), which could otherwise grow without bound while buffered.
 */
export function refuseOversizedBody(
  request: IncomingMessage,
  response: ServerResponse,
  maxBytes: number,
): boolean {
  const declared = request.headers['content-length'];
  const length = declared === undefined ? null : Number(declared);
  const unknownLength = length === null && request.headers['transfer-encoding'] !== undefined;
  if (!unknownLength && (length === null || length <= maxBytes)) return false;
  const [status, message] = unknownLength
    ? [411, 'send the request body with a Content-Length']
    : [413, `the request body is larger than ${maxBytes} bytes`];
  refuse(request, response, status, message);
  return true;
}
