/**
 * BullMQ's stalled-job recovery, which the run queue relies on: a worker process killed while it
 * holds a run stops renewing the run's lock, and another worker is handed the run.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BullmqRunQueue } from '../../src/infra/queue/bullmq-run-queue.js';
import { redisConnectionOptions } from '../../src/infra/redis/client.js';
import { RedisKeys } from '../../src/infra/redis/keys.js';
import { deleteKeysWithPrefix, uniquePrefix } from '../helpers/prefix.js';
import { type RedisServer, startRedisServer } from '../helpers/redis-server.js';
import { until } from '../helpers/until.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
let server: RedisServer;
let redis: Redis;
const prefix = uniquePrefix('stalled');

beforeAll(async () => {
  server = await startRedisServer();
  redis = new Redis(server.url);
});
afterAll(async () => {
  await deleteKeysWithPrefix(redis, prefix);
  await redis.quit();
  await server.stop();
});

it('hands the run of a worker that died to another worker', async () => {
  const bullPrefix = new RedisKeys(prefix).bullmqPrefix();
  const settings = {
    connection: redisConnectionOptions(server.url),
    prefix: bullPrefix,
    lockDurationMs: 1000,
    stalledIntervalMs: 500,
  };
  const queue = new BullmqRunQueue(settings);
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/stalling-worker.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      REDIS_URL: server.url,
      BULL_PREFIX: bullPrefix,
      LOCK_MS: '1000',
    },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = once(child, 'exit');
  try {
    await until(() => output.includes('working'), { timeoutMs: 30_000, what: 'the child worker' });
    await queue.enqueue({ executionId: 'held', notBeforeMs: null, attempt: 0 });
    await until(() => output.includes('took held'), { what: 'the child taking the run' });
    child.kill('SIGKILL');
    await exited;
    const taken: string[] = [];
    await queue.work(
      async (run) => {
        taken.push(run.executionId);
        return null;
      },
      { concurrency: 1 },
    );
    await until(() => taken.length === 1, { timeoutMs: 15_000, what: 'the run handed out again' });
    expect(taken).toEqual(['held']);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    await queue.close();
  }
}, 60_000);
