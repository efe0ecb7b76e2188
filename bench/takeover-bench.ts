/**
 * Takeover: two Nexus processes on one redis-server; a run of DELAY steps is started, the process
 * running it is killed with SIGKILL halfway, and the time until the run goes on elsewhere is
 * measured: until the survivor claims it, and until its first new step starts. The baseline is the
 * lease (NEXUS_EXECUTION_LEASE_MS): a run cannot be taken over before its lease runs out, so
 * "÷ lease" is the price of finding and resuming it beyond that floor's worst case.
 *
 * BENCH_TAKEOVER_ROUNDS (default 3), BENCH_TAKEOVER_LEASE_MS (default 1000).
 */
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { Redis } from 'ioredis';
import type { Execution } from '../src/domain/execution/execution.js';
import { RedisKeys } from '../src/infra/redis/keys.js';
import { RedisExecutionStore } from '../src/infra/redis/redis-execution-store.js';
import { startRedisServer } from '../test/helpers/redis-server.js';
import { startScript } from './process.js';

const rounds = Number(process.env.BENCH_TAKEOVER_ROUNDS ?? 3);
const leaseMs = Number(process.env.BENCH_TAKEOVER_LEASE_MS ?? 1_000);
const STEPS = 40;
const DELAY_MS = 50;

async function gql(port: number, query: string, variables: unknown = {}) {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    data?: Record<string, { id: string }>;
    errors?: unknown;
  };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data ?? {};
}

async function poll<T>(check: () => Promise<T | null>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error('takeover bench: timed out');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

async function round(redisUrl: string, redis: Redis, index: number) {
  const prefix = `bench-takeover-${index}:`;
  const store = new RedisExecutionStore(redis, new RedisKeys(prefix));
  const env = {
    REDIS_URL: redisUrl,
    NEXUS_KEY_PREFIX: prefix,
    NEXUS_EXECUTION_LEASE_MS: String(leaseMs),
    LOG_LEVEL: 'warn',
  };
  const ready = /Nexus is serving GraphQL/;
  const envInfo = { ...env, LOG_LEVEL: 'info' };
  const started = await Promise.all([
    startScript('src/main.ts', ready, envInfo),
    startScript('src/main.ts', ready, envInfo),
  ]);
  const children: ChildProcess[] = started.map((s) => s.child);
  try {
    const [first] = started;
    if (!first) throw new Error('no process');
    const steps = Array.from({ length: STEPS }, (_, i) => ({
      id: `s${i}`,
      type: 'DELAY',
      action: 'wait',
      parameters: { ms: DELAY_MS },
      dependsOn: i === 0 ? [] : [`s${i - 1}`],
    }));
    await gql(
      first.port,
      'mutation($input: CreatePatternInput!) { createPattern(input: $input) { id } }',
      {
        input: { id: 'delays', name: 'delays', category: 'USER', steps },
      },
    );
    const run = await gql(
      first.port,
      'mutation { executePattern(id: "delays", mode: ASYNC) { id } }',
    );
    const id = run.executePattern?.id ?? '';
    const read = async (): Promise<Execution | null> => (await store.getMany([id]))[0] ?? null;
    const halfway = await poll(async () => {
      const now = await read();
      const done = now?.steps.filter((s) => s.status === 'SUCCEEDED').length ?? 0;
      return now && done >= STEPS / 2 ? now : null;
    }, 30_000);
    const owner = started.find((s) => halfway.instance?.includes(`:${s.child.pid}:`));
    if (!owner) throw new Error('takeover bench: no owner found');
    owner.child.kill('SIGKILL');
    const killedAt = Date.now();
    await once(owner.child, 'exit');
    const atKill = await read();
    const pendingAtKill = new Set(
      atKill?.steps.filter((s) => s.status === 'PENDING').map((s) => s.stepId),
    );
    const claimed = await poll(
      async () => ((await read())?.attempts === 2 ? Date.now() : null),
      30_000,
    );
    const stepStarted = await poll(async () => {
      const now = await read();
      return now?.steps.some((s) => pendingAtKill.has(s.stepId) && s.status !== 'PENDING')
        ? Date.now()
        : null;
    }, 30_000);
    await poll(async () => ((await read())?.status === 'SUCCEEDED' ? true : null), 30_000);
    return { claimMs: claimed - killedAt, stepMs: stepStarted - killedAt };
  } finally {
    for (const child of children) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
    }
  }
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export async function runTakeoverBench(): Promise<void> {
  const server = await startRedisServer();
  const redis = new Redis(server.url);
  try {
    const results: Array<{ claimMs: number; stepMs: number }> = [];
    for (let i = 0; i < rounds; i++) results.push(await round(server.url, redis, i));
    const claim = median(results.map((r) => r.claimMs));
    const step = median(results.map((r) => r.stepMs));
    console.log(
      `\ntakeover: a run of ${STEPS} DELAY steps (${DELAY_MS} ms) killed halfway (SIGKILL), lease ${leaseMs} ms; median of ${rounds} rounds\n`,
    );
    console.log('measure                               ms    ÷ lease');
    console.log(
      `SIGKILL → claimed by the survivor  ${String(claim).padStart(6)}    ${(claim / leaseMs).toFixed(2)}`,
    );
    console.log(
      `SIGKILL → first new step started   ${String(step).padStart(6)}    ${(step / leaseMs).toFixed(2)}`,
    );
    console.log(
      '\n÷ lease: the floor is up to 1 (the lease runs out; it was renewed a third of a lease or less before the kill), plus the sweep (every quarter lease, at most 2 s).',
    );
  } finally {
    await redis.quit();
    await server.stop();
  }
}
