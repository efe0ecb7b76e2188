/** Redis-specific guarantees of the pattern store: index consistency and commands per call. */
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Pattern } from '../../src/domain/pattern/pattern.js';
import { RedisKeys } from '../../src/infra/redis/keys.js';
import { RedisPatternStore } from '../../src/infra/redis/redis-pattern-store.js';
import { makePattern, nextVersion } from '../helpers/patterns.js';
import { deleteKeysWithPrefix, keysWithPrefix, uniquePrefix } from '../helpers/prefix.js';
import { type RedisServer, startRedisServer } from '../helpers/redis-server.js';

let server: RedisServer;
let redis: Redis;
let admin: Redis;
let prefix: string;
let keys: RedisKeys;
let store: RedisPatternStore;

beforeAll(async () => {
  server = await startRedisServer();
  redis = new Redis(server.url);
  admin = new Redis(server.url);
});
afterEach(async () => {
  await deleteKeysWithPrefix(admin, prefix);
});
afterAll(async () => {
  await redis.quit();
  await admin.quit();
  await server.stop();
});

function fresh() {
  prefix = uniquePrefix('store');
  keys = new RedisKeys(prefix);
  store = new RedisPatternStore(redis, keys);
}

/** Every index entry points at a record and every record is in exactly its indexes. */
async function expectConsistentIndexes() {
  const docs = await admin.hgetall(keys.patternDocs());
  const ids = Object.keys(docs).sort();
  expect((await admin.zrange(keys.patternsByUpdated(), 0, -1)).sort()).toEqual(ids);
  expect(Object.keys(await admin.hgetall(keys.patternSearchText())).sort()).toEqual(ids);
  const currentVersions = await admin.hgetall(keys.patternCurrentVersions());
  expect(Object.keys(currentVersions).sort()).toEqual(ids);

  const expectedMembers = new Map<string, string[]>();
  for (const id of ids) {
    const pattern = JSON.parse(docs[id] ?? 'null') as Pattern;
    expect(currentVersions[id]).toBe(String(pattern.version));
    expect(await admin.hlen(keys.patternVersions(id))).toBe(pattern.version);
    for (const key of [
      keys.patternIndex('origin', pattern.origin),
      keys.patternIndex('category', pattern.category),
      keys.patternIndex('active', String(pattern.isActive)),
      keys.patternIndex('creator', pattern.createdBy),
    ]) {
      expectedMembers.set(key, [...(expectedMembers.get(key) ?? []), id]);
    }
  }
  const indexKeys = (await keysWithPrefix(admin, `${prefix}patterns:idx:`)).sort();
  expect(indexKeys).toEqual([...expectedMembers.keys()].sort());
  for (const [key, members] of expectedMembers) {
    expect((await admin.smembers(key)).sort()).toEqual(members.sort());
  }
  const versionKeys = await keysWithPrefix(admin, `${prefix}pattern:`);
  expect(versionKeys.sort()).toEqual(ids.map((id) => keys.patternVersions(id)).sort());
}

/** Commands the store's client sent to Redis while `work` ran (a script counts as one). */
async function countCommands(work: () => Promise<unknown>): Promise<number> {
  const sent: string[] = [];
  const original = redis.sendCommand;
  redis.sendCommand = function (this: Redis, command, stream) {
    sent.push(command.name);
    return original.call(this, command, stream);
  };
  try {
    await work();
  } finally {
    redis.sendCommand = original;
  }
  return sent.length;
}

describe('RedisPatternStore', () => {
  it('keeps indexes and records consistent through racing creates, updates and deletes', async () => {
    fresh();
    const categories = ['FINANCE', 'ASSET', 'USER'] as const;
    const patterns = Array.from({ length: 12 }, (_, i) =>
      makePattern({ id: `race_${i}`, createdBy: i % 2 ? 'alice' : 'bob' }),
    );
    await Promise.all(patterns.map((p) => store.create(p)));
    // Each pattern receives several competing updates based on the same read; exactly one
    // of each group may win, and losers must leave nothing behind.
    const outcomes = await Promise.all(
      patterns.flatMap((p, i) =>
        categories.map((category, j) =>
          store.update(p, nextVersion(p, { category, isActive: (i + j) % 2 === 0 })),
        ),
      ),
    );
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(patterns.length);
    await Promise.all(
      patterns.slice(0, 5).map(async (p) => {
        const current = await store.get(p.id);
        if (current) await store.delete(current);
      }),
    );
    await expectConsistentIndexes();
    expect((await store.list({ filter: {}, after: null, limit: 100 })).totalCount).toBe(7);
  });

  it('leaves no key behind once every pattern is deleted', async () => {
    fresh();
    const v1 = makePattern();
    await store.create(v1);
    await store.update(v1, nextVersion(v1));
    const current = await store.get(v1.id);
    if (!current) throw new Error('missing');
    expect(await store.delete(current)).toBe('ok');
    expect(await keysWithPrefix(admin, prefix)).toEqual([]);
  });

  it('answers each call with one command: reads, writes and a filtered, searched page', async () => {
    fresh();
    const patterns: Pattern[] = [];
    for (let i = 0; i < 30; i++) {
      const p = makePattern({ id: `count_${i}`, category: i % 2 ? 'FINANCE' : 'ASSET' });
      patterns.push(p);
      await store.create(p);
    }
    const first = patterns[0];
    if (!first) throw new Error('missing');
    expect(await countCommands(() => store.get(first.id))).toBe(1);
    expect(await countCommands(() => store.getMany(patterns.map((p) => p.id)))).toBe(1);
    expect(await countCommands(() => store.getVersion(first.id, 1))).toBe(1);
    expect(await countCommands(() => store.update(first, nextVersion(first)))).toBe(1);
    expect(
      await countCommands(() =>
        store.list({ filter: { category: 'FINANCE', search: 'pattern' }, after: null, limit: 10 }),
      ),
    ).toBe(1);
    expect(await countCommands(() => store.list({ filter: {}, after: null, limit: 10 }))).toBe(1);
  });
});
