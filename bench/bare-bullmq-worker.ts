/**
 * The baselines of the queue bench, each a BullMQ Worker in a process of its own:
 * - bare (default): an empty processor, the engine's own job throughput;
 * - FLOOR=1: a processor that makes, by hand, the writes any recorded run makes (its record
 *   claimed with a lease and a run slot, the step's write and its RUNNING result with an event,
 *   the SUCCEEDED result, the closing record, index moves, statistics and the end event), in
 *   three pipelines: the most a queued, recorded run can reach on this engine, with no executor.
 * Env: REDIS_URL, BULL_PREFIX, BULL_QUEUE, CONCURRENCY, FLOOR. Prints `bare worker ready`.
 */
import { type Job, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { workerConnection } from '../src/infra/queue/bullmq-connection.js';
import { redisConnectionOptions } from '../src/infra/redis/client.js';

const url = process.env.REDIS_URL ?? '';
const floor = process.env.FLOOR === '1';
const redis = floor
  ? new Redis({ ...redisConnectionOptions(url), enableAutoPipelining: true })
  : null;

async function recordedRun(job: Job<{ i: number; record?: string }>): Promise<void> {
  if (!redis) return;
  const id = `floor:${job.id}`;
  const now = Date.now();
  const record = job.data.record ?? '{}';
  await redis
    .multi()
    .set(`${id}`, record, 'EX', 604_800)
    .hset(`${id}:steps`, ':attempts', 1)
    .zadd('floor:leases', now + 30_000, id)
    .zadd('floor:slots:user', now + 30_000, id)
    .zrem('floor:status:PENDING', id)
    .zadd('floor:status:RUNNING', now, id)
    .exec();
  await redis
    .pipeline()
    .set(`floor:kv:${job.id}`, String(job.data.i))
    .hset(`${id}:steps`, 'mark', '{"status":"RUNNING","attempts":1}')
    .xadd('floor:events', 'MAXLEN', '~', 10_000, '*', 'type', 'PROGRESS', 'id', id)
    .exec();
  await redis
    .multi()
    .hset(`${id}:steps`, 'mark', '{"status":"SUCCEEDED","attempts":1}')
    .set(`${id}`, record, 'EX', 604_800)
    .zrem('floor:leases', id)
    .zrem('floor:slots:user', id)
    .zrem('floor:status:RUNNING', id)
    .zadd('floor:status:SUCCEEDED', now, id)
    .hincrby('floor:stats', 'usage', 1)
    .xadd('floor:events', 'MAXLEN', '~', 10_000, '*', 'type', 'PATTERN_EXECUTED', 'id', id)
    .exec();
}

const worker = new Worker(process.env.BULL_QUEUE ?? 'bare', floor ? recordedRun : async () => {}, {
  connection: workerConnection(redisConnectionOptions(url), 'bench-bare'),
  prefix: process.env.BULL_PREFIX ?? 'bench',
  concurrency: Number(process.env.CONCURRENCY ?? 16),
});
worker.on('error', () => {});
await worker.waitUntilReady();
process.stdout.write('bare worker ready\n');
process.once('SIGTERM', () => {
  worker.close().then(
    () => {
      redis?.disconnect();
      process.exit(0);
    },
    () => process.exit(1),
  );
});
