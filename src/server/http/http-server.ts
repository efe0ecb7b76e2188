/** The Node HTTP server in front of yoga: socket-level limits first, then GraphQL. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SecurityConfig } from '../../config.js';
import type { Authenticator } from '../authenticate.js';
import type { Logger } from '../logger.js';
import { answerClientErrors } from './client-errors.js';
import { refuseForeignOrigin } from './cors.js';
import { createDashboardRoute } from './dashboard-route.js';
import {
  admitBody,
  httpServerOptions,
  limitConnections,
  refuseOversizedBody,
} from './http-limits.js';
import type { OriginPolicy } from './origin-policy.js';

export interface HttpServerOptions {
  /** Serves a request once it is admitted (yoga). */
  handle: (request: IncomingMessage, response: ServerResponse) => unknown;
  authenticator: Authenticator;
  security: SecurityConfig;
  logger: Logger;
  /** Requests from browser origins it refuses get a 403 before anything else is done. */
  originPolicy: OriginPolicy;
}

export function createHttpServer({
  handle,
  authenticator,
  security,
  logger,
  originPolicy,
}: HttpServerOptions): Server {
  const dashboard = security.dashboard
    ? createDashboardRoute({ authRequired: !authenticator.development })
    : undefined;
  const serve = (request: IncomingMessage, response: ServerResponse) => {
    if (!dashboard?.(request, response)) void handle(request, response);
  };
  const server = createServer(httpServerOptions(security), (request, response) => {
    if (refuseForeignOrigin(request, response, originPolicy)) return;
    if (refuseOversizedBody(request, response, security.maxBodyBytes)) return;
    const admitted = admitBody(request, response, authenticator, security.maxAnonymousBodyBytes);
    if (admitted === true) serve(request, response);
    else if (admitted !== false) {
      void admitted.then((ok) => {
        if (ok) serve(request, response);
      });
    }
  });
  answerClientErrors(server);
  limitConnections(server, security.maxConnections, logger);
  return server;
}

/**
 * Listens on `port` (0 picks a free one) at `host` (undefined: every interface); resolves with
 * the port it got.
 */
export function listen(server: Server, port: number, host?: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export interface CloseOptions {
  /** How long in-flight requests may take to finish before their sockets are closed. */
  drainTimeoutMs: number;
  /** Closes the upgraded (WebSocket) connections, which server.close() does not wait for. */
  closeUpgraded: () => Promise<void>;
}

/** Stops accepting, lets in-flight requests finish (up to the drain timeout), closes sockets. */
export async function closeHttpServer(server: Server, options: CloseOptions): Promise<void> {
  const drain = setTimeout(() => server.closeAllConnections(), options.drainTimeoutMs);
  const closed = new Promise<void>((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
  });
  server.closeIdleConnections();
  await options.closeUpgraded();
  await closed;
  clearTimeout(drain);
}
