/** The GraphQL-over-HTTP conformance audits of graphql-http, against the Redis-backed app. */
import { serverAudits } from 'graphql-http';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { createTestApp } from '../helpers/app.js';
import { deleteKeysWithPrefix, uniquePrefix } from '../helpers/prefix.js';
import { type RedisServer, startRedisServer } from '../helpers/redis-server.js';

let server: RedisServer;
let app: App;
const keyPrefix = uniquePrefix('audit');

beforeAll(async () => {
  server = await startRedisServer();
  app = createTestApp({ redisUrl: server.url, keyPrefix });
  await app.start(0);
});
afterAll(async () => {
  await app.stop();
  const admin = new Redis(server.url);
  await deleteKeysWithPrefix(admin, keyPrefix);
  await admin.quit();
  await server.stop();
});

describe('graphql-http server audits', () => {
  const audits = serverAudits({
    url: 'http://nexus.test/graphql',
    fetchFn: (input: string, init: RequestInit = {}) => app.yoga.fetch(input, init),
  });
  it('covers the whole audit list', () => {
    expect(audits.length).toBeGreaterThan(50);
  });
  for (const audit of audits) {
    it(audit.name, async () => {
      const result = await audit.fn();
      // 'warn' marks a SHOULD the server may decline; an 'error' is a failed audit.
      expect(result.status === 'error' ? `error: ${result.reason}` : 'ok').toBe('ok');
    });
  }
});
