/**
 * A noisy neighbour, against Redis with the production limits: while one user runs composite
 * fan-outs of long waits, templates that would amplify their input, and floods of `since`
 * replays over a full event log, another user's queries and one-step runs all succeed.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { type Client, createClient } from 'graphql-ws';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { App } from '../../src/app.js';
import { signToken } from '../../src/server/authenticate.js';
import type { StepInput } from '../gql/graphql.js';
import { gql, testConfig } from '../helpers/app.js';
import { amplifyingPipeline, longDelays, patternCalls } from '../helpers/hostile-steps.js';
import { useRedisApps } from '../helpers/redis-app.js';
import { CancelExecution, ExecutePattern } from './execution-operations.js';
import { CreatePattern, GetPattern } from './operations.js';

const redis = useRedisApps('noisy');
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

function heapMiB(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed / 2 ** 20;
}
const SECRET = 'test-secret-that-is-long-enough-0123456789';
const clients: Client[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});

const HOSTILE: Array<{ id: string; steps: StepInput[] }> = [
  {
    id: 'sleepy',
    steps: longDelays(100, 300_000),
  },
  { id: 'fan', steps: patternCalls(100, 'sleepy', 300_000) },
  { id: 'amp', steps: amplifyingPipeline() },
];

function wsUrl(app: App): string {
  const address = app.server.address();
  if (typeof address !== 'object' || address === null) throw new Error('not listening');
  return `ws://localhost:${address.port}/graphql`;
}

/** One connection carrying `count` replays of the whole log; resolves when all have started. */
function replayFlood(app: App, token: string, count: number): void {
  const client = createClient({
    url: wsUrl(app),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    connectionParams: { authorization: token },
    onNonLazyError: () => {},
  });
  clients.push(client);
  for (let i = 0; i < count; i++) {
    client.subscribe(
      { query: 'subscription { nexusEvents(since: "0-0") { id type payload } }' },
      { next: () => {}, error: () => {}, complete: () => {} },
    );
  }
}

describe('a noisy neighbour', () => {
  it("cannot make another user's queries or one-step runs fail", async () => {
    const defaults = testConfig();
    const app = await redis.app({
      jwtSecret: SECRET,
      execution: {
        ...defaults.execution,
        userStepConcurrency: 64,
        maxRunsPerExecution: 100,
        maxRenderedBytes: 256 * 1024,
      },
      security: { ...defaults.security, maxConcurrentExecutionsPerUser: 10 },
    });
    const mallory = await signToken(SECRET, { sub: 'mallory' });
    const alice = await signToken(SECRET, { sub: 'alice' });
    for (const { id, steps } of HOSTILE) {
      await gql(app, CreatePattern, { input: { id, name: id, category: 'USER', steps } }, mallory);
    }
    await gql(
      app,
      CreatePattern,
      {
        input: {
          id: 'quick',
          name: 'quick',
          category: 'USER',
          steps: [{ id: 'set', type: 'CACHE', action: 'set', parameters: { key: 'k', value: 1 } }],
        },
      },
      alice,
    );
    // A full log for the replays: 3 000 events of about 1 KB.
    const blob = 'e'.repeat(1000);
    await Promise.all(
      Array.from({ length: 3000 }, (_, i) =>
        app.services.events.publish({ type: 'CUSTOM', name: `noise${i}`, payload: { blob } }),
      ),
    );

    const heapBefore = heapMiB();
    // The attack: every run slot of mallory's on fan-outs of waits, amplifying runs, replays.
    const attack = [
      ...Array.from({ length: 8 }, () =>
        gql(app, ExecutePattern, { id: 'fan', mode: 'ASYNC' }, mallory),
      ),
      ...Array.from({ length: 4 }, () =>
        gql(
          app,
          ExecutePattern,
          { id: 'amp', input: { p: 'p'.repeat(100 * 1024) }, mode: 'SYNC' },
          mallory,
        ),
      ),
    ];
    for (let i = 0; i < 3; i++) replayFlood(app, mallory, 100);

    const latencies: number[] = [];
    const failures: string[] = [];
    const timed = async <T>(work: () => Promise<{ errors?: unknown[]; data?: T | null }>) => {
      const started = performance.now();
      const result = await work();
      latencies.push(performance.now() - started);
      if (result.errors?.length) failures.push(JSON.stringify(result.errors).slice(0, 300));
      return result;
    };
    for (let round = 0; round < 20; round++) {
      await Promise.all([
        timed(() => gql(app, GetPattern, { id: 'quick' }, alice)),
        timed(async () => {
          const run = await gql(app, ExecutePattern, { id: 'quick', mode: 'SYNC' }, alice);
          if (run.data?.executePattern.status !== 'SUCCEEDED') {
            failures.push(`run ${run.data?.executePattern.status}`);
          }
          return run;
        }),
      ]);
    }
    expect(failures).toEqual([]);
    latencies.sort((a, b) => a - b);
    const p99 = latencies[Math.ceil(latencies.length * 0.99) - 1] ?? 0;
    console.info(
      `noisy neighbour: alice p50 ${latencies[20]?.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`,
    );

    // The attack itself got answers too (refusals included), none of them internal errors.
    const answers = await Promise.all(attack);
    for (const result of answers) {
      for (const error of result.errors ?? []) {
        expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
      }
    }

    // Once the attack is over (runs cancelled, sockets closed), what it made is let go: nothing
    // is retained past the bounded caches.
    for (const result of answers) {
      const id = result.data?.executePattern.id;
      if (id && result.data?.executePattern.status === 'RUNNING') {
        const cancelled = await gql(app, CancelExecution, { id }, mallory);
        expect(cancelled.data?.cancelExecution.status).toBe('CANCELLED');
      }
    }
    await Promise.all(clients.splice(0).map((client) => client.dispose()));
    const heapAfter = heapMiB();
    console.info(`noisy neighbour: heap ${heapBefore.toFixed(1)} → ${heapAfter.toFixed(1)} MiB`);
    expect(heapAfter - heapBefore).toBeLessThan(64);
  }, 120_000);
});
