/** Redis-specific guarantees of the graph store: all-or-nothing writes, one round trip per batch. */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Relationship } from '../../src/domain/graph/relationship.js';
import { RedisKeys } from '../../src/infra/redis/keys.js';
import { RedisGraphStore } from '../../src/infra/redis/redis-graph-store.js';
import { keysWithPrefix, uniquePrefix } from '../helpers/prefix.js';
import { type RedisServer, startRedisServer } from '../helpers/redis-server.js';
import { makeRelationship } from '../helpers/relationships.js';
import { RoundTripCounter } from '../helpers/round-trips.js';

let server: RedisServer;
let admin: Redis;

beforeAll(async () => {
  server = await startRedisServer();
  admin = new Redis(server.url);
});
afterAll(async () => {
  await admin.quit();
  await server.stop();
});

/** Every record is indexed at both ends, every index entry has its record, counts agree. */
async function expectConsistent(keys: RedisKeys, prefix: string): Promise<number> {
  const records = Object.values(await admin.hgetall(keys.graphRelationships())).map(
    (json) => JSON.parse(json) as Relationship,
  );
  const expectedIndex = new Map<string, Record<string, string>>();
  const degree = new Map<string, number>();
  for (const r of records) {
    expectedIndex.set(keys.graphOut(r.from), {
      ...expectedIndex.get(keys.graphOut(r.from)),
      [`${r.type}:${r.to}`]: r.id,
    });
    expectedIndex.set(keys.graphIn(r.to), {
      ...expectedIndex.get(keys.graphIn(r.to)),
      [`${r.type}:${r.from}`]: r.id,
    });
    for (const entity of [r.from, r.to]) degree.set(entity, (degree.get(entity) ?? 0) + 1);
  }
  const indexKeys = [
    ...(await keysWithPrefix(admin, `${prefix}graph:out:`)),
    ...(await keysWithPrefix(admin, `${prefix}graph:in:`)),
  ].sort();
  expect(indexKeys).toEqual([...expectedIndex.keys()].sort());
  for (const [key, fields] of expectedIndex) expect(await admin.hgetall(key)).toEqual(fields);
  const stats = await admin.hgetall(keys.graphStats());
  expect(Number(stats.relationships ?? 0)).toBe(records.length);
  const entities = await admin.hgetall(keys.graphEntities());
  expect(Object.fromEntries(Object.entries(entities).map(([k, v]) => [k, Number(v)]))).toEqual(
    Object.fromEntries(degree),
  );
  return records.length;
}

describe('RedisGraphStore', () => {
  it('leaves all or nothing of each create when the connection is killed mid-stream', async () => {
    const prefix = uniquePrefix('atomic');
    const keys = new RedisKeys(prefix);
    const doomed = new Redis(server.url, {
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => null,
    });
    doomed.on('error', () => {});
    const store = new RedisGraphStore(doomed, keys);
    const writes = Array.from({ length: 2000 }, (_, i) =>
      store
        .create(makeRelationship(`n${i % 97}`, `n${(i * 7 + 1) % 89}x`, 'LINKED'), null)
        .catch(() => 'lost'),
    );
    // Kill the socket while the scripts are still being written and run.
    setImmediate(() => doomed.stream.destroy());
    const outcomes = await Promise.all(writes);
    const lost = outcomes.filter((outcome) => outcome === 'lost').length;
    expect(lost).toBeGreaterThan(0);
    const stored = await expectConsistent(keys, prefix);
    expect(stored).toBeLessThan(2000);
    doomed.disconnect();
  });

  it('stays consistent through racing creates and deletes of the same edges', async () => {
    const prefix = uniquePrefix('racing');
    const keys = new RedisKeys(prefix);
    const client = new Redis(server.url);
    const store = new RedisGraphStore(client, keys);
    const candidates = Array.from({ length: 300 }, (_, i) =>
      makeRelationship(`e${i % 10}`, `f${i % 7}`, i % 2 ? 'MEMBER' : 'LINKED'),
    );
    const created = await Promise.all(candidates.map((r) => store.create(r, null)));
    const distinct = new Set(candidates.map((r) => `${r.from}|${r.type}|${r.to}`)).size;
    expect(created.filter((outcome) => outcome === 'ok')).toHaveLength(distinct);
    expect(created.filter((outcome) => outcome === 'duplicate')).toHaveLength(300 - distinct);
    await Promise.all(candidates.filter((_, i) => i % 3 === 0).map((r) => store.delete(r)));
    await expectConsistent(keys, prefix);
    await client.quit();
  });

  it('reads the adjacency, degrees or records of many entities in one round trip', async () => {
    const prefix = uniquePrefix('trips');
    const counter = new RoundTripCounter();
    const client = new Redis(server.url, { enableAutoPipelining: true });
    counter.attach(client);
    await client.ping();
    const store = new RedisGraphStore(client, new RedisKeys(prefix));
    const relationships = Array.from({ length: 50 }, (_, i) =>
      makeRelationship(`hub${i % 5}`, `leaf${i}`, 'MEMBER'),
    );
    await Promise.all(relationships.map((r) => store.create(r, null)));
    const entities = Array.from({ length: 60 }, (_, i) => (i < 5 ? `hub${i}` : `leaf${i}`));
    expect(await counter.count(() => store.adjacency(entities, 'BOTH'))).toBe(1);
    expect(await counter.count(() => store.degrees(entities, 'OUT'))).toBe(1);
    expect(await counter.count(() => store.getMany(relationships.map((r) => r.id)))).toBe(1);
    expect(await counter.count(() => store.stats())).toBe(1);
    await client.quit();
  });
});
