/**
 * Real server processes on one redis-server: a schedule fired by two instances, and the roles
 * (`api` takes no queued work, `worker` serves no GraphQL).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BullmqRunQueue } from '../../src/infra/queue/bullmq-run-queue.js';
import { redisConnectionOptions } from '../../src/infra/redis/client.js';
import { RedisKeys } from '../../src/infra/redis/keys.js';
import { type NexusProcess, postGraphQL, startNexusProcess } from '../helpers/nexus-process.js';
import { uniquePrefix } from '../helpers/prefix.js';
import { useRedisApps } from '../helpers/redis-app.js';
import { until } from '../helpers/until.js';

const redis = useRedisApps('roles');
const processes: NexusProcess[] = [];
const prefixes: string[] = [];

afterEach(async () => {
  await Promise.all(processes.splice(0).map((p) => p.stop()));
  for (const prefix of prefixes.splice(0)) {
    const keys = await redis.admin.keys(`${prefix}*`);
    if (keys.length > 0) await redis.admin.del(...keys);
  }
});

function start(env: Record<string, string>, script?: string): Promise<NexusProcess> {
  return startNexusProcess(env, { script, track: processes });
}

function sharedEnv(): Record<string, string> {
  const prefix = uniquePrefix('roles');
  prefixes.push(prefix);
  return { REDIS_URL: redis.server.url, NEXUS_KEY_PREFIX: prefix };
}

const CREATE = `mutation($input: CreatePatternInput!) { createPattern(input: $input) { id } }`;
const ONE_STEP = {
  name: 'One step',
  category: 'NOTIFICATION',
  steps: [
    {
      id: 'mark',
      type: 'CACHE',
      action: 'set',
      parameters: { key: 'marked:{run}', value: '{run}' },
    },
  ],
};
const EXECUTIONS = `query($patternId: ID) {
  executions(patternId: $patternId, first: 100) {
    totalCount edges { node { idempotencyKey status } }
  }
}`;
type ExecutionsData = {
  executions: {
    totalCount: number;
    edges: Array<{ node: { idempotencyKey: string | null; status: string } }>;
  };
};

async function createPattern(port: number): Promise<string> {
  const created = await postGraphQL<{ createPattern: { id: string } }>(port, CREATE, {
    input: ONE_STEP,
  });
  const id = created.data?.createPattern.id;
  if (!id) throw new Error(JSON.stringify(created.errors));
  return id;
}

async function metricsOf(port: number): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/metrics`);
  expect(response.status).toBe(200);
  return response.text();
}

describe('server processes by role', () => {
  it('two instances fire a schedule every second exactly once per tick', async () => {
    const env = sharedEnv();
    const [a, b] = await Promise.all([start(env), start(env)]);
    if (!a || !b) throw new Error('not started');
    const patternId = await createPattern(a.port);
    const scheduled = await postGraphQL<{
      schedulePattern: { id: string; createdAt: string };
    }>(
      b.port,
      `mutation($input: SchedulePatternInput!) { schedulePattern(input: $input) { id createdAt } }`,
      { input: { patternId, everyMs: 1000, input: { run: 'tick' } } },
    );
    const schedule = scheduled.data?.schedulePattern;
    if (!schedule) throw new Error(JSON.stringify(scheduled.errors));
    const createdMs = Date.parse(schedule.createdAt);

    // About five seconds of ticks, watched from the instance that did not schedule it.
    await until(
      async () => {
        const read = await postGraphQL<{ schedule: { lastTick: string | null } }>(
          a.port,
          `query($id: ID!) { schedule(id: $id) { lastTick } }`,
          { id: schedule.id },
        );
        const lastTick = read.data?.schedule.lastTick;
        return lastTick != null && Date.parse(lastTick) >= createdMs + 5000;
      },
      { timeoutMs: 20_000, everyMs: 100, what: 'five ticks' },
    );
    await postGraphQL(b.port, `mutation($id: ID!) { unschedulePattern(id: $id) }`, {
      id: schedule.id,
    });
    const executions = await until(
      async () => {
        const read = await postGraphQL<ExecutionsData>(a.port, EXECUTIONS, { patternId });
        const page = read.data?.executions;
        return page?.edges.every((edge) => edge.node.status === 'SUCCEEDED') ? page : undefined;
      },
      { what: 'every execution ended' },
    );
    const ticks = executions.edges
      .map((edge) => {
        const match = /^schedule:([^:]+):(\d+)$/.exec(edge.node.idempotencyKey ?? '');
        expect(match?.[1]).toBe(schedule.id);
        return Number(match?.[2]);
      })
      .sort((x, y) => x - y);
    // No tick twice, none skipped, one a second from a second after scheduling.
    expect(new Set(ticks).size).toBe(ticks.length);
    expect(ticks.length).toBeGreaterThanOrEqual(5);
    expect(ticks.length).toBeLessThanOrEqual(7);
    expect(ticks).toEqual(ticks.map((_, i) => createdMs + 1000 * (i + 1)));
  }, 60_000);

  it('a worker serves no GraphQL: 404 on /graphql, 200 on /health, /ready and /metrics', async () => {
    const worker = await start({ ...sharedEnv(), NEXUS_ROLE: 'worker' });
    const base = `http://127.0.0.1:${worker.port}`;
    const post = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(post.status).toBe(404);
    expect((await fetch(`${base}/graphql?query=%7B__typename%7D`)).status).toBe(404);
    expect((await fetch(`${base}/dashboard`)).status).toBe(404);
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/ready`)).status).toBe(200);
    const metrics = await metricsOf(worker.port);
    expect(metrics).toContain('nexus_queue_jobs{state="waiting"} 0');
    expect(metrics).toContain('nexus_queue_wait_seconds_bucket');
  });

  it('an api process leaves queued runs queued; a worker started later runs them', async () => {
    const env = sharedEnv();
    const api = await start({ ...env, NEXUS_ROLE: 'api' });
    const patternId = await createPattern(api.port);
    const queue = new BullmqRunQueue({
      connection: redisConnectionOptions(redis.server.url),
      prefix: new RedisKeys(env.NEXUS_KEY_PREFIX as string).bullmqPrefix(),
    });
    try {
      const started = await postGraphQL<{ executePattern: { id: string; status: string } }>(
        api.port,
        `mutation($id: ID!, $input: JSON) { executePattern(id: $id, input: $input, mode: ASYNC) { id status } }`,
        { id: patternId, input: { run: 'queued-1' } },
      );
      expect(started.data?.executePattern.status).toBe('PENDING');
      // The api process sees the run waiting (its metrics read the shared queue) and takes none.
      await until(async () =>
        (await metricsOf(api.port)).includes('nexus_queue_jobs{state="waiting"} 1'),
      );
      expect(await queue.counts()).toEqual({ waiting: 1, delayed: 0, active: 0 });

      // The real worker: its own ExecutionService.runQueued claims the stored run and runs it.
      await start({ ...env, NEXUS_ROLE: 'worker' });
      const done = await until(
        async () => {
          const read = await postGraphQL<ExecutionsData>(api.port, EXECUTIONS, { patternId });
          const edges = read.data?.executions.edges ?? [];
          return edges.length === 1 && edges[0]?.node.status === 'SUCCEEDED' ? read : undefined;
        },
        { what: 'the queued run executed by the worker' },
      );
      expect(done.data?.executions.totalCount).toBe(1);
      // The step ran once, in the worker (CACHE values are stored as JSON).
      const marked = await redis.admin.get(`${env.NEXUS_KEY_PREFIX}kv:user:dev:marked:queued-1`);
      expect(marked).toBe(JSON.stringify('queued-1'));
      await until(async () => (await queue.counts()).active === 0);
      expect(await queue.counts()).toEqual({ waiting: 0, delayed: 0, active: 0 });
    } finally {
      await queue.close();
    }
  }, 60_000);
});
