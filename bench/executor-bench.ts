/**
 * Executor benchmark: 100 independent CACHE set steps, and a chain of 100 dependent ones, run by
 * (a) Nexus's executor (SYNC, with records, progress and statistics), (b) a hand-written ioredis
 * program doing the same writes with the same concurrency (the limit), (c) the same work as a
 * BullMQ flow (a peer), (d) the hand-written program plus the writes any recorded execution
 * makes (a floor for recording, not a competitor), on one Redis.
 */
import { type FlowJob, FlowProducer, QueueEvents, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { Step } from '../src/domain/pattern/pattern.js';
import type { Clock } from '../src/domain/shared/clock.js';
import { startRedisServer } from '../test/helpers/redis-server.js';
import { nexusModule } from './nexus-modules.js';

// From src/ through tsx, or from dist/ with BENCH_DIST=1 (see nexus-modules.ts).
const [
  { NO_EVENTS },
  { ExecutionService },
  { GraphService },
  { PatternService },
  { systemClock },
  { DEV_ADMIN },
  { RedisKeys },
  { RedisEventBus },
  { RedisExecutionStore },
  { RedisGraphStore },
  { RedisKeyValueSpace },
  { RedisPatternStore },
] = await Promise.all([
  nexusModule<typeof import('../src/domain/events/event.js')>('domain/events/event.js'),
  nexusModule<typeof import('../src/domain/execution/execution-service.js')>(
    'domain/execution/execution-service.js',
  ),
  nexusModule<typeof import('../src/domain/graph/graph-service.js')>(
    'domain/graph/graph-service.js',
  ),
  nexusModule<typeof import('../src/domain/pattern/pattern-service.js')>(
    'domain/pattern/pattern-service.js',
  ),
  nexusModule<typeof import('../src/domain/shared/clock.js')>('domain/shared/clock.js'),
  nexusModule<typeof import('../src/domain/shared/viewer.js')>('domain/shared/viewer.js'),
  nexusModule<typeof import('../src/infra/redis/keys.js')>('infra/redis/keys.js'),
  nexusModule<typeof import('../src/infra/redis/redis-event-bus.js')>(
    'infra/redis/redis-event-bus.js',
  ),
  nexusModule<typeof import('../src/infra/redis/redis-execution-store.js')>(
    'infra/redis/redis-execution-store.js',
  ),
  nexusModule<typeof import('../src/infra/redis/redis-graph-store.js')>(
    'infra/redis/redis-graph-store.js',
  ),
  nexusModule<typeof import('../src/infra/redis/redis-key-value-store.js')>(
    'infra/redis/redis-key-value-store.js',
  ),
  nexusModule<typeof import('../src/infra/redis/redis-pattern-store.js')>(
    'infra/redis/redis-pattern-store.js',
  ),
]);

const STEPS = 100;
/** Runs of one shape at once in the rows under load. */
const LOAD = 16;
const CONCURRENCY = 16;
const ROUNDS = Number(process.env.BENCH_EXECUTOR_ROUNDS ?? 20);
// A server runs warm: enough rounds for the JIT to optimise every contender's hot path (with
// 20, Nexus's wide runs were still ~15 % slower than after 200).
const WARM_UP = Number(process.env.BENCH_EXECUTOR_WARM_UP ?? 100);
const prefix = 'benchexec:';
type Bus = 'in-process' | 'redis';
/**
 * Which event bus Nexus publishes its progress events on: `redis` (log and channel, as in
 * production), `in-process`, or both (the default), each in a run of its own.
 */
const BUSES: readonly Bus[] =
  process.env.BENCH_EXECUTOR_BUS === 'redis'
    ? ['redis']
    : process.env.BENCH_EXECUTOR_BUS === 'in-process'
      ? ['in-process']
      : ['in-process', 'redis'];

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
  for (const bus of BUSES) await runWithBus(bus);
}

async function runWithBus(busKind: Bus): Promise<void> {
  const server = await startRedisServer();
  const redis = new Redis(server.url, { enableAutoPipelining: true });
  const bullConnection = new Redis(server.url, { maxRetriesPerRequest: null });
  const keys = new RedisKeys(prefix);
  const clock: Clock = systemClock;
  const patterns = new PatternService(new RedisPatternStore(redis, keys), clock);
  const busSubscriber = busKind === 'redis' ? redis.duplicate() : null;
  const bus = busSubscriber
    ? new RedisEventBus(
        redis,
        busSubscriber,
        keys,
        clock,
        {
          maxLength: 10_000,
          maxBytes: 32 * 1024 * 1024,
          maxQueued: 1_000,
          maxEventBytes: 64 * 1024,
          maxReplays: 8,
        },
        { publishFailed: (error) => console.error(error) },
      )
    : NO_EVENTS;
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
      userStepConcurrency: 256,
      maxRunsPerExecution: 100,
      maxRenderedBytes: 256 * 1024,
      retryBaseMs: 100,
      retryCapMs: 1000,
      defaultStepTimeoutMs: 30_000,
      maxStepTimeoutMs: 300_000,
      executionTimeoutMs: 60_000,
      maxConcurrentPerUser: 1_000,
      retentionSeconds: 3600,
      idempotencyTtlSeconds: 3600,
      leaseMs: 30_000,
      maxTakeovers: 3,
      maxCompositeDepth: 5,
    },
    instanceId: 'bench',
    runsSteps: true,
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

  /**
   * (d) The hand-written program plus the writes any recorded run makes, and nothing else: the
   * record and its lease opened before the first step, each step's RUNNING and SUCCEEDED results
   * (those of one tick in one HSET, as Nexus batches them), the record closed after the last.
   * No scheduler, timeouts, retries, progress events or statistics.
   */
  let floorRuns = 0;
  const recorded = async (steps: (write: (id: string) => Promise<void>) => Promise<void>) => {
    const id = `floor${floorRuns++}`;
    const record = `${prefix}floor:${id}`;
    const results = `${record}:steps`;
    const leases = `${prefix}floor:running`;
    const doc = (status: string) =>
      JSON.stringify({ id, patternId: 'bench', status, stepIds: ids });
    await redis
      .multi()
      .set(record, doc('RUNNING'), 'EX', 3600)
      .hset(results, ':created', '1')
      .expire(results, 3600)
      .zadd(leases, Date.now() + 30_000, id)
      .exec();
    let fields: string[] = [];
    let written: Promise<unknown> = Promise.resolve();
    const note = (stepId: string, result: unknown[]) => {
      fields.push(stepId, JSON.stringify(result));
      if (fields.length > 2) return;
      process.nextTick(() => {
        const batch = fields;
        fields = [];
        written = redis.hset(results, ...batch);
      });
    };
    await steps(async (stepId) => {
      const started = Date.now();
      note(stepId, ['RUNNING', 1, started]);
      await redis.set(`${prefix}kv:user:dev:bench:${stepId}`, JSON.stringify({ id: stepId }));
      const finished = Date.now();
      note(stepId, ['SUCCEEDED', 1, started, finished, finished - started, { key: stepId }]);
    });
    await new Promise<void>((resolve) => process.nextTick(resolve));
    await Promise.all([
      written,
      redis.multi().set(record, doc('SUCCEEDED'), 'KEEPTTL').zrem(leases, id).exec(),
    ]);
  };
  const recordedFloor = {
    wide: () =>
      recorded(async (write) => {
        let next = 0;
        await Promise.all(
          Array.from({ length: CONCURRENCY }, async () => {
            while (next < STEPS) await write(ids[next++] as string);
          }),
        );
      }),
    chain: () =>
      recorded(async (write) => {
        for (const id of ids) await write(id);
      }),
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
      `\nexecutor: ${STEPS} CACHE set steps, concurrency ${CONCURRENCY}, ${busKind} event bus; median over ${ROUNDS} interleaved rounds\n`,
    );
    console.log(
      [
        'pattern'.padEnd(26),
        '(a) nexus st/s'.padStart(15),
        '(b) ioredis st/s'.padStart(17),
        '(c) BullMQ st/s'.padStart(16),
        '(d) records only st/s'.padStart(22),
        'a / b'.padStart(6),
        'a / c'.padStart(6),
        'd / b'.padStart(6),
        'a / d'.padStart(6),
        'overhead µs/step'.padStart(17),
        'a CPU µs/st'.padStart(13),
        'b CPU µs/st'.padStart(13),
        'a−b CPU µs/st'.padStart(14),
      ].join(' '),
    );
    type Contender = 'a' | 'b' | 'c' | 'd';
    const names: readonly Contender[] = ['a', 'b', 'c', 'd'];
    // Then under load: LOAD runs of each shape at once (LOAD × 16 steps, the process-wide limit of
    // 256 running steps); BullMQ's one worker would only queue them, so it sits those rows out.
    const runs = [
      { shape: 'wide', copies: 1 },
      { shape: 'chain', copies: 1 },
      { shape: 'wide', copies: LOAD },
      { shape: 'chain', copies: LOAD },
    ] as const;
    for (const { shape, copies } of runs) {
      const samples: Record<Contender, number[]> = { a: [], b: [], c: [], d: [] };
      // This process's CPU time (user + system) per round: the executor's own cost, steadier
      // than wall time when other work shares the cores (BullMQ's worker runs here too).
      const cpu: Record<Contender, number[]> = { a: [], b: [], c: [], d: [] };
      const single: Record<Contender, () => Promise<void>> = {
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
        d: recordedFloor[shape],
      };
      const contenders = (name: Contender) => () =>
        Promise.all(Array.from({ length: copies }, () => single[name]())).then(() => {});
      const taking = names.filter((name) => copies === 1 || name !== 'c');
      // Under load the JIT is warm already, and each round is long: fewer warm-up rounds.
      const warmUp = copies === 1 ? WARM_UP : 5;
      for (let round = -warmUp; round < ROUNDS; round++) {
        // Rotated each round, so that no contender always follows the same one.
        const order = taking.map((_, k) => taking[(k + Math.max(round, 0)) % taking.length]);
        for (const name of order as Contender[]) {
          const started = process.hrtime.bigint();
          const cpuBefore = process.cpuUsage();
          await contenders(name)();
          if (round >= 0) {
            samples[name].push(Number(process.hrtime.bigint() - started) / 1e6);
            const used = process.cpuUsage(cpuBefore);
            cpu[name].push(used.user + used.system);
          }
        }
      }
      const median = (values: number[]) =>
        [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] ?? 0;
      const [a, b, c, d] = names.map((name) => median(samples[name])) as [
        number,
        number,
        number,
        number,
      ];
      const [cpuA, cpuB] = (['a', 'b'] as const).map(
        (name) => median(cpu[name]) / (copies * STEPS),
      ) as [number, number];
      const rate = (ms: number) => (ms > 0 ? ((copies * STEPS * 1000) / ms).toFixed(0) : '–');
      const ratio = (x: number, y: number) => (x > 0 && y > 0 ? (x / y).toFixed(2) : '–');
      const label = shape === 'wide' ? '100 independent steps' : 'chain of 100 steps';
      console.log(
        [
          (copies === 1 ? label : `${label} ×${copies}`).padEnd(26),
          rate(a).padStart(15),
          rate(b).padStart(17),
          rate(c).padStart(16),
          rate(d).padStart(22),
          ratio(b, a).padStart(6),
          ratio(c, a).padStart(6),
          ratio(b, d).padStart(6),
          ratio(d, a).padStart(6),
          (((a - b) / (copies * STEPS)) * 1000).toFixed(0).padStart(17),
          cpuA.toFixed(1).padStart(13),
          cpuB.toFixed(1).padStart(13),
          (cpuA - cpuB).toFixed(1).padStart(14),
        ].join(' '),
      );
    }
    console.log(
      [
        '',
        "a / b: Nexus steps/s as a share of the hand-written program's; a / c: Nexus vs BullMQ (> 1: Nexus faster).",
        "d / b: the share left for any executor that records its runs (d: (b) plus Nexus's record, lease and",
        'step-result writes, with no executor of its own); a / d: Nexus as a share of that floor.',
        `×${LOAD}: that many runs at once (throughput under load; steps/s of all of them together).`,
        "CPU µs/st: this process's CPU time per step (median round); a − b: what the executor adds to the writes.",
      ].join('\n'),
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
