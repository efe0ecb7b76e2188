/**
 * For tests that run the same cases on the embedded adapters and on Redis over a real port,
 * with graphql-ws clients: every app and client made here is stopped after each test.
 */
import type { Client } from 'graphql-ws';
import { afterEach } from 'vitest';
import type { App } from '../../src/app.js';
import { createTestApp } from './app.js';
import { type RedisAppFixture, useRedisApps } from './redis-app.js';

export interface BothAdapters {
  /** The Redis fixture itself, for tests that need one adapter only. */
  redis: RedisAppFixture;
  /** Pass to connectWs: the clients disposed after each test. */
  clients: Client[];
  /** [adapter name, a listening app on it], for describe.each. */
  adapters: Array<[string, () => Promise<App>]>;
}

export function useBothAdapters(label: string): BothAdapters {
  const redis = useRedisApps(label);
  const clients: Client[] = [];
  const memoryApps: App[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.dispose()));
    await Promise.all(memoryApps.splice(0).map((app) => app.stop()));
  });
  const memoryApp = async (): Promise<App> => {
    const app = createTestApp();
    memoryApps.push(app);
    await app.start(0);
    return app;
  };
  return {
    redis,
    clients,
    adapters: [
      ['memory', memoryApp],
      ['redis', () => redis.app()],
    ],
  };
}
