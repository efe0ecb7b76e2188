/**
 * An app on Redis with JWTs on, its own key prefix, the events it published, and tokens for
 * alice, bob and an admin: the cast of the pattern version, import and export tests.
 */

import type { App } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import type { NexusEventInput } from '../../src/domain/events/event.js';
import { signToken } from '../../src/server/authenticate.js';
import type { TestAppOptions } from './app.js';
import { LocalEventPublisher } from './local-events.js';
import { uniquePrefix } from './prefix.js';
import type { RedisAppFixture } from './redis-app.js';

export const PORTABILITY_SECRET = 'test-secret-that-is-long-enough-0123456789';

export interface PortabilitySetup {
  app: App;
  prefix: string;
  alice: string;
  bob: string;
  admin: string;
  events: NexusEventInput[];
}

export async function portabilitySetup(
  redis: RedisAppFixture,
  label: string,
  overrides: Partial<Config> = {},
  options: TestAppOptions = {},
): Promise<PortabilitySetup> {
  const local = new LocalEventPublisher();
  const events: NexusEventInput[] = [];
  local.listen((event) => events.push(event));
  const prefix = uniquePrefix(label);
  const app = await redis.app(
    { jwtSecret: PORTABILITY_SECRET, keyPrefix: prefix, ...overrides },
    { events: local, ...options },
  );
  return { app, prefix, events, ...(await portabilityTokens()) };
}

export async function portabilityTokens() {
  return {
    alice: await signToken(PORTABILITY_SECRET, { sub: 'alice' }),
    bob: await signToken(PORTABILITY_SECRET, { sub: 'bob' }),
    admin: await signToken(PORTABILITY_SECRET, { sub: 'root', roles: ['admin'] }),
  };
}
