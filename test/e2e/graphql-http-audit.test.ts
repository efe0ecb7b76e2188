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

/** What a browser-safe client sends on a GET: the CSRF prevention refuses GETs without it. */
const PREFLIGHT = { 'x-graphql-yoga-csrf': '1' };

function auditsWith(headers: Record<string, string>) {
  return serverAudits({
    url: 'http://nexus.test/graphql',
    fetchFn: (input: string, init: RequestInit = {}) => {
      const sent = new Headers(init.headers);
      for (const [name, value] of Object.entries(headers)) sent.set(name, value);
      return app.yoga.fetch(input, { ...init, headers: sent });
    },
  });
}

describe('graphql-http server audits', () => {
  const audits = auditsWith({});
  it('covers the whole audit list', () => {
    expect(audits.length).toBeGreaterThan(50);
  });
  for (const audit of audits) {
    it(audit.name, async () => {
      const result = await audit.fn();
      // 'warn' is a SHOULD not met and 'error' a MUST: neither is accepted. A 'notice' (a MAY
      // declined) is accepted only for a GET, which CSRF prevention refuses without a header
      // a browser cannot send unpreflighted; the run below shows those pass with it.
      const accepted =
        result.status === 'ok' || (result.status === 'notice' && audit.name.includes('GET'));
      expect(accepted ? 'ok' : `${result.status}: ${result.reason}`).toBe('ok');
    });
  }
});

describe('graphql-http server audits, GETs carrying the CSRF header', () => {
  for (const audit of auditsWith(PREFLIGHT)) {
    it(audit.name, async () => {
      const result = await audit.fn();
      expect(result.status === 'ok' ? 'ok' : `${result.status}: ${result.reason}`).toBe('ok');
    });
  }
});
