/**
 * Queue bench (BENCH_ONLY=queue): queued runs of a one-step pattern (a CACHE set) taken by 1 and
 * 2 Nexus worker processes (`src/main.ts`, NEXUS_ROLE=worker: the worker's own
 * ExecutionService.runQueued), beside bare BullMQ (a Worker with an empty processor, the same
 * concurrency, the same Redis), reported as ratios measured in the same run.
 *
 * Each round fills a paused queue with BENCH_QUEUE_JOBS jobs, resumes it and times the drain.
 * - `nexus`: runs stored PENDING and queued the way an api process stores them (an in-process
 *   app of role api calls ExecutionService.execute, mode ASYNC), then taken by the workers
 *   (claim, step, record, events, statistics). Drained when the SUCCEEDED index has them all.
 * - `bare`: BullMQ jobs (addBulk), drained when BullMQ counts them completed.
 * - `ASYNC (full path)`: executePattern(mode: ASYNC) over HTTP to an api process while the
 *   workers take them, from the first mutation to the last run's end.
 * Beside each: Redis commands per job (INFO commandstats, script calls and the commands the
 * scripts ran both counted) and the Redis server's CPU share during the drain.
 *
 * Runs are spread over users (at most MAX_WAITING_PER_USER wait per user). BENCH_QUEUE_JOBS
 * (default 6000: a bare drain short enough to be mostly ramp-up measures nothing), BENCH_QUEUE_ROUNDS (3, median), BENCH_QUEUE_CONCURRENCY (16).
 */
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { MAX_WAITING_PER_USER } from '../src/domain/execution/admission.js';
import type { Pattern } from '../src/domain/pattern/pattern.js';
import { SETTLED_KEPT } from '../src/domain/queue/run-workers.js';
import { queueConnection } from '../src/infra/queue/bullmq-connection.js';
import { RUNS_QUEUE } from '../src/infra/queue/bullmq-run-queue.js';
import { redisConnectionOptions } from '../src/infra/redis/client.js';
import { RedisKeys } from '../src/infra/redis/keys.js';
import { RedisPatternStore } from '../src/infra/redis/redis-pattern-store.js';
import { signToken } from '../src/server/authenticate.js';
import { createLogger } from '../src/server/logger.js';
import { startRedisServer } from '../test/helpers/redis-server.js';
import { cpuMs, startScript } from './process.js';

const JOBS = Number(process.env.BENCH_QUEUE_JOBS ?? 6000);
const ROUNDS = Number(process.env.BENCH_QUEUE_ROUNDS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_QUEUE_CONCURRENCY ?? 16);
const PREFIX = 'benchqueue:';
const PATTERN_ID = 'bench_one_step';
/** Runs per user: below the waiting limit, so that a full round can wait in the queue. */
const RUNS_PER_USER = Math.floor(MAX_WAITING_PER_USER / 2);
const SECRET = 'queue-bench-secret-that-is-long-enough-for-hs256';

const now = new Date().toISOString();
const oneStep: Pattern = {
  id: PATTERN_ID,
  name: 'One cache step',
  description: null,
  version: 1,
  generation: 'g-bench',
  origin: 'USER',
  category: 'USER',
  steps: [
    {
      id: 'mark',
      type: 'CACHE',
      action: 'set',
      parameters: { key: 'bench:{run}', value: '{run}' },
      dependsOn: [],
      retries: 0,
      timeoutMs: null,
    },
  ],
  metadata: null,
  transactional: false,
  isActive: true,
  createdBy: 'dev',
  createdAt: now,
  updatedAt: now,
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

async function stopAll(children: ChildProcess[]): Promise<void> {
  for (const child of children) {
    if (child.exitCode !== null) continue;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  }
}

interface RedisUsage {
  commands: number;
  cpuSeconds: number;
}

/** Commands Redis ran (script calls and the commands inside them) and its CPU time so far. */
async function usageOf(redis: Redis): Promise<RedisUsage> {
  const stats = await redis.info('commandstats');
  let commands = 0;
  for (const match of stats.matchAll(/^cmdstat_(\w+):calls=(\d+)/gm))
    if (match[1] !== 'info') commands += Number(match[2]);
  const cpu = await redis.info('cpu');
  const seconds = (name: string) => Number(new RegExp(`${name}:([\\d.]+)`).exec(cpu)?.[1] ?? 0);
  return { commands, cpuSeconds: seconds('used_cpu_user') + seconds('used_cpu_sys') };
}

interface Measured {
  rate: number;
  commandsPerJob: number;
  redisCpu: number;
  /** CPU time the worker processes used per job (ms): the steadier figure on shared cores. */
  workerCpuMs: number;
}

const cpuOf = (children: ChildProcess[]) =>
  children.reduce((sum, child) => sum + cpuMs(child.pid ?? 0), 0);

/** Resumes `queue`, waits until `done()` says JOBS more have finished; rate and Redis usage. */
async function drain(
  redis: Redis,
  workers: ChildProcess[],
  queue: Queue,
  done: () => Promise<number>,
  failed: () => Promise<number>,
): Promise<Measured> {
  const before = await done();
  const usage = await usageOf(redis);
  const cpuBefore = cpuOf(workers);
  const started = performance.now();
  await queue.resume();
  for (;;) {
    if ((await failed()) > 0) throw new Error(`${queue.name}: jobs or runs failed`);
    if ((await done()) - before >= JOBS) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const seconds = (performance.now() - started) / 1000;
  const workerCpuMs = (cpuOf(workers) - cpuBefore) / JOBS;
  const after = await usageOf(redis);
  return {
    rate: JOBS / seconds,
    workerCpuMs,
    commandsPerJob: (after.commands - usage.commands) / JOBS,
    redisCpu: (after.cpuSeconds - usage.cpuSeconds) / seconds,
  };
}

export async function runQueueBench(): Promise<void> {
  const server = await startRedisServer();
  const redis = new Redis(server.url);
  const keys = new RedisKeys(PREFIX);
  await new RedisPatternStore(redis, keys).create(oneStep);
  const bullPrefix = keys.bullmqPrefix();
  const connection = queueConnection(redisConnectionOptions(server.url), 'bench');
  const opts = { removeOnComplete: { age: SETTLED_KEPT.seconds, count: SETTLED_KEPT.count } };
  const bare = new Queue('bare', { connection, prefix: `${PREFIX}bare`, defaultJobOptions: opts });
  const floor = new Queue('floor', {
    connection,
    prefix: `${PREFIX}bare`,
    defaultJobOptions: opts,
  });
  // What a queued run's job carries (its PENDING record), for the floor's writes.
  const record = JSON.stringify({ ...oneStep, status: 'PENDING', input: { run: 'r0-0' } });
  const runsQueue = new Queue(RUNS_QUEUE, { connection, prefix: bullPrefix });
  const env = {
    REDIS_URL: server.url,
    NEXUS_KEY_PREFIX: PREFIX,
    NEXUS_USER_CONCURRENT_EXECUTIONS: '100000',
    NEXUS_MUTATIONS_PER_MINUTE: '10000000',
    LOG_LEVEL: 'warn',
  };
  // The producer: an api process's admission, in this process (not timed: the queue is paused).
  const api = createApp(loadConfig({ ...env, NEXUS_ROLE: 'api', PORT: '0' }), {
    logger: createLogger('warn'),
  });
  await api.start(0);
  const count = (status: string) => redis.zcard(keys.executionsWithStatus(status));
  let batch = 0;

  const bullRound = async (queue: Queue, workers: ChildProcess[]): Promise<Measured> => {
    await queue.pause();
    // BullMQ keeps at most SETTLED_KEPT.count completed jobs: counted from an empty set.
    await queue.clean(0, 1_000_000, 'completed');
    batch++;
    await queue.addBulk(
      Array.from({ length: JOBS }, (_, i) => ({
        name: 'job',
        data: queue === floor ? { i, record } : { i },
        opts: { jobId: `b${batch}-${i}` },
      })),
    );
    const completed = async () => (await queue.getJobCounts('completed')).completed ?? 0;
    const failed = async () => (await queue.getJobCounts('failed')).failed ?? 0;
    return drain(redis, workers, queue, completed, failed);
  };
  const bareRound = (workers: ChildProcess[]) => bullRound(bare, workers);
  const floorRound = (workers: ChildProcess[]) => bullRound(floor, workers);
  const nexusRound = async (workers: ChildProcess[]): Promise<Measured> => {
    await runsQueue.pause();
    await runsQueue.clean(0, 1_000_000, 'completed');
    batch++;
    let next = 0;
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        for (let i = next++; i < JOBS; i = next++) {
          const viewer = {
            id: `bench-${batch}-${Math.floor(i / RUNS_PER_USER)}`,
            roles: ['admin'],
          };
          await api.services.executions.execute(viewer, {
            patternId: PATTERN_ID,
            input: { run: `r${batch}-${i}` },
            mode: 'ASYNC',
            idempotencyKey: null,
          });
        }
      }),
    );
    const failed = async () => (await count('FAILED')) + (await count('CANCELLED'));
    return drain(redis, workers, runsQueue, () => count('SUCCEEDED'), failed);
  };

  const startWorkers = async (kind: 'bare' | 'floor' | 'nexus', workers: number) => {
    const children: ChildProcess[] = [];
    for (let i = 0; i < workers; i++) {
      const started =
        kind !== 'nexus'
          ? await startScript('bench/bare-bullmq-worker.ts', /bare worker ready/, {
              REDIS_URL: server.url,
              BULL_PREFIX: `${PREFIX}bare`,
              BULL_QUEUE: kind,
              CONCURRENCY: String(CONCURRENCY),
              FLOOR: kind === 'floor' ? '1' : '0',
            })
          : await startScript('src/main.ts', /Nexus is running queued work/, {
              ...env,
              LOG_LEVEL: 'info',
              NEXUS_ROLE: 'worker',
              NEXUS_WORKER_CONCURRENCY: String(CONCURRENCY),
            });
      children.push(started.child);
    }
    return children;
  };

  const results = new Map<string, Measured>();
  try {
    for (const workers of [1, 2]) {
      const bareWorkers = await startWorkers('bare', workers);
      const floorWorkers = await startWorkers('floor', workers);
      const nexusWorkers = await startWorkers('nexus', workers);
      // Warm-up: one round each, not counted.
      await bareRound(bareWorkers);
      await floorRound(floorWorkers);
      await nexusRound(nexusWorkers);
      const bareRounds: Measured[] = [];
      const floorRounds: Measured[] = [];
      const nexusRounds: Measured[] = [];
      const contenders = [
        () => bareRound(bareWorkers).then((m) => bareRounds.push(m)),
        () => floorRound(floorWorkers).then((m) => floorRounds.push(m)),
        () => nexusRound(nexusWorkers).then((m) => nexusRounds.push(m)),
      ];
      for (let round = 0; round < ROUNDS; round++) {
        // Rotate the order so that drift does not favour one side.
        for (let k = 0; k < contenders.length; k++)
          await contenders[(k + round) % contenders.length]?.();
      }
      const pick = (rounds: Measured[]): Measured => ({
        rate: median(rounds.map((m) => m.rate)),
        commandsPerJob: median(rounds.map((m) => m.commandsPerJob)),
        redisCpu: median(rounds.map((m) => m.redisCpu)),
        workerCpuMs: median(rounds.map((m) => m.workerCpuMs)),
      });
      results.set(`bare${workers}`, pick(bareRounds));
      results.set(`floor${workers}`, pick(floorRounds));
      results.set(`nexus${workers}`, pick(nexusRounds));
      await stopAll([...bareWorkers, ...floorWorkers, ...nexusWorkers]);
    }
    const r = (key: string): Measured =>
      results.get(key) ?? { rate: 0, commandsPerJob: 0, redisCpu: 0, workerCpuMs: 0 };
    console.log(
      `\nqueue: ${JOBS} jobs per round, worker concurrency ${CONCURRENCY}, median of ${ROUNDS} alternating rounds\n`,
    );
    const rows: string[][] = [
      [
        'workers',
        'nexus runs/s',
        'bare jobs/s',
        'ratio',
        'floor jobs/s',
        'n / floor',
        'cmds/run',
        'cmds/job',
        'worker CPU ms n/b',
        'Redis CPU n/b',
      ],
    ];
    for (const workers of [1, 2]) {
      const nexus = r(`nexus${workers}`);
      const bareRow = r(`bare${workers}`);
      const floorRow = r(`floor${workers}`);
      rows.push([
        String(workers),
        nexus.rate.toFixed(0),
        bareRow.rate.toFixed(0),
        (nexus.rate / bareRow.rate).toFixed(2),
        floorRow.rate.toFixed(0),
        (nexus.rate / floorRow.rate).toFixed(2),
        nexus.commandsPerJob.toFixed(1),
        bareRow.commandsPerJob.toFixed(1),
        `${nexus.workerCpuMs.toFixed(2)} / ${bareRow.workerCpuMs.toFixed(2)}`,
        `${(nexus.redisCpu * 100).toFixed(0)}% / ${(bareRow.redisCpu * 100).toFixed(0)}%`,
      ]);
    }
    rows.push([
      '2 / 1',
      `${(r('nexus2').rate / r('nexus1').rate).toFixed(2)}×`,
      `${(r('bare2').rate / r('bare1').rate).toFixed(2)}×`,
      '',
      `${(r('floor2').rate / r('floor1').rate).toFixed(2)}×`,
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
    for (const row of rows)
      console.log(
        row.map((cell, i) => (i === 0 ? cell.padEnd(8) : cell.padStart(i >= 8 ? 20 : 13))).join(''),
      );
    console.log(
      [
        '\nnexus: runs stored PENDING by an api-role admission, taken by src/main.ts workers (ExecutionService.runQueued).',
        "floor: BullMQ jobs whose processor makes a recorded run's writes by hand (record, lease, slot, step, results,",
        'indexes, statistics, two events) in three pipelines, with no executor: what a recorded queued run can reach.',
      ].join('\n'),
    );
    await runFullPath(env, redis, count);
  } finally {
    await api.stop();
    await Promise.all([bare.close(), floor.close(), runsQueue.close()]);
    await redis.quit();
    await server.stop();
  }
}

/**
 * executePattern(ASYNC) to an api process with 1 and 2 worker processes: runs per second from
 * the first mutation to the last run's end (an admin user per RUNS_PER_USER runs, 50 requests in
 * flight).
 */
async function runFullPath(
  env: Record<string, string>,
  redis: Redis,
  count: (status: string) => Promise<number>,
): Promise<void> {
  const api = await startScript('src/main.ts', /Nexus is serving GraphQL/, {
    ...env,
    LOG_LEVEL: 'info',
    NEXUS_ROLE: 'api',
    NEXUS_JWT_SECRET: SECRET,
  });
  const tokens = await Promise.all(
    Array.from({ length: Math.ceil(JOBS / RUNS_PER_USER) * 2 }, (_, u) =>
      signToken(SECRET, { sub: `http-${u}`, roles: ['admin'] }),
    ),
  );
  const endpoint = `http://127.0.0.1:${api.port}/graphql`;
  const execute = async (i: number, round: number) => {
    const user = (round - 1) * Math.ceil(JOBS / RUNS_PER_USER) + Math.floor(i / RUNS_PER_USER);
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[user]}` },
      body: JSON.stringify({
        query: `mutation($id: ID!, $input: JSON) { executePattern(id: $id, input: $input, mode: ASYNC) { id } }`,
        variables: { id: PATTERN_ID, input: { run: `a${round}-${i}` } },
      }),
    });
    const body = (await response.json()) as { errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
  };
  try {
    console.log(
      '\nASYNC (full path): executePattern(ASYNC) over HTTP (50 in flight) to an api process',
    );
    for (const workers of [1, 2]) {
      const children: ChildProcess[] = [];
      for (let i = 0; i < workers; i++)
        children.push(
          (
            await startScript('src/main.ts', /Nexus is running queued work/, {
              ...env,
              LOG_LEVEL: 'info',
              NEXUS_ROLE: 'worker',
              NEXUS_WORKER_CONCURRENCY: String(CONCURRENCY),
            })
          ).child,
        );
      const start = await count('SUCCEEDED');
      const usage = await usageOf(redis);
      const started = performance.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: 50 }, async () => {
          for (let i = next++; i < JOBS; i = next++) await execute(i, workers);
        }),
      );
      while ((await count('SUCCEEDED')) - start < JOBS)
        await new Promise((resolve) => setTimeout(resolve, 10));
      const seconds = (performance.now() - started) / 1000;
      const after = await usageOf(redis);
      console.log(
        `  ${workers} worker process(es): ${(JOBS / seconds).toFixed(0)} runs/s, ${((after.commands - usage.commands) / JOBS).toFixed(1)} Redis commands per run (api and worker), Redis CPU ${(((after.cpuSeconds - usage.cpuSeconds) / seconds) * 100).toFixed(0)}%`,
      );
      await stopAll(children);
    }
  } finally {
    await stopAll([api.child]);
  }
}
