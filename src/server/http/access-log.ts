/**
 * The access log and request ids at the edge of the Node server, before any limit or route
 * answers: every HTTP request gets an id (the client's `x-request-id` if acceptable, else a new
 * one), returned in the response's `x-request-id` header, and one log line once its response
 * is done (or the client went away): method, path, status, duration, the GraphQL operation if
 * there was one. A WebSocket connection (graphql-ws) gets an id at its upgrade, which every
 * operation on it shares, and one line when it closes: its duration and the operations it ran.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Logger } from '../logger.js';
import { isOperationName, OTHER_OPERATIONS } from '../operation-name.js';
import { acceptRequestId, REQUEST_ID_HEADER } from '../request-id.js';

export { OTHER_OPERATIONS };

interface Entry {
  requestId: string;
  startedAt: bigint;
  /** The operation of an HTTP request, once yoga knows it. */
  operation?: { name: string | null; type: string | null };
  /** Operations run on a WebSocket connection, by name. */
  operations?: Map<string, number>;
}

const entries = new WeakMap<IncomingMessage, Entry>();

/** Names a connection's close line counts one by one; the rest are counted together. */
export const MAX_LOGGED_OPERATION_NAMES = 20;

/**
 * The name the client gave is any string (params.operationName, before any document says
 * otherwise): only a GraphQL name is logged, so that one request cannot write a megabyte into
 * its line, nor a long-lived connection grow its count of names without end.
 */
function loggedName(name: string | null): string | null {
  return name === null || isOperationName(name) ? name : OTHER_OPERATIONS;
}

/** Told by yoga (use-access-log.ts) which operation a request, or a connection, runs. */
export function noteOperation(
  request: IncomingMessage | undefined,
  name: string | null,
  type: string | null,
): void {
  const entry = request ? entries.get(request) : undefined;
  if (!entry) return;
  const logged = loggedName(name);
  if (entry.operations) {
    let key = logged ?? type ?? 'anonymous';
    if (!entry.operations.has(key) && entry.operations.size >= MAX_LOGGED_OPERATION_NAMES)
      key = OTHER_OPERATIONS;
    entry.operations.set(key, (entry.operations.get(key) ?? 0) + 1);
  } else entry.operation = { name: logged, type };
}

/** Ids and log lines for every request and upgrade `server` receives. */
export function logAccess(server: Server, logger: Logger): void {
  // Prepended: the id exists before the limits, the dashboard or yoga see the request.
  server.prependListener('request', (request, response) => {
    const entry = admit(request);
    response.setHeader(REQUEST_ID_HEADER, entry.requestId);
    response.once('close', () => {
      logger.info(
        {
          requestId: entry.requestId,
          method: request.method,
          path: pathOf(request.url),
          status: response.statusCode,
          durationMs: elapsedMs(entry.startedAt),
          ...(entry.operation
            ? { operationName: entry.operation.name, operationType: entry.operation.type }
            : {}),
          ...(response.writableFinished ? {} : { aborted: true }),
        },
        'http request',
      );
    });
  });
  server.prependListener('upgrade', (request, socket) => {
    const entry = admit(request);
    entry.operations = new Map();
    socket.once('close', () => {
      logger.info(
        {
          requestId: entry.requestId,
          path: pathOf(request.url),
          durationMs: elapsedMs(entry.startedAt),
          operations: Object.fromEntries(entry.operations ?? []),
        },
        'websocket closed',
      );
    });
  });
}

/**
 * The request's id, written back into its headers: yoga (use-request-id.ts) and graphql-ws
 * read it from there, so an id made here is the one they use.
 */
function admit(request: IncomingMessage): Entry {
  const requestId = acceptRequestId(request.headers[REQUEST_ID_HEADER]);
  request.headers[REQUEST_ID_HEADER] = requestId;
  const entry: Entry = { requestId, startedAt: process.hrtime.bigint() };
  entries.set(request, entry);
  return entry;
}

/** The path without its query string (a GET query carries the whole document there). */
function pathOf(url: string | undefined): string {
  if (!url) return '/';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

function elapsedMs(startedAt: bigint): number {
  return Math.round(Number(process.hrtime.bigint() - startedAt) / 1e4) / 100;
}
