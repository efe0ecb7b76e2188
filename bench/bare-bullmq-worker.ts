/**
 * The baseline of the queue bench: a BullMQ Worker with an empty processor, in a process of its
 * own. Env: REDIS_URL, BULL_PREFIX, BULL_QUEUE, CONCURRENCY. Prints `bare worker ready`.
 */
import { Worker } from 'bullmq';
import { workerConnection } from '../src/infra/queue/bullmq-connection.js';
import { redisConnectionOptions } from '../src/infra/redis/client.js';

const worker = new Worker(process.env.BULL_QUEUE ?? 'bare', async () => {}, {
  connection: workerConnection(redisConnectionOptions(process.env.REDIS_URL ?? ''), 'bench-bare'),
  prefix: process.env.BULL_PREFIX ?? 'bench',
  concurrency: Number(process.env.CONCURRENCY ?? 16),
});
worker.on('error', () => {});
await worker.waitUntilReady();
process.stdout.write('bare worker ready\n');
process.once('SIGTERM', () => {
  worker.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
