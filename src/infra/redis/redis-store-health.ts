import type { Redis } from 'ioredis';
import type { StoreHealth } from '../../domain/execution/store-health.js';
import { isRedisReachable } from './client.js';

/** How long to wait for a `ready` before asking Redis again (a frozen Redis sends none). */
const RECHECK_MS = 250;

/**
 * StoreHealth from the shared client: reachable when it is connected and answers a PING
 * (a connection that is open but unanswered is no store); back on each `ready` after a loss.
 */
export function redisStoreHealth(
  redis: Redis,
  isUnavailable: (error: unknown) => boolean,
): StoreHealth {
  const listeners = new Set<() => void>();
  let lost = false;
  redis.on('reconnecting', () => {
    lost = true;
  });
  redis.on('ready', () => {
    if (!lost) return;
    lost = false;
    for (const listener of [...listeners]) listener();
  });
  return {
    isUnavailable,
    async whenAvailable(signal) {
      for (;;) {
        signal.throwIfAborted();
        if (redis.status === 'ready' && (await isRedisReachable(redis))) return;
        signal.throwIfAborted();
        await readyOrLater(redis, signal);
      }
    },
    onAvailable(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Resolves on the client's next `ready` or after RECHECK_MS, whichever is first. */
function readyOrLater(redis: Redis, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      redis.off('ready', done);
      signal.removeEventListener('abort', aborted);
      resolve();
    };
    const aborted = () => {
      clearTimeout(timer);
      redis.off('ready', done);
      reject(signal.reason);
    };
    const timer = setTimeout(done, RECHECK_MS);
    redis.once('ready', done);
    signal.addEventListener('abort', aborted, { once: true });
  });
}
