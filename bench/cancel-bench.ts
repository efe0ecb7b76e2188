/**
 * Cancel across instances: two Nexus apps on one Redis (one key prefix), a long run (a DELAY of
 * 60 s) started on A and cancelled through B; the time from the cancel request to the end A
 * recorded (its finishedAt), beside the same cancel sent to A itself (the baseline: a local
 * abort). Without the broadcast B's request would wait for A's heartbeat, a third of the lease
 * (10 s by default). BENCH_CANCELS (default 20) runs each way, one at a time.
 *
 *   BENCH_ONLY=cancel npm run bench
 */
import { randomUUID } from 'node:crypto';
import type { App } from '../src/app.js';
import { DEV_ADMIN } from '../src/domain/shared/viewer.js';
import { createTestApp } from '../test/helpers/app.js';
import { startRedisServer } from '../test/helpers/redis-server.js';

const runs = Number(process.env.BENCH_CANCELS ?? 20);

export async function runCancelBench(): Promise<void> {
  const server = await startRedisServer();
  const keyPrefix = `bench:cancel:${randomUUID().slice(0, 8)}:`;
  const a = createTestApp({ redisUrl: server.url, keyPrefix });
  const b = createTestApp({ redisUrl: server.url, keyPrefix });
  await Promise.all([a.start(0), b.start(0)]);
  try {
    const created = await a.yoga.fetch('http://nexus.bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($i: CreatePatternInput!) { createPattern(input: $i) { id } }',
        variables: {
          i: {
            id: 'long',
            name: 'Waits a minute',
            category: 'USER',
            steps: [{ id: 'wait', type: 'DELAY', action: 'wait', parameters: { ms: 60_000 } }],
          },
        },
      }),
    });
    const body = (await created.json()) as { errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    const remote = await measure(a, b);
    const local = await measure(a, a);
    const row = (name: string, ms: number[]) =>
      `${name.padEnd(30)} ${p(ms, 0.5).toFixed(1).padStart(8)} ${p(ms, 1).toFixed(1).padStart(8)}`;
    console.log(`\ncancel → CANCELLED recorded, ${runs} runs each (ms)`);
    console.log(`${'cancel sent to'.padEnd(30)} ${'p50'.padStart(8)} ${'max'.padStart(8)}`);
    console.log(row('B (run on A): broadcast', remote.recorded));
    console.log(row('A (run on A): local abort', local.recorded));
    console.log(
      `ratio p50 (B / A): ${(p(remote.recorded, 0.5) / p(local.recorded, 0.5)).toFixed(2)}`,
    );
    console.log(
      `cancel's answer on B (waits for the record): p50 ${p(remote.answered, 0.5).toFixed(1)} ms, max ${p(remote.answered, 1).toFixed(1)} ms`,
    );
  } finally {
    await Promise.all([a.stop(), b.stop()]);
    await server.dispose();
  }
}

async function measure(runsOn: App, cancelsOn: App) {
  const recorded: number[] = [];
  const answered: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = await runsOn.services.executions.execute(DEV_ADMIN, {
      patternId: 'long',
      input: null,
      mode: 'ASYNC',
      idempotencyKey: null,
    });
    const t0 = Date.now();
    const answer = await cancelsOn.services.executions.cancel(DEV_ADMIN, started.id);
    answered.push(Date.now() - t0);
    let record = answer;
    // The local answer is the recorded end; B's is too once the run ended within its wait.
    while (record.finishedAt === null) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      record = (await runsOn.services.executions.get(DEV_ADMIN, started.id)) ?? record;
    }
    if (record.status !== 'CANCELLED') throw new Error(`run ended ${record.status}`);
    recorded.push(Date.parse(record.finishedAt) - t0);
  }
  return { recorded, answered };
}

function p(values: number[], quantile: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] ?? 0;
}
