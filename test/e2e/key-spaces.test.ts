/**
 * Key spaces of pattern steps against Redis: the system space and every user's space are
 * disjoint whatever the input, distinct users never share a key (user ids may hold colons),
 * and a system pattern binds keys to whoever runs it through `{viewer.key}`.
 */
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { signToken } from '../../src/server/authenticate.js';
import type { CreatePatternInput } from '../gql/graphql.js';
import { dataOf, gql } from '../helpers/app.js';
import { useRedisApps } from '../helpers/redis-app.js';
import { ExecutePattern } from './execution-operations.js';
import { CreatePattern } from './operations.js';

const redis = useRedisApps('key-spaces');
const SECRET = 'test-secret-that-is-long-enough-0123456789';

function cachePattern(id: string, steps: CreatePatternInput['steps']): CreatePatternInput {
  return { id, name: `Pattern ${id}`, category: 'USER', steps };
}

const setKey = (key: string, value: string) => ({
  id: 'set',
  type: 'CACHE' as const,
  action: 'set',
  parameters: { key, value },
});

async function run(app: App, id: string, token: string, input: unknown = {}) {
  const result = dataOf(await gql(app, ExecutePattern, { id, input, mode: 'SYNC' }, token));
  expect(result.executePattern.status).toBe('SUCCEEDED');
  return result.executePattern;
}

async function readKey(app: App, token: string, patternId: string, key: string) {
  dataOf(
    await gql(
      app,
      CreatePattern,
      {
        input: cachePattern(patternId, [
          { id: 'get', type: 'CACHE', action: 'get', parameters: { key } },
        ]),
      },
      token,
    ),
  );
  const execution = await run(app, patternId, token);
  return (execution.output as { get: { value: unknown } }).get.value;
}

describe('key spaces', () => {
  it("a system pattern's input cannot reach into a user's keys", async () => {
    const app = await redis.app({ jwtSecret: SECRET });
    const bob = await signToken(SECRET, { sub: 'bob' });
    const alice = await signToken(SECRET, { sub: 'alice' });
    dataOf(
      await gql(
        app,
        CreatePattern,
        { input: cachePattern('bob_profile', [setKey('profile', 'bob-owned')]) },
        bob,
      ),
    );
    await run(app, 'bob_profile', bob);
    // user_onboarding stores "user:{id}" in the system space, whoever runs it.
    await run(app, 'user_onboarding', alice, {
      id: 'bob:profile',
      user_data: 'overwritten by alice',
      wallet_id: 'w1',
      referrer_id: 'r1',
    });
    expect(await readKey(app, bob, 'bob_reads', 'profile')).toBe('bob-owned');
    // And the other way: no key a system pattern writes lands in any user's space.
    const keys = await redis.admin.keys('*kv:*');
    const systemKeys = keys.filter((key) => !key.includes('kv:user:'));
    const userKeys = keys.filter((key) => key.includes('kv:user:'));
    for (const systemKey of systemKeys) {
      for (const userKey of userKeys) expect(userKey.startsWith(systemKey)).toBe(false);
    }
  });

  it('distinct users never share a key, even when their ids hold colons', async () => {
    const app = await redis.app({ jwtSecret: SECRET });
    const aliceX = await signToken(SECRET, { sub: 'alice:x' });
    const alice = await signToken(SECRET, { sub: 'alice' });
    dataOf(
      await gql(
        app,
        CreatePattern,
        { input: cachePattern('diary_ax', [setKey('diary', 'written by alice:x')]) },
        aliceX,
      ),
    );
    dataOf(
      await gql(
        app,
        CreatePattern,
        { input: cachePattern('diary_a', [setKey('x:diary', 'written by alice')]) },
        alice,
      ),
    );
    await run(app, 'diary_ax', aliceX);
    await run(app, 'diary_a', alice);
    expect(await readKey(app, aliceX, 'read_ax', 'diary')).toBe('written by alice:x');
    expect(await readKey(app, alice, 'read_a', 'x:diary')).toBe('written by alice');
  });

  it('binds a system pattern key to whoever runs it with {viewer.key}', async () => {
    const app = await redis.app({ jwtSecret: SECRET });
    const admin = await signToken(SECRET, { sub: 'root', roles: ['admin'] });
    const alice = await signToken(SECRET, { sub: 'alice' });
    const aliceColon = await signToken(SECRET, { sub: 'alice:x' });
    dataOf(
      await gql(
        app,
        CreatePattern,
        {
          input: {
            ...cachePattern('remember', [
              setKey('note:{viewer.key}:{name}', '{text}'),
              {
                id: 'who',
                type: 'CACHE',
                action: 'get',
                dependsOn: ['set'],
                parameters: { key: 'note:{viewer.key}:{name}' },
              },
            ]),
            origin: 'SYSTEM',
          },
        },
        admin,
      ),
    );
    // "alice" writing name "x:n" and "alice:x" writing name "n" must not collide.
    await run(app, 'remember', alice, { name: 'x:n', text: 'from alice' });
    const other = await run(app, 'remember', aliceColon, { name: 'n', text: 'from alice:x' });
    expect((other.output as { who: { value: unknown } }).who.value).toBe('from alice:x');
    const again = await run(app, 'remember', alice, { name: 'x:n', text: 'from alice' });
    expect((again.output as { who: { value: unknown } }).who.value).toBe('from alice');
    const keys = (await redis.admin.keys('*kv:*note:*')).sort();
    expect(keys).toHaveLength(2);
  });
});
