/**
 * One redis-server per test file; each test gets its own app on its own key prefix, and
 * both are stopped / cleaned afterwards.
 */
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { App } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { createTestApp, type TestAppOptions } from './app.js';
import { deleteKeysWithPrefix, uniquePrefix } from './prefix.js';
import { type RedisServer, startRedisServer } from './redis-server.js';

export interface RedisAppFixture {
  readonly server: RedisServer;
  /** A plain client for inspecting keys. */
  readonly admin: Redis;
  /** A started app on a fresh prefix (or the given one, to share data between apps). */
  app(overrides?: Partial<Config>, options?: TestAppOptions): Promise<App>;
}

export function useRedisApps(label: string): RedisAppFixture {
  let server: RedisServer | undefined;
  let admin: Redis | undefined;
  const apps: App[] = [];
  const prefixes = new Set<string>();

  beforeAll(async () => {
    server = await startRedisServer();
    admin = new Redis(server.url, { maxRetriesPerRequest: 1 });
    // Fault tests stop the server on purpose; the reconnect errors are expected.
    admin.on('error', () => {});
  });
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.stop()));
    if (admin?.status === 'ready') {
      for (const prefix of prefixes) await deleteKeysWithPrefix(admin, prefix);
    }
    prefixes.clear();
  });
  afterAll(async () => {
    await admin?.quit();
    await server?.stop();
  });

  return {
    get server() {
      if (!server) throw new Error('redis-server not started yet');
      return server;
    },
    get admin() {
      if (!admin) throw new Error('redis-server not started yet');
      return admin;
    },
    async app(overrides = {}, options = {}) {
      if (!server) throw new Error('redis-server not started yet');
      const keyPrefix = overrides.keyPrefix ?? uniquePrefix(label);
      prefixes.add(keyPrefix);
      const app = createTestApp({ redisUrl: server.url, keyPrefix, ...overrides }, options);
      apps.push(app);
      await app.start(0);
      return app;
    },
  };
}
