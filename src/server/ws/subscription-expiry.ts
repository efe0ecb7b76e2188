/**
 * Subscriptions over HTTP (SSE) end when the caller's token does, as graphql-ws closes its
 * socket then: the last result says UNAUTHENTICATED, then the stream completes.
 */
import type { ExecutionResult } from 'graphql';
import { UnauthenticatedError } from '../../domain/shared/errors.js';
import { fromDomainError } from '../graphql-errors.js';

/** Node timers overflow past ~24.8 days; such tokens outlive any sane stream. */
const MAX_DELAY_MS = 2 ** 31 - 1;

export function endingAt(
  results: AsyncIterableIterator<ExecutionResult>,
  expiresAtMs: number,
): AsyncIterableIterator<ExecutionResult> {
  let timer: NodeJS.Timeout | undefined;
  let expired = false;
  let finished = false;
  const expiry = new Promise<void>((resolve) => {
    timer = setTimeout(
      () => {
        expired = true;
        resolve();
        // Ends the source (and frees what it holds) even while nobody waits on it.
        void results.return?.();
      },
      Math.min(Math.max(0, expiresAtMs - Date.now()), MAX_DELAY_MS),
    );
    timer.unref();
  });
  const end = (): IteratorResult<ExecutionResult> => {
    finished = true;
    clearTimeout(timer);
    return { value: undefined, done: true };
  };
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      if (finished) return end();
      const result = await Promise.race([results.next(), expiry.then(() => null)]);
      if (expired) {
        finished = true;
        return {
          value: { errors: [fromDomainError(new UnauthenticatedError('the token expired'))] },
          done: false,
        };
      }
      if (result === null || result.done) return end();
      return result;
    },
    async return() {
      await results.return?.();
      return end();
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
