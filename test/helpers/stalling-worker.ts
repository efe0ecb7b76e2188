/**
 * A BullMQ run worker in a process of its own that takes runs and never settles them (prints
 * `took <executionId>`), for killing it mid-run. Env: REDIS_URL, BULL_PREFIX, LOCK_MS.
 */
import { BullmqRunQueue } from '../../src/infra/queue/bullmq-run-queue.js';
import { redisConnectionOptions } from '../../src/infra/redis/client.js';

const queue = new BullmqRunQueue({
  connection: redisConnectionOptions(process.env.REDIS_URL ?? ''),
  prefix: process.env.BULL_PREFIX ?? '',
  lockDurationMs: Number(process.env.LOCK_MS ?? 1000),
  stalledIntervalMs: Number(process.env.LOCK_MS ?? 1000),
});
await queue.work(
  (run) => {
    process.stdout.write(`took ${run.executionId}\n`);
    return new Promise(() => {});
  },
  { concurrency: 1 },
);
process.stdout.write('working\n');
