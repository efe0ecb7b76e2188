/**
 * Executor benchmark: 100 independent CACHE set steps, and a chain of 100 dependent ones, run by
 * (a) Nexus's executor (SYNC, with records, progress and statistics), (b) a hand-written ioredis
 * program doing the same writes with the same concurrency (the limit), (c) the same work as a
 * BullMQ flow (a peer), on one Redis.
 */
import { type FlowJob, FlowProducer, QueueEvents, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { LocalEventPublisher } from '../src/domain/events/event.js';
import { ExecutionService } from '../src/domain/execution/execution-service.js';
import { GraphService } from '../src/domain/graph/graph-service.js';
import type { Step } from '../src/domain/pattern/pattern.js';
import { PatternService } from '../src/domain/pattern/pattern-service.js';
import { type Clock, systemClock } from '../src/domain/shared/clock.js';
import { DEV_ADMIN } from '../src/domain/shared/viewer.js';
import { RedisKeys } from '../src/infra/redis/keys.js';
import { RedisEventBus } from '../src/infra/redis/redis-event-bus.js';
import { RedisExecutionStore } from '../src/infra/redis/redis-execution-store.js';
import { RedisGraphStore } from '../src/infra/redis/redis-graph-store.js';
import { RedisKeyValueSpace } from '../src/infra/redis/redis-key-value-store.js';
import { RedisPatternStore } from '../src/infra/redis/redis-pattern-store.js';
import { startRedisServer } from '../test/helpers/redis-server.js';

const STEPS = 100;
const CONCURRENCY = 16;
const ROUNDS = Number(process.env.BENCH_EXECUTOR_ROUNDS ?? 10);
// A server runs warm: enough rounds for the JIT to optimise every contender's hot path.
const WARM_UP = Number(process.env.BENCH_EXECUTOR_WARM_UP ?? 20);
const prefix = 'benchexec:';
/** `redis`: progress events go through the Redis event bus (log, channel), as in production. */
const BUS = process.env.BENCH_EXECUTOR_BUS === 'redis' ? 'redis' : 'in-process';

const cacheSet = (id: string, dependsOn: string[]): Step => ({
  id,
  type: 'CACHE',
  action: 'set',
  parameters: { key: `bench:${id}`, value: { id } },
  dependsOn,
  retries: 0,
  timeoutMs: null,
});

export async function runExecutorBench(): Promise<void> {
  const server = await startRedisServer();
  const redis = new Redis(server.url, { enableAutoPipelining: true });
  const bullConnection = new Redis(server.url, { maxRetriesPerRequest: null });
  const keys = new RedisKeys(prefix);
  const clock: Clock = systemClock;
  const patterns = new PatternService(new RedisPatternStore(redis, keys), clock);
  const busSubscriber = BUS === 'redis' ? redis.duplicate() : null;
  const bus = busSubscriber
    ? new RedisEventBus(
        redis,
        busSubscriber,
        keys,
        clock,
        { maxLength: 10_000, maxQueued: 1_000 },
        (error) => console.error(error),
      )
    : new LocalEventPublisher();
  if (bus instanceof RedisEventBus) await bus.start();
  const executor = new ExecutionService({
    patterns,
    executions: new RedisExecutionStore(redis, keys),
    kv: new RedisKeyValueSpace(redis, keys),
    graph: new GraphService(new RedisGraphStore(redis, keys), clock),
    events: bus,
    clock,
    settings: {
      stepConcurrency: CONCURRENCY,
      processConcurrency: 256,
      retryBaseMs: 100,
      retryCapMs: 1000,
      defaultStepTimeoutMs: 30_000,
      maxStepTimeoutMs: 300_000,
      executionTimeoutMs: 60_000,
      maxConcurrentPerUser: 1_000,
      retentionSeconds: 3600,
      idempotencyTtlSeconds: 3600,
      leaseMs: 30_000,
      maxCompositeDepth: 5,
    },
  });
  const ids = Array.from({ length: STEPS }, (_, i) => `s${i}`);
  for (const [id, steps] of [
    ['wide', ids.map((id) => cacheSet(id, []))],
    ['chain', ids.map((id, i) => cacheSet(id, i === 0 ? [] : [`s${i - 1}`]))],
  ] as const) {
    await patterns.create(DEV_ADMIN, {
      id,
      name: id,
      description: null,
      origin: 'USER',
      category: 'USER',
      steps: [...steps],
      metadata: null,
      transactional: false,
      isActive: true,
    });
  }

  const handWritten = {
    wide: async () => {
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < STEPS) {
            const id = ids[next++] as string;
            await redis.set(`${prefix}kv:user:dev:bench:${id}`, JSON.stringify({ id }));
          }
        }),
      );
    },
    chain: async () => {
      for (const id of ids)
        await redis.set(`${prefix}kv:user:dev:bench:${id}`, JSON.stringify({ id }));
    },
  };

  const queueName = 'steps';
  const worker = new Worker(
    queueName,
    async (job) => {
      if (job.data.key) await redis.set(job.data.key as string, JSON.stringify(job.data.value));
    },
    { connection: bullConnection, concurrency: CONCURRENCY, prefix: 'bull' },
  );
  const eventsConnection = bullConnection.duplicate();
  const events = new QueueEvents(queueName, { connection: eventsConnection, prefix: 'bull' });
  await events.waitUntilReady();
  const flows = new FlowProducer({ connection: bullConnection, prefix: 'bull' });
  const job = (id: string, children?: FlowJob[]): FlowJob => ({
    name: id,
    queueName,
    data: { key: `${prefix}kv:user:dev:bench:${id}`, value: { id } },
    opts: { removeOnComplete: true },
    children,
  });
  const bull = {
    wide: async () => {
      const root: FlowJob = {
        name: 'root',
        queueName,
        data: {},
        children: ids.map((id) => job(id)),
      };
      const tree = await flows.add(root);
      await tree.job.waitUntilFinished(events, 60_000);
    },
    chain: async () => {
      // The leaves of a flow run first: the last step is the root, the first the deepest child.
      let chain: FlowJob | undefined;
      for (const id of ids) chain = job(id, chain ? [chain] : undefined);
      const tree = await flows.add(chain as FlowJob);
      await tree.job.waitUntilFinished(events, 60_000);
    },
  };

  try {
    console.log(
      `\nexecutor: ${STEPS} CACHE set steps, concurrency ${CONCURRENCY}, ${BUS} event bus; median over ${ROUNDS} interleaved rounds\n`,
    );
    console.log(
      [
        'pattern'.padEnd(26),
        '(a) nexus st/s'.padStart(15),
        '(b) ioredis st/s'.padStart(17),
        '(c) BullMQ st/s'.padStart(16),
        'a / b'.padStart(7),
        'a / c'.padStart(7),
        'overhead µs/step'.padStart(17),
      ].join(' '),
    );
    for (const shape of ['wide', 'chain'] as const) {
      const samples: Record<'a' | 'b' | 'c', number[]> = { a: [], b: [], c: [] };
      const contenders = {
        a: async () => {
          const execution = await executor.execute(DEV_ADMIN, {
            patternId: shape,
            input: null,
            mode: 'SYNC',
            idempotencyKey: null,
          });
          if (execution.status !== 'SUCCEEDED')
            throw new Error(`nexus run ${execution.status}: ${execution.error}`);
        },
        b: handWritten[shape],
        c: bull[shape],
      };
      for (let round = -WARM_UP; round < ROUNDS; round++) {
        const order = (['a', 'b', 'c'] as const).map(
          (_, k, all) => all[(k + Math.max(round, 0)) % 3] as 'a' | 'b' | 'c',
        );
        for (const name of order) {
          const started = process.hrtime.bigint();
          await contenders[name]();
          if (round >= 0) samples[name].push(Number(process.hrtime.bigint() - started) / 1e6);
        }
      }
      const median = (values: number[]) =>
        [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] ?? 0;
      const [a, b, c] = [median(samples.a), median(samples.b), median(samples.c)];
      const rate = (ms: number) => ((STEPS * 1000) / ms).toFixed(0);
      console.log(
        [
          (shape === 'wide' ? '100 independent steps' : 'chain of 100 steps').padEnd(26),
          rate(a).padStart(15),
          rate(b).padStart(17),
          rate(c).padStart(16),
          (b / a).toFixed(2).padStart(7),
          (c / a).toFixed(2).padStart(7),
          (((a - b) / STEPS) * 1000).toFixed(0).padStart(17),
        ].join(' '),
      );
    }
    console.log(
      "\na / b: Nexus steps/s as a share of the hand-written program's; a / c: Nexus vs BullMQ (> 1: Nexus faster).",
    );
  } finally {
    await executor.shutdown();
    busSubscriber?.disconnect();
    await worker.close();
    await events.close();
    await flows.close();
    eventsConnection.disconnect();
    bullConnection.disconnect();
    await redis.quit();
    await server.stop();
  }
}
