/**
 * Batching, proved by counting Redis round trips (socket flushes), not by timing: nested
 * GraphQL traversals and the BFS algorithms cost a number of round trips that grows with the
 * depth, not with the number of entities.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { DEV_ADMIN } from '../../src/domain/shared/viewer.js';
import type { NestedNeighborsQuery } from '../gql/graphql.js';
import { createTestApp, dataOf, gql, type Result } from '../helpers/app.js';
import { uniquePrefix } from '../helpers/prefix.js';
import { useRedisApps } from '../helpers/redis-app.js';
import { RoundTripCounter } from '../helpers/round-trips.js';
import { DetectCycles, FindPath, NestedNeighbors, Traverse } from './graph-operations.js';

const redis = useRedisApps('round-trips');
const FAN_OUT = 10;

/** root → 10 → 100 → 1000 entities, MEMBER edges: 1110 relationships. */
async function tree(app: App): Promise<void> {
  const levels: string[][] = [['root']];
  for (let depth = 1; depth <= 3; depth++) {
    const parents = levels[depth - 1] ?? [];
    const children = parents.flatMap((parent) =>
      Array.from({ length: FAN_OUT }, (_, i) => `${parent}.${i}`),
    );
    await Promise.all(
      children.map((child) =>
        app.services.graph.create(DEV_ADMIN, {
          from: child.slice(0, child.lastIndexOf('.')),
          to: child,
          type: 'MEMBER',
          metadata: null,
        }),
      ),
    );
    levels.push(children);
  }
}

describe('round trips on a graph with fan-out 10', () => {
  const counter = new RoundTripCounter();
  let app: App;
  beforeAll(async () => {
    // Not through the per-test fixture, which stops apps after each test: one app and one tree
    // serve every test here (the file's redis-server, and its data, go when the file ends).
    app = createTestApp(
      { redisUrl: redis.server.url, keyPrefix: uniquePrefix('trips') },
      { onRedisClient: counter.attach },
    );
    await app.start(0);
    await tree(app);
  });
  afterAll(async () => {
    await app.stop();
  });

  it('resolves entity → neighbors ×3 with one round trip per level (111 entities read)', async () => {
    let result: Result<NestedNeighborsQuery> = {};
    const trips = await counter.count(async () => {
      result = await gql(app, NestedNeighbors, { id: 'root' });
    });
    const data = dataOf(result);
    const grandchildren = data.entity.neighbors.flatMap((child) => child.neighbors);
    expect(data.entity.neighbors).toHaveLength(10);
    expect(grandchildren).toHaveLength(100);
    expect(grandchildren.flatMap((g) => g.neighbors)).toHaveLength(1000);
    // Levels: root, its 10 children, their 100 children; the 1000 leaves' degrees: one more.
    expect(trips).toBe(4);
  });

  it('traverses three levels (1110 entities) in one round trip per level, plus one for the records', async () => {
    const trips = await counter.count(async () => {
      const result = dataOf(
        await gql(app, Traverse, { from: 'root', maxDepth: 3, direction: 'OUT', limit: 10_000 }),
      );
      expect(result.traverse.entities).toHaveLength(1111);
      expect(result.traverse.relationships).toHaveLength(1110);
    });
    expect(trips).toBe(3 + 1);
  });

  it('finds a path root → leaf with bidirectional BFS in at most one round trip per level', async () => {
    const trips = await counter.count(async () => {
      const result = dataOf(
        await gql(app, FindPath, { from: 'root', to: 'root.7.3.9', maxDepth: 6, direction: 'OUT' }),
      );
      expect(result.findPath?.entities.map((e) => e.id)).toEqual([
        'root',
        'root.7',
        'root.7.3',
        'root.7.3.9',
      ]);
    });
    expect(trips).toBeLessThanOrEqual(3 + 1);
  });
});

/**
 * 12 layers of 20 entities (n:0…n:239), MEMBER edges from each entity to 5 of the next layer
 * (5¹¹ paths from each first-layer entity, none closing), plus the 2-cycle n:1 ⇄ n:2.
 */
async function layers(app: App): Promise<void> {
  const WIDTH = 20;
  const edges: Array<[string, string]> = [
    ['n:1', 'n:2'],
    ['n:2', 'n:1'],
  ];
  for (let layer = 0; layer < 11; layer++) {
    for (let i = 0; i < WIDTH; i++) {
      for (let k = 0; k < 5; k++) {
        edges.push([`n:${layer * WIDTH + i}`, `n:${(layer + 1) * WIDTH + ((i + k) % WIDTH)}`]);
      }
    }
  }
  await Promise.all(
    edges.map(([from, to]) =>
      app.services.graph.create(DEV_ADMIN, { from, to, type: 'MEMBER', metadata: null }),
    ),
  );
}

describe('round trips of a hierarchy create', () => {
  const counter = new RoundTripCounter();
  let app: App;
  beforeAll(async () => {
    app = createTestApp(
      { redisUrl: redis.server.url, keyPrefix: uniquePrefix('hierarchy') },
      { onRedisClient: counter.attach },
    );
    await app.start(0);
    // top → 10 → 100 PARENT edges.
    const children = Array.from({ length: 10 }, (_, i) => `top.${i}`);
    const create = (from: string, to: string) =>
      app.services.graph.create(DEV_ADMIN, { from, to, type: 'PARENT', metadata: null });
    await Promise.all(children.map((child) => create('top', child)));
    await Promise.all(
      children.flatMap((child) =>
        Array.from({ length: 10 }, (_, i) => create(child, `${child}.${i}`)),
      ),
    );
  });
  afterAll(async () => {
    await app.stop();
  });

  it('checks 111 entities for a cycle in one round trip per level, then writes in one', async () => {
    const trips = await counter.count(async () => {
      await app.services.graph.create(DEV_ADMIN, {
        from: 'above',
        to: 'top',
        type: 'PARENT',
        metadata: null,
      });
    });
    // Levels: top, its 10 children, their 100; the script that re-checks and writes; the event.
    expect(trips).toBe(3 + 1 + 1);
  });
});

describe('round trips of a cycle search in a large acyclic region', () => {
  const counter = new RoundTripCounter();
  let app: App;
  beforeAll(async () => {
    app = createTestApp(
      { redisUrl: redis.server.url, keyPrefix: uniquePrefix('layers') },
      { onRedisClient: counter.attach },
    );
    await app.start(0);
    await layers(app);
  });
  afterAll(async () => {
    await app.stop();
  });

  it('finds the one cycle among 1102 MEMBER edges, reading every entity in one page', async () => {
    let cycles: string[] = [];
    const trips = await counter.count(async () => {
      const result = dataOf(
        await gql(app, DetectCycles, { types: ['MEMBER'], limit: 100, maxLength: 20 }),
      );
      cycles = result.detectCycles.map((cycle) => cycle.entities.map((e) => e.id).join('→'));
    });
    expect(cycles).toEqual(['n:1→n:2→n:1']);
    // One page of the entity index (242 entities), one pipeline of their adjacency, the records.
    expect(trips).toBe(2 + 1);
  });

  it('finds it through n:1 with one round trip per layer', async () => {
    let cycles: string[] = [];
    const trips = await counter.count(async () => {
      const result = dataOf(
        await gql(app, DetectCycles, { types: ['MEMBER'], from: 'n:1', limit: 100, maxLength: 20 }),
      );
      cycles = result.detectCycles.map((cycle) => cycle.entities.map((e) => e.id).join('→'));
    });
    expect(cycles).toEqual(['n:1→n:2→n:1']);
    // Layers 0…11 (maxLength allows 20, the graph ends first), then the cycle's records.
    expect(trips).toBe(12 + 1);
  });
});
