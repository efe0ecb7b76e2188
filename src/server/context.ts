import { DomainError } from '../domain/shared/errors.js';
import type { Viewer } from '../domain/shared/viewer.js';
import type { Authenticator } from './authenticate.js';
import { fromDomainError } from './graphql-errors.js';
import type { Services } from './services.js';

/**
 * Per-request context, made fresh for every HTTP request and WebSocket operation, so
 * dataloaders (which the Pothos dataloader plugin keys on this object) never leak across
 * requests.
 */
export interface Context {
  viewer: Viewer;
  services: Services;
  /** What counts as the caller's connection for per-connection limits (its TCP socket). */
  connection?: object;
  /** When the caller's token expires (ms since the epoch), for HTTP; null when it never does. */
  expiresAtMs?: number | null;
}

export interface ContextFactoryOptions {
  services: Services;
  authenticator: Authenticator;
}

/** What yoga hands the factory: the HTTP request, or (graphql-ws) the connection's viewer. */
interface InitialContext {
  request?: Request;
  /** The Node request, when served by the HTTP server (SSE) or graphql-ws (the upgrade). */
  req?: { socket?: object };
  /** Authenticated once per WebSocket connection, at connection_init. */
  viewer?: Viewer;
}

export function createContextFactory({ services, authenticator }: ContextFactoryOptions) {
  return async (initial: InitialContext): Promise<Context> => {
    // Without a Node request (yoga.fetch), each request is a connection of its own.
    const connection = initial.req?.socket ?? {};
    // graphql-ws closes the socket itself when the token expires.
    if (initial.viewer) return { viewer: initial.viewer, services, connection };
    try {
      const { viewer, expiresAtMs } = await authenticator.authenticate(
        initial.request?.headers.get('authorization') ?? undefined,
      );
      return { viewer, services, connection, expiresAtMs };
    } catch (error) {
      // A refused token is an answer (401), not a server error worth a stack in the log.
      throw error instanceof DomainError ? fromDomainError(error) : error;
    }
  };
}
