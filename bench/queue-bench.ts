/**
 * Queue bench (BENCH_ONLY=queue): queued runs of a one-step pattern (a CACHE set) taken by 1 and
 * 2 Nexus worker processes, beside bare BullMQ (a Worker with an empty processor, the same
 * concurrency, the same Redis, the same job options), reported as ratios.
 *
 * Each round fills a paused queue with BENCH_QUEUE_JOBS jobs, resumes it and times the drain
 * (the completed count polled every 20 ms). Rows:
 * - `adapter`: jobs queued through the RunQueue; each worker hands them to a handler that runs
 *   the pattern SYNC through the ExecutionService (records, step, events: the whole run).
 * - `ASYNC`: executePattern(mode: ASYNC) over HTTP to an api process, runs taken by the worker
 *   processes through the queue (the full path). Skipped, and said, when ASYNC runs do not go
 *   through the queue in this build (they run in the process that admitted them).
 *
 * BENCH_QUEUE_JOBS (default 2000), BENCH_QUEUE_ROUNDS (3, median), BENCH_QUEUE_CONCURRENCY (16).
 */
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { Pattern } from '../src/domain/pattern/pattern.js';
import { SETTLED_KEPT } from '../src/domain/queue/run-workers.js';
import { queueConnection } from '../src/infra/queue/bullmq-connection.js';
import { BullmqRunQueue, RUNS_QUEUE } from '../src/infra/queue/bullmq-run-queue.js';
import { RedisKeys } from '../src/infra/redis/keys.js';
import { RedisPatternStore } from '../src/infra/redis/redis-pattern-store.js';
import { startRedisServer } from '../test/helpers/redis-server.js';
import { startScript } from './process.js';

const JOBS = Number(process.env.BENCH_QUEUE_JOBS ?? 2000);
const ROUNDS = Number(process.env.BENCH_QUEUE_ROUNDS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_QUEUE_CONCURRENCY ?? 16);
const PREFIX = 'benchqueue:';
const PATTERN_ID = 'bench_one_step';

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

/** Resumes `queue` and resolves with jobs per second once `JOBS` more have completed. */
async function drain(queue: Queue, before: number): Promise<number> {
  const started = performance.now();
  await queue.resume();
  for (;;) {
    const { completed = 0, failed = 0 } = await queue.getJobCounts('completed', 'failed');
    if (failed > 0) throw new Error(`${failed} jobs failed`);
    if (completed - before >= JOBS) return (JOBS * 1000) / (performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function completedOf(queue: Queue): Promise<number> {
  return (await queue.getJobCounts('completed')).completed ?? 0;
}

export async function runQueueBench(): Promise<void> {
  const server = await startRedisServer();
  const redis = new Redis(server.url);
  await new RedisPatternStore(redis, new RedisKeys(PREFIX)).create(oneStep);
  const bullPrefix = new RedisKeys(PREFIX).bullmqPrefix();
  const connection = queueConnection({ url: server.url, name: 'bench' });
  const opts = { removeOnComplete: { age: SETTLED_KEPT.seconds, count: SETTLED_KEPT.count } };
  const bare = new Queue('bare', { connection, prefix: `${PREFIX}bare`, defaultJobOptions: opts });
  const runs = new BullmqRunQueue({ url: server.url, prefix: bullPrefix });
  const runsQueue = new Queue(RUNS_QUEUE, { connection, prefix: bullPrefix });
  let batch = 0;

  const bareRound = async (): Promise<number> => {
    await bare.pause();
    const before = await completedOf(bare);
    batch++;
    await bare.addBulk(
      Array.from({ length: JOBS }, (_, i) => ({
        name: 'job',
        data: { i },
        opts: { jobId: `b${batch}-${i}` },
      })),
    );
    return drain(bare, before);
  };
  const adapterRound = async (): Promise<number> => {
    await runsQueue.pause();
    const before = await completedOf(runsQueue);
    batch++;
    await Promise.all(
      Array.from({ length: JOBS }, (_, i) =>
        runs.enqueue({ executionId: `r${batch}-${i}`, notBeforeMs: null, attempt: 0 }),
      ),
    );
    return drain(runsQueue, before);
  };

  const startWorkers = async (kind: 'bare' | 'nexus', count: number) => {
    const children: ChildProcess[] = [];
    for (let i = 0; i < count; i++) {
      const started =
        kind === 'bare'
          ? await startScript('bench/bare-bullmq-worker.ts', /bare worker ready/, {
              REDIS_URL: server.url,
              BULL_PREFIX: `${PREFIX}bare`,
              BULL_QUEUE: 'bare',
              CONCURRENCY: String(CONCURRENCY),
            })
          : await startScript('test/helpers/worker-main.ts', /Nexus is running queued work/, {
              REDIS_URL: server.url,
              NEXUS_KEY_PREFIX: PREFIX,
              NEXUS_ROLE: 'worker',
              NEXUS_WORKER_CONCURRENCY: String(CONCURRENCY),
              NEXUS_USER_CONCURRENT_EXECUTIONS: '100000',
              NEXUS_STAND_IN_PATTERN: PATTERN_ID,
              LOG_LEVEL: 'info',
            });
      children.push(started.child);
    }
    return children;
  };

  const results: Record<string, number> = {};
  try {
    for (const workers of [1, 2]) {
      const bareWorkers = await startWorkers('bare', workers);
      const nexusWorkers = await startWorkers('nexus', workers);
      // Warm-up: one round each, not counted.
      await bareRound();
      await adapterRound();
      const bareRates: number[] = [];
      const nexusRates: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        // Alternate the order so that drift does not favour one side.
        if (round % 2 === 0) {
          bareRates.push(await bareRound());
          nexusRates.push(await adapterRound());
        } else {
          nexusRates.push(await adapterRound());
          bareRates.push(await bareRound());
        }
      }
      results[`bare${workers}`] = median(bareRates);
      results[`nexus${workers}`] = median(nexusRates);
      await stopAll([...bareWorkers, ...nexusWorkers]);
    }
    const r = (key: string) => results[key] ?? 0;
    console.log(
      `\nqueue: ${JOBS} jobs per round, worker concurrency ${CONCURRENCY}, median of ${ROUNDS} alternating rounds\n`,
    );
    const rows: Array<[string, string, string, string]> = [
      ['workers', 'nexus runs/s (adapter)', 'bare BullMQ jobs/s', 'ratio'],
      ['1', r('nexus1').toFixed(0), r('bare1').toFixed(0), (r('nexus1') / r('bare1')).toFixed(2)],
      ['2', r('nexus2').toFixed(0), r('bare2').toFixed(0), (r('nexus2') / r('bare2')).toFixed(2)],
      [
        '2 / 1',
        `${(r('nexus2') / r('nexus1')).toFixed(2)}×`,
        `${(r('bare2') / r('bare1')).toFixed(2)}×`,
        '',
      ],
    ];
    for (const row of rows)
      console.log(
        `${row[0].padEnd(8)} ${row[1].padStart(24)} ${row[2].padStart(20)} ${row[3].padStart(7)}`,
      );
    console.log(
      '\nadapter: each job runs the one-step pattern SYNC through the ExecutionService in the worker (stand-in handler).',
    );
    await runFullPath(server.url, runsQueue);
  } finally {
    await Promise.all([bare.close(), runsQueue.close(), runs.close()]);
    await redis.quit();
    await server.stop();
  }
}

/**
 * executePattern(ASYNC) to an api process with 1 and 2 worker processes: runs per second from
 * the first mutation to the last run's end. Only when ASYNC runs go through the queue.
 */
async function runFullPath(url: string, runsQueue: Queue): Promise<void> {
  const env = {
    REDIS_URL: url,
    NEXUS_KEY_PREFIX: PREFIX,
    NEXUS_USER_CONCURRENT_EXECUTIONS: '100000',
    NEXUS_MUTATIONS_PER_MINUTE: '10000000',
    LOG_LEVEL: 'info',
  };
  const api = await startScript('src/main.ts', /Nexus is serving GraphQL/, {
    ...env,
    NEXUS_ROLE: 'api',
  });
  const endpoint = `http://127.0.0.1:${api.port}/graphql`;
  const execute = (i: number) =>
    fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation($id: ID!, $input: JSON) { executePattern(id: $id, input: $input, mode: ASYNC) { id } }`,
        variables: { id: PATTERN_ID, input: { run: `a${i}` } },
      }),
    }).then((response) => response.json());
  try {
    const before = await completedOf(runsQueue);
    const probe = (await execute(-1)) as { errors?: unknown };
    if (probe.errors) throw new Error(JSON.stringify(probe.errors));
    const counts = await runsQueue.getJobCounts('waiting', 'delayed', 'active', 'completed');
    const queued = Object.values(counts).reduce((a, b) => a + b, 0) - before;
    if (queued < 1) {
      console.log(
        '\nASYNC (full path): skipped, ASYNC runs do not go through the queue in this build (they run in the api process).',
      );
      return;
    }
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
              NEXUS_ROLE: 'worker',
              NEXUS_WORKER_CONCURRENCY: String(CONCURRENCY),
            })
          ).child,
        );
      const start = await completedOf(runsQueue);
      const started = performance.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: 50 }, async () => {
          while (next < JOBS) await execute(next++);
        }),
      );
      while ((await completedOf(runsQueue)) - start < JOBS)
        await new Promise((resolve) => setTimeout(resolve, 20));
      const rate = (JOBS * 1000) / (performance.now() - started);
      console.log(`  ${workers} worker process(es): ${rate.toFixed(0)} runs/s`);
      await stopAll(children);
    }
  } finally {
    await stopAll([api.child]);
  }
}
