/**
 * For outage tests: one redis-server per file that keeps its data on disk (appendonly), so a test
 * can SIGKILL it and start it again, and one app at a time on it; after each test the app is
 * stopped and the keys of every prefix the test took are deleted.
 */
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { App } from '../../src/app.js';
import { deleteKeysWithPrefix, uniquePrefix } from './prefix.js';
import { type RedisServer, startRedisServer } from './redis-server.js';

export function useOutageRedis(name: string) {
  let server: RedisServer | undefined;
  let app: App | undefined;
  const prefixes: string[] = [];
  beforeAll(async () => {
    server = await startRedisServer({ persistent: true });
  });
  afterEach(async () => {
    await app?.stop();
    app = undefined;
    if (!server) return;
    const admin = new Redis(server.url);
    for (const prefix of prefixes.splice(0)) await deleteKeysWithPrefix(admin, prefix);
    await admin.quit();
  });
  afterAll(async () => {
    await server?.dispose();
  });
  return {
    get server(): RedisServer {
      if (!server) throw new Error('the redis-server is not started yet');
      return server;
    },
    /** A key prefix of this test's own, cleaned up after it. */
    prefix(): string {
      const prefix = uniquePrefix(name);
      prefixes.push(prefix);
      return prefix;
    },
    /** The test's app: stopped after the test. */
    use<T extends App>(started: T): T {
      app = started;
      return started;
    },
  };
}
