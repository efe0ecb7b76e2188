/**
 * Adversarial: a Redis that is frozen (SIGSTOP: the connection stays open, nothing is answered,
 * as in a long GC-like stall or a network partition without RST) must not hang requests: they
 * should fail fast with SERVICE_UNAVAILABLE, as they do when Redis is down.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { signToken } from '../../src/server/authenticate.js';
import { createTestApp, dataOf, gql } from '../helpers/app.js';
import { uniquePrefix } from '../helpers/prefix.js';
import { type RedisServer, startRedisServer } from '../helpers/redis-server.js';
import { ExecutePattern } from './execution-operations.js';
import { CreatePattern, GetPattern } from './operations.js';

const SECRET = 'test-secret-that-is-long-enough-0123456789';
let server: RedisServer;
let app: App | undefined;
beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  server.resume();
  await app?.stop();
  await server.dispose();
});

/** The answer, or 'no answer' when there is none within `ms`. */
function within<T>(ms: number, work: Promise<T>): Promise<T | 'no answer'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'no answer'>((resolve) => {
    timer = setTimeout(() => resolve('no answer'), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

describe('adversarial: a frozen Redis', () => {
  it('answers queries and mutations within 3 s (SERVICE_UNAVAILABLE), never hangs', async () => {
    app = createTestApp({
      redisUrl: server.url,
      keyPrefix: uniquePrefix('paused'),
      jwtSecret: SECRET,
    });
    await app.start(0);
    const mallory = await signToken(SECRET, { sub: 'mallory' });
    dataOf(
      await gql(
        app,
        CreatePattern,
        {
          input: {
            id: 'p',
            name: 'P',
            category: 'USER',
            steps: [{ id: 's', type: 'CACHE', action: 'set', parameters: { key: 'k', value: 1 } }],
          },
        },
        mallory,
      ),
    );
    server.pause();
    try {
      const [read, run, ready] = await Promise.all([
        within(3_000, gql(app, GetPattern, { id: 'p' }, mallory)),
        within(3_000, gql(app, ExecutePattern, { id: 'p', mode: 'SYNC' }, mallory)),
        within(
          3_000,
          Promise.resolve(app.yoga.fetch('http://nexus.test/ready')).then(
            (response) => response.status,
          ),
        ),
      ]);
      expect(ready).toBe(503);
      expect(read).not.toBe('no answer');
      expect(run).not.toBe('no answer');
      const codes = [read, run].map((result) =>
        typeof result === 'string' ? result : result.errors?.[0]?.extensions?.code,
      );
      expect(codes).toEqual(['SERVICE_UNAVAILABLE', 'SERVICE_UNAVAILABLE']);
    } finally {
      server.resume();
    }
  });
});
