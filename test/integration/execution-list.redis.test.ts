/**
 * The cost of an execution listing page on Redis: without a filter the listing script reads
 * only the page (a few chunks of its index), however many runs the retention window holds.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  DURABLE_DEFAULTS,
  type Execution,
  pendingStep,
} from '../../src/domain/execution/execution.js';
import { RedisKeys } from '../../src/infra/redis/keys.js';
import { RedisExecutionStore } from '../../src/infra/redis/redis-execution-store.js';
import { RedisPatternStore } from '../../src/infra/redis/redis-pattern-store.js';
import { makePattern, TEST_GENERATION } from '../helpers/patterns.js';
import { uniquePrefix } from '../helpers/prefix.js';
import { type RedisServer, startRedisServer } from '../helpers/redis-server.js';

const RUNS = 3000;
const LIMIT = 10;
const at = Date.UTC(2026, 0, 1);

let server: RedisServer;
let redis: Redis;
let monitor: Redis;

beforeAll(async () => {
  server = await startRedisServer();
  redis = new Redis(server.url);
});
afterAll(async () => {
  monitor?.disconnect();
  await redis.quit();
  await server.stop();
});

function run(i: number): Execution {
  // Ten runs per millisecond: ties on every page.
  const createdAt = new Date(at + Math.floor(i / 10)).toISOString();
  return {
    id: `x${String(i).padStart(5, '0')}`,
    patternId: 'p',
    patternVersion: 1,
    status: 'RUNNING',
    input: null,
    output: null,
    steps: [pendingStep('a')],
    createdAt,
    startedAt: createdAt,
    finishedAt: null,
    durationMs: null,
    error: null,
    createdBy: 'alice',
    idempotencyKey: null,
    ...DURABLE_DEFAULTS,
  };
}

/**
 * The index entries the scripts' range reads asked for while `work` ran, as MONITOR shows the
 * commands a script calls: a ZRANGE with LIMIT asks for its count, any other read of a whole
 * index (ZRANGE without LIMIT, ZINTER) for all of it.
 */
async function entriesAskedFor(work: () => Promise<unknown>): Promise<number> {
  monitor = await redis.monitor();
  let asked = 0;
  let resolveDone: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    resolveDone = resolve;
  });
  const marker = `end-${Math.random()}`;
  monitor.on('monitor', (_time: string, args: string[], source: string) => {
    const [command = '', ...rest] = args.map((arg) => arg.toUpperCase());
    if (command === 'ECHO' && args[1] === marker) resolveDone();
    if (!source.includes('lua')) return;
    if (command === 'ZRANGE') {
      const limitAt = rest.indexOf('LIMIT');
      asked += limitAt === -1 ? Number.POSITIVE_INFINITY : Number(rest[limitAt + 2]);
    } else if (command === 'ZINTER') asked = Number.POSITIVE_INFINITY;
  });
  await work();
  // MONITOR shows commands in the order Redis ran them: once the marker shows, all did.
  await redis.echo(marker);
  await done;
  monitor.disconnect();
  return asked;
}

it(`reads a bounded part of the index per page, not all ${RUNS} runs`, async () => {
  const keys = new RedisKeys(uniquePrefix('exec-list'));
  const patterns = new RedisPatternStore(redis, keys);
  const store = new RedisExecutionStore(redis, keys);
  expect(await patterns.create(makePattern({ id: 'p' }))).toBe(true);
  const request = {
    retentionSeconds: 86_400 * 365 * 10,
    leaseUntilMs: at + 30_000,
    patternVersion: 1,
    patternGeneration: TEST_GENERATION,
    slot: null,
    idempotency: null,
  };
  await Promise.all(Array.from({ length: RUNS }, (_, i) => store.start(run(i), request)));
  const query = { patternId: null, status: null, createdBy: null, limit: LIMIT };

  let first = await store.list({ ...query, after: null });
  const firstAsked = await entriesAskedFor(async () => {
    first = await store.list({ ...query, after: null });
  });
  expect(first.items.map((item) => item.id)).toEqual(
    Array.from({ length: LIMIT }, (_, i) => run(RUNS - 1 - i).id),
  );
  expect(first).toMatchObject({ totalCount: RUNS, countBefore: 0, hasMore: true });

  // A cursor in the middle of a tie, far down the index.
  const middle = run(1234);
  const after = { createdAtMs: Date.parse(middle.createdAt), id: middle.id };
  let page = await store.list({ ...query, after });
  const pageAsked = await entriesAskedFor(async () => {
    page = await store.list({ ...query, after });
  });
  expect(page.items.map((item) => item.id)).toEqual(
    Array.from({ length: LIMIT }, (_, i) => run(1233 - i).id),
  );
  expect(page).toMatchObject({ totalCount: RUNS, countBefore: RUNS - 1234, hasMore: true });

  expect(firstAsked).toBeLessThanOrEqual(4 * LIMIT);
  expect(pageAsked).toBeLessThanOrEqual(4 * LIMIT);
});
