/**
 * The queue with real server processes on one redis-server and a JWT secret (real users): an
 * `api` process runs no step (its runs go to a worker over BullMQ), a delayed run outlives
 * SIGKILL of every process, and a schedule on two instances starts one run per tick, as its
 * owner, carrying its id.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { signToken } from '../../src/server/authenticate.js';
import { type NexusProcess, startNexusProcess } from '../helpers/nexus-process.js';
import { uniquePrefix } from '../helpers/prefix.js';
import { useRedisApps } from '../helpers/redis-app.js';
import { until } from '../helpers/until.js';

const SECRET = 'queue-processes-test-secret-at-least-32-chars';
const redis = useRedisApps('attack-queue');
const processes: NexusProcess[] = [];
const prefixes: string[] = [];

afterEach(async () => {
  await Promise.all(processes.splice(0).map((p) => p.stop()));
  for (const prefix of prefixes.splice(0)) {
    const keys = await redis.admin.keys(`${prefix}*`);
    if (keys.length > 0) await redis.admin.del(...keys);
  }
});

async function start(env: Record<string, string>): Promise<NexusProcess> {
  const started = await startNexusProcess(env);
  processes.push(started);
  return started;
}

/** SIGKILL: no shutdown, nothing written on the way out. */
async function killHard(nexus: NexusProcess): Promise<void> {
  nexus.child.kill('SIGKILL');
  await nexus.stop();
  processes.splice(processes.indexOf(nexus), 1);
}

function sharedEnv(): Record<string, string> {
  const prefix = uniquePrefix('attack-queue');
  prefixes.push(prefix);
  return { REDIS_URL: redis.server.url, NEXUS_KEY_PREFIX: prefix, NEXUS_JWT_SECRET: SECRET };
}

async function gql<T>(
  port: number,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}

interface Run {
  id: string;
  status: string;
  instance: string | null;
  createdBy: string;
  scheduleId: string | null;
  idempotencyKey: string | null;
  startedAt: string | null;
}
const RUN_FIELDS = 'id status instance createdBy scheduleId idempotencyKey startedAt';

async function createPattern(port: number, token: string): Promise<string> {
  const { createPattern } = await gql<{ createPattern: { id: string } }>(
    port,
    token,
    `mutation($input: CreatePatternInput!) { createPattern(input: $input) { id } }`,
    {
      input: {
        name: 'Queued',
        category: 'USER',
        steps: [{ id: 'a', type: 'CACHE', action: 'set', parameters: { key: 'k', value: 'v' } }],
      },
    },
  );
  return createPattern.id;
}

async function execute(
  port: number,
  token: string,
  id: string,
  mode: 'SYNC' | 'ASYNC',
  startAt: string | null = null,
): Promise<Run> {
  const { executePattern } = await gql<{ executePattern: Run }>(
    port,
    token,
    `mutation($id: ID!, $mode: ExecutionMode!, $at: DateTime) {
      executePattern(id: $id, mode: $mode, startAt: $at) { ${RUN_FIELDS} } }`,
    { id, mode, at: startAt },
  );
  return executePattern;
}

async function ended(port: number, token: string, id: string, timeoutMs = 20_000): Promise<Run> {
  return until(
    async () => {
      const { execution } = await gql<{ execution: Run | null }>(
        port,
        token,
        `query($id: ID!) { execution(id: $id) { ${RUN_FIELDS} } }`,
        { id },
      );
      return execution && !['PENDING', 'RUNNING'].includes(execution.status)
        ? execution
        : undefined;
    },
    { timeoutMs, what: `the end of ${id}` },
  );
}

const pidOf = (nexus: NexusProcess) => `:${nexus.child.pid}:`;

describe('the queue across real processes', () => {
  it('an api process runs no step; a delayed run outlives SIGKILL of every process', async () => {
    const env = sharedEnv();
    const alice = await signToken(SECRET, { sub: 'alice' });
    const api = await start({ ...env, NEXUS_ROLE: 'api' });
    const worker = await start({ ...env, NEXUS_ROLE: 'worker' });
    const patternId = await createPattern(api.port, alice);

    const queued = await execute(api.port, alice, patternId, 'ASYNC');
    expect(queued).toMatchObject({ status: 'PENDING', instance: null });
    const asyncEnd = await ended(api.port, alice, queued.id);
    expect(asyncEnd.status).toBe('SUCCEEDED');
    expect(asyncEnd.instance).toContain(pidOf(worker));
    const syncEnd = await execute(api.port, alice, patternId, 'SYNC');
    expect(syncEnd.status).toBe('SUCCEEDED');
    expect(syncEnd.instance).toContain(pidOf(worker));
    const admin = await signToken(SECRET, { sub: 'ops', roles: ['admin'] });
    const metricsOf = async (nexus: NexusProcess) =>
      (
        await fetch(`http://127.0.0.1:${nexus.port}/metrics`, {
          headers: { authorization: `Bearer ${admin}` },
        })
      ).text();
    expect(await metricsOf(api)).not.toMatch(/nexus_step_duration_seconds_count\{/);
    expect(await metricsOf(worker)).toMatch(/nexus_step_duration_seconds_count\{[^}]*\} 2/);

    const startAt = new Date(Date.now() + 3_000).toISOString();
    const delayed = await execute(api.port, alice, patternId, 'ASYNC', startAt);
    expect(delayed.status).toBe('PENDING');
    await Promise.all([killHard(api), killHard(worker)]);
    const [api2, worker2] = await Promise.all([
      start({ ...env, NEXUS_ROLE: 'api' }),
      start({ ...env, NEXUS_ROLE: 'worker' }),
    ]);
    const delayedEnd = await ended(api2.port, alice, delayed.id, 30_000);
    expect(delayedEnd).toMatchObject({ status: 'SUCCEEDED', createdBy: 'alice' });
    expect(delayedEnd.instance).toContain(pidOf(worker2));
    expect(Date.parse(delayedEnd.startedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(startAt));
  }, 90_000);

  it("two instances start one run per tick of a user's schedule, as the user, with its id", async () => {
    const env = sharedEnv();
    const alice = await signToken(SECRET, { sub: 'alice' });
    const [a, b] = await Promise.all([start(env), start(env)]);
    const patternId = await createPattern(a.port, alice);
    const { schedulePattern: schedule } = await gql<{
      schedulePattern: { id: string; createdAt: string };
    }>(
      b.port,
      alice,
      `mutation($input: SchedulePatternInput!) { schedulePattern(input: $input) { id createdAt } }`,
      { input: { patternId, everyMs: 1000 } },
    );
    const createdMs = Date.parse(schedule.createdAt);
    await until(
      async () => {
        const read = await gql<{ schedule: { fireCount: number } }>(
          a.port,
          alice,
          `query($id: ID!) { schedule(id: $id) { fireCount } }`,
          { id: schedule.id },
        );
        return read.schedule.fireCount >= 3;
      },
      { timeoutMs: 20_000, what: 'three ticks' },
    );
    await gql(a.port, alice, `mutation($id: ID!) { unschedulePattern(id: $id) }`, {
      id: schedule.id,
    });
    const runs = await until(
      async () => {
        const { executions } = await gql<{ executions: { edges: Array<{ node: Run }> } }>(
          a.port,
          alice,
          `query($p: ID) { executions(patternId: $p, first: 100) { edges { node { ${RUN_FIELDS} } } } }`,
          { p: patternId },
        );
        const nodes = executions.edges.map((edge) => edge.node);
        return nodes.every((node) => node.status === 'SUCCEEDED') ? nodes : undefined;
      },
      { what: 'every scheduled run ended' },
    );
    for (const run of runs) {
      expect(run).toMatchObject({ createdBy: 'alice', scheduleId: schedule.id });
    }
    const ticks = runs.map((run) => Number(run.idempotencyKey?.split(':')[2])).sort();
    expect(ticks).toEqual(ticks.map((_, i) => createdMs + 1000 * (i + 1)));
  }, 60_000);
});
