/**
 * Request ids: the client's `x-request-id` when it is a safe token (bounded, characters that
 * need no escaping in a header, a log line or a URL), else a new UUID. The id of the request
 * being served is kept in an AsyncLocalStorage, so every log line written while serving it
 * carries it, wherever it is written from (see logger.ts).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';
const MAX_REQUEST_ID_LENGTH = 128;

const SAFE = /^[A-Za-z0-9._:=+/-]+$/;

/** The client's id if it is acceptable, else a fresh one. */
export function acceptRequestId(given: string | string[] | null | undefined): string {
  const value = Array.isArray(given) ? given[0] : given;
  if (value && value.length <= MAX_REQUEST_ID_LENGTH && SAFE.test(value)) return value;
  return randomUUID();
}

const scope = new AsyncLocalStorage<string>();

/** Runs `work` as part of the request `requestId` (its logs carry the id). */
export function withRequestId<T>(requestId: string, work: () => T): T {
  return scope.run(requestId, work);
}

/** The id of the request being served here, if any. */
export function currentRequestId(): string | undefined {
  return scope.getStore();
}
