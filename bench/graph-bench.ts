/**
 * Graph benchmark on 100 000 relationships in Redis: traverse (depth 3) and findPath, through
 * (a) Nexus's GraphService, (b) a hand-written ioredis BFS with one pipeline per level,
 * (c) a naive BFS awaiting each entity's neighbours one by one, (d) BFS over a JS Map (the floor).
 */
import { Redis } from 'ioredis';
import { GraphService } from '../src/domain/graph/graph-service.js';
import type { Relationship } from '../src/domain/graph/relationship.js';
import { systemClock } from '../src/domain/shared/clock.js';
import { RedisKeys } from '../src/infra/redis/keys.js';
import { RedisGraphStore } from '../src/infra/redis/redis-graph-store.js';
import { startRedisServer } from '../test/helpers/redis-server.js';
import { seededRandom } from '../test/helpers/relationships.js';

const ENTITIES = Number(process.env.BENCH_GRAPH_ENTITIES ?? 10_000);
const OUT_DEGREE = 10;
const ITERATIONS = Number(process.env.BENCH_GRAPH_ITERATIONS ?? 30);
const WARM_UP_ROUNDS = 5;
const prefix = 'benchgraph:';
const keys = new RedisKeys(prefix);

type Neighbours = (ids: string[]) => Promise<string[][]>;

/** Breadth-first to `depth`, each entity once: the shape all four contenders share. */
async function bfsTraverse(start: string, depth: number, neighbours: Neighbours): Promise<number> {
  const seen = new Set([start]);
  let frontier = [start];
  for (let level = 0; level < depth && frontier.length > 0; level++) {
    const lists = await neighbours(frontier);
    const next: string[] = [];
    for (const list of lists) {
      for (const n of list) {
        if (seen.has(n)) continue;
        seen.add(n);
        next.push(n);
      }
    }
    frontier = next;
  }
  return seen.size;
}

/** Unidirectional BFS until `to` is reached: the path length, or -1. */
async function bfsPath(
  from: string,
  to: string,
  maxDepth: number,
  neighbours: Neighbours,
): Promise<number> {
  const seen = new Set([from]);
  let frontier = [from];
  for (let level = 1; level <= maxDepth && frontier.length > 0; level++) {
    const lists = await neighbours(frontier);
    const next: string[] = [];
    for (const list of lists) {
      for (const n of list) {
        if (n === to) return level;
        if (seen.has(n)) continue;
        seen.add(n);
        next.push(n);
      }
    }
    frontier = next;
  }
  return -1;
}

const neighboursOf = (hash: Record<string, string>) =>
  Object.keys(hash).map((field) => field.slice(field.indexOf(':') + 1));

type Contender = 'a' | 'b' | 'c' | 'd';
type Timings = Record<Contender, number>;

/**
 * Median ms per operation: every round runs each contender once on the same input, in rotating
 * order, after warm-up rounds, so JIT state and drift do not favour one of them.
 */
async function compare(
  rounds: number,
  work: Record<Contender, (i: number) => Promise<unknown>>,
): Promise<Timings> {
  const contenders = Object.keys(work) as Contender[];
  const samples: Record<Contender, number[]> = { a: [], b: [], c: [], d: [] };
  for (let round = -WARM_UP_ROUNDS; round < rounds; round++) {
    const index = Math.max(round, 0);
    const order = contenders.map(
      (_, k) => contenders[(k + index) % contenders.length] as Contender,
    );
    for (const contender of order) {
      const started = process.hrtime.bigint();
      await work[contender](index);
      if (round >= 0) samples[contender].push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  const median = (values: number[]) =>
    [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] ?? 0;
  return { a: median(samples.a), b: median(samples.b), c: median(samples.c), d: median(samples.d) };
}

export async function runGraphBench(): Promise<void> {
  const server = await startRedisServer();
  const redis = new Redis(server.url, { enableAutoPipelining: true });
  try {
    const random = seededRandom(7);
    const entity = (i: number) => `user:${i}`;
    const memory = new Map<string, string[]>();
    const relationships: Relationship[] = [];
    for (let i = 0; i < ENTITIES; i++) {
      const targets = new Set<number>();
      while (targets.size < OUT_DEGREE) {
        const j = Math.floor(random() * ENTITIES);
        if (j !== i) targets.add(j);
      }
      for (const j of targets) {
        relationships.push({
          id: `r${String(relationships.length).padStart(9, '0')}`,
          type: random() < 0.5 ? 'LINKED' : 'MEMBER',
          from: entity(i),
          to: entity(j),
          metadata: null,
          createdAt: new Date().toISOString(),
          createdBy: 'bench',
        });
      }
      memory.set(entity(i), [...targets].map(entity));
    }

    const before = Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1]);
    const store = new RedisGraphStore(redis, keys);
    for (let i = 0; i < relationships.length; i += 2000) {
      await Promise.all(relationships.slice(i, i + 2000).map((r) => store.create(r, null)));
    }
    const after = Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1]);
    const service = new GraphService(store, systemClock);

    const pipelined: Neighbours = async (ids) => {
      const pipeline = redis.pipeline();
      for (const id of ids) pipeline.hgetall(keys.graphOut(id));
      const replies = (await pipeline.exec()) ?? [];
      return replies.map(([, hash]) => neighboursOf(hash as Record<string, string>));
    };
    const naive: Neighbours = async (ids) => {
      const lists: string[][] = [];
      for (const id of ids) lists.push(neighboursOf(await redis.hgetall(keys.graphOut(id))));
      return lists;
    };
    const inMemory: Neighbours = async (ids) => ids.map((id) => memory.get(id) ?? []);

    const starts = Array.from({ length: ITERATIONS }, () =>
      entity(Math.floor(random() * ENTITIES)),
    );
    // Distant pairs: the target is at distance 4 from the source (found by an in-memory BFS).
    const pairs: Array<[string, string]> = [];
    while (pairs.length < ITERATIONS) {
      const from = entity(Math.floor(random() * ENTITIES));
      const to = entity(Math.floor(random() * ENTITIES));
      if ((await bfsPath(from, to, 6, inMemory)) === 4) pairs.push([from, to]);
    }

    const traverse = await compare(ITERATIONS, {
      a: (i) =>
        service.traverse({ from: starts[i] ?? '', maxDepth: 3, direction: 'OUT', limit: 10_000 }),
      b: (i) => bfsTraverse(starts[i] ?? '', 3, pipelined),
      c: (i) => bfsTraverse(starts[i] ?? '', 3, naive),
      d: (i) => bfsTraverse(starts[i] ?? '', 3, inMemory),
    });
    const path = await compare(ITERATIONS, {
      a: (i) => {
        const [from, to] = pairs[i] ?? ['', ''];
        return service.findPath({ from, to, maxDepth: 6, direction: 'OUT' });
      },
      b: (i) => bfsPath(...(pairs[i] ?? ['', '']), 6, pipelined),
      c: (i) => bfsPath(...(pairs[i] ?? ['', '']), 6, naive),
      d: (i) => bfsPath(...(pairs[i] ?? ['', '']), 6, inMemory),
    });

    const row = (name: string, t: { a: number; b: number; c: number; d: number }) =>
      [
        name.padEnd(30),
        t.a.toFixed(2).padStart(10),
        t.b.toFixed(2).padStart(14),
        t.c.toFixed(2).padStart(10),
        t.d.toFixed(2).padStart(10),
        (t.a / t.b).toFixed(2).padStart(8),
        (t.c / t.a).toFixed(1).padStart(8),
      ].join(' ');
    console.log(
      `\ngraph: ${relationships.length} relationships, ${ENTITIES} entities, out-degree ${OUT_DEGREE}; median ms per operation over ${ITERATIONS} interleaved rounds\n`,
    );
    console.log(
      [
        'operation'.padEnd(30),
        '(a) nexus'.padStart(10),
        '(b) pipelined'.padStart(14),
        '(c) naive'.padStart(10),
        '(d) Map'.padStart(10),
        'a / b'.padStart(8),
        'c / a'.padStart(8),
      ].join(' '),
    );
    console.log(row('traverse depth 3 (~1000 ents)', traverse));
    console.log(row('findPath, distance 4', path));
    console.log(
      '\n(b), (c), (d) find paths with one-directional BFS; Nexus uses bidirectional BFS.',
    );
    console.log(
      `Redis memory per relationship: ${((after - before) / relationships.length).toFixed(0)} bytes (INFO used_memory before/after)`,
    );
  } finally {
    await redis.quit();
    await server.stop();
  }
}
