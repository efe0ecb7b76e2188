/**
 * A run outlives the process running it: real server processes on one redis-server, the one
 * running a 50-step chain is killed with SIGKILL halfway, and the run continues from its recorded
 * step results on another process (or on the same one restarted) to the end it would have had.
 *
 * The chain repeats RELATIONSHIP create, CACHE set (its value templated from earlier outputs),
 * EVENT publish and DELAY: every CUSTOM event is published exactly once, whichever process runs
 * its step. The kill is made while a DELAY step runs: a RELATIONSHIP create running at the kill would
 * be attempted again and answer CONFLICT (the relationship exists) until creates remember the run
 * and step that made them, so the assertions do not rest on that.
 */
import type { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { RedisKeys } from '../../src/infra/redis/keys.js';
import { RedisExecutionStore } from '../../src/infra/redis/redis-execution-store.js';
import { type NexusProcess, startNexusProcess, until } from '../helpers/nexus-process.js';
import { uniquePrefix } from '../helpers/prefix.js';
import { useRedisApps } from '../helpers/redis-app.js';

const redis = useRedisApps('durable');
const processes: NexusProcess[] = [];
afterEach(async () => {
  await Promise.all(processes.splice(0).map((p) => p.kill()));
});

const STEPS = 50;
const LEASE_MS = 2_000;
const DELAY_MS = 150;

/** The chain repeats these four kinds, in this order (the kill lands in a DELAY). */
const CYCLE = 4;
const KILL_AT = 3;

function chainSteps() {
  return Array.from({ length: STEPS }, (_, i) => {
    const id = `s${i}`;
    const dependsOn = i === 0 ? [] : [`s${i - 1}`];
    if (i % CYCLE === 0) {
      return {
        id,
        type: 'RELATIONSHIP',
        action: 'create',
        parameters: { from: `n${i}`, to: `n${i + 1}`, type: 'LINKED', metadata: { step: i } },
        dependsOn,
      };
    }
    if (i % CYCLE === 1) {
      // Templated from the relationship just made and the key the set before it wrote.
      const earlier = i > CYCLE ? `{steps.s${i - CYCLE}.output.key}` : '{seed}';
      return {
        id,
        type: 'CACHE',
        action: 'set',
        parameters: { key: `chain:k${i}`, value: `{steps.s${i - 1}.output.from}/${earlier}/${i}` },
        dependsOn,
      };
    }
    if (i % CYCLE === 2) {
      return {
        id,
        type: 'EVENT',
        action: 'publish',
        parameters: { event_type: 'chain_link', payload: { step: i } },
        dependsOn,
      };
    }
    return { id, type: 'DELAY', action: 'wait', parameters: { ms: DELAY_MS }, dependsOn };
  });
}

const CREATE = `mutation($input: CreatePatternInput!) { createPattern(input: $input) { id } }`;
const EXECUTE = `mutation($id: ID!, $input: JSON) {
  executePattern(id: $id, input: $input, mode: ASYNC) { id status } }`;
const GET = `query($id: ID!) { execution(id: $id) {
  id status error attempts instance resumedAt steps { stepId status attempts output } } }`;
const PROGRESS = `subscription($id: ID!) { executionProgress(executionId: $id) { status percent } }`;

interface Run {
  id: string;
  status: string;
  error: string | null;
  attempts: number;
  instance: string | null;
  resumedAt: string | null;
  steps: Array<{
    stepId: string;
    status: string;
    attempts: number;
    output: unknown;
    startedAt?: string | null;
  }>;
}

async function createChain(nexus: NexusProcess): Promise<void> {
  await nexus.gql(CREATE, {
    input: { id: 'chain', name: 'chain', category: 'USER', steps: chainSteps() },
  });
}

async function execution(nexus: NexusProcess, id: string): Promise<Run> {
  const { execution: run } = await nexus.gql<{ execution: Run }>(GET, { id });
  return run;
}

/** What the run left behind: CACHE values and relationships, without the key prefix or ids. */
async function effects(admin: Redis, prefix: string) {
  const values: Record<string, string | null> = {};
  for (let i = 1; i < STEPS; i += CYCLE) {
    values[`k${i}`] = await admin.get(`${prefix}kv:user:dev:chain:k${i}`);
  }
  const stored = await admin.hvals(`${prefix}graph:rels`);
  const relationships = stored
    .map(
      (json) => JSON.parse(json) as { from: string; to: string; type: string; metadata: unknown },
    )
    .map(({ from, to, type, metadata }) => JSON.stringify({ from, to, type, metadata }))
    .sort();
  return { values, relationships };
}

/** The same chain, uninterrupted, on its own prefix: what the killed run must come to. */
async function uninterrupted(env: Record<string, string>) {
  const prefix = uniquePrefix('durable-reference');
  const nexus = await startNexusProcess({ ...env, NEXUS_KEY_PREFIX: prefix }, { track: processes });
  await createChain(nexus);
  const { executePattern } = await nexus.gql<{ executePattern: Run }>(EXECUTE, {
    id: 'chain',
    input: { seed: 'seed' },
  });
  const run = await until(async () => {
    const now = await execution(nexus, executePattern.id);
    return now.status === 'SUCCEEDED' ? now : null;
  });
  expect(run.steps.every((step) => step.attempts === 1)).toBe(true);
  const left = await effects(redis.admin, prefix);
  await nexus.stop();
  return left;
}

/** The record as Redis holds it (read with the store adapter, no process in between). */
async function recorded(prefix: string, id: string): Promise<Run> {
  const store = new RedisExecutionStore(redis.admin, new RedisKeys(prefix));
  const [found] = await store.getMany([id]);
  if (!found) throw new Error(`no execution ${id}`);
  return found as unknown as Run;
}

/** Waits until the run is about halfway, in a DELAY step, then kills the process running it. */
async function killHalfway(running: NexusProcess, prefix: string, id: string) {
  const before = await until(
    async () => {
      const now = await recorded(prefix, id);
      const done = now.steps.filter((step) => step.status === 'SUCCEEDED').length;
      const current = now.steps.find((step) => step.status === 'RUNNING');
      // A DELAY step that started moments ago: the kill lands well before it ends.
      const fresh = Date.now() - Date.parse(current?.startedAt ?? '') < DELAY_MS / 3;
      return done >= STEPS / 2 - 5 &&
        current &&
        Number(current.stepId.slice(1)) % CYCLE === KILL_AT &&
        fresh
        ? now
        : null;
    },
    30_000,
    2,
  );
  await running.kill();
  const killedAt = Date.now();
  // What the record holds once the process is gone (it writes nothing more).
  const atKill = await recorded(prefix, id);
  expect(atKill.status).toBe('RUNNING');
  expect(atKill.steps.filter((s) => s.status === 'SUCCEEDED').length).toBeGreaterThanOrEqual(
    before.steps.filter((s) => s.status === 'SUCCEEDED').length,
  );
  return { atKill, killedAt };
}

const CUSTOM_EVENTS = `query($id: ID!) {
  events(last: 500, types: [CUSTOM], executionId: $id) { events { name payload } } }`;

/** Each EVENT step's CUSTOM event is in the log exactly once, before the kill or after it. */
async function expectEachEventOnce(nexus: NexusProcess, id: string) {
  const { events } = await nexus.gql<{
    events: { events: Array<{ name: string; payload: { step: number } }> };
  }>(CUSTOM_EVENTS, { id });
  const steps = events.events.map((event) => event.payload.step).sort((x, y) => x - y);
  const expected = Array.from({ length: STEPS }, (_, i) => i).filter((i) => i % CYCLE === 2);
  expect(steps).toEqual(expected);
  expect(new Set(events.events.map((event) => event.name))).toEqual(new Set(['chain_link']));
}

function expectResumedFromRecord(atKill: Run, ended: Run) {
  expect(ended).toMatchObject({ status: 'SUCCEEDED', error: null, attempts: 2 });
  expect(ended.resumedAt).not.toBeNull();
  for (const step of ended.steps) expect(step.status).toBe('SUCCEEDED');
  const before = new Map(atKill.steps.map((step) => [step.stepId, step]));
  for (const step of ended.steps) {
    const then = before.get(step.stepId);
    const pick = (s: Run['steps'][number]) => ({
      stepId: s.stepId,
      status: s.status,
      attempts: s.attempts,
      output: s.output,
    });
    // Succeeded before the kill: not run again (one attempt, the same output).
    if (then?.status === 'SUCCEEDED') {
      expect(pick(step)).toEqual(pick(then));
      expect(step.attempts).toBe(1);
    }
    // Running at the kill: attempted again, its attempts counting on.
    if (then?.status === 'RUNNING') expect(step.attempts).toBe(then.attempts + 1);
  }
  expect(atKill.steps.filter((s) => s.status === 'RUNNING')).toHaveLength(1);
}

describe('durable executions', () => {
  it('continue on another instance after the one running them is killed, to the same end', async () => {
    const base = { REDIS_URL: redis.server.url, NEXUS_EXECUTION_LEASE_MS: String(LEASE_MS) };
    const expected = await uninterrupted(base);

    const prefix = uniquePrefix('durable');
    const env = { ...base, NEXUS_KEY_PREFIX: prefix };
    const [a, b] = await Promise.all([
      startNexusProcess(env, { track: processes }),
      startNexusProcess(env, { track: processes }),
    ]);
    await createChain(a);
    const { executePattern } = await a.gql<{ executePattern: Run }>(EXECUTE, {
      id: 'chain',
      input: { seed: 'seed' },
    });
    const id = executePattern.id;
    const first = await until(async () => (await execution(b, id)).instance);
    // Which process runs it: the record says (its pid is in the instance id).
    const pidOf = (p: NexusProcess) => `:${p.child.pid}:`;
    const [running, survivor] = first.includes(pidOf(a)) ? [a, b] : [b, a];
    expect(first).toContain(pidOf(running));

    const frames: Array<{ status: string; percent: number }> = [];
    const watched = survivor.subscribe<{ status: string; percent: number }>(
      PROGRESS,
      { id },
      (frame) => frames.push(frame),
    );
    await until(async () => frames.length > 0);

    const { atKill, killedAt } = await killHalfway(running, prefix, id);
    await until(async () => (await execution(survivor, id)).attempts === 2, 4 * LEASE_MS + 5_000);
    const takenOverMs = Date.now() - killedAt;
    const ended = await until(async () => {
      const now = await execution(survivor, id);
      return now.status === 'SUCCEEDED' || now.status === 'FAILED' ? now : null;
    });
    expectResumedFromRecord(atKill, ended);
    expect(ended.instance).toContain(pidOf(survivor));
    await expectEachEventOnce(survivor, id);
    // Within the lease, the sweep that finds it (a quarter lease), and a little more.
    expect(takenOverMs).toBeLessThan(LEASE_MS + LEASE_MS / 4 + 1_500);

    expect(await effects(redis.admin, prefix)).toEqual(expected);
    // The survivor's subscriber saw the run through, to its end.
    await watched;
    expect(frames.at(-1)).toEqual({ status: 'COMPLETED', percent: 100 });
    const metrics = await (await fetch(`http://localhost:${survivor.port}/metrics`)).text();
    expect(metrics).toMatch(/nexus_executions_taken_up_total\{kind="resumed"\} 1/);
  }, 90_000);

  it('continue on the same instance restarted after it was killed', async () => {
    const prefix = uniquePrefix('durable-restart');
    const env = {
      REDIS_URL: redis.server.url,
      NEXUS_EXECUTION_LEASE_MS: String(LEASE_MS),
      NEXUS_KEY_PREFIX: prefix,
    };
    const expected = await uninterrupted(env);
    const first = await startNexusProcess(env, { track: processes });
    await createChain(first);
    const { executePattern } = await first.gql<{ executePattern: Run }>(EXECUTE, {
      id: 'chain',
      input: { seed: 'seed' },
    });
    const id = executePattern.id;
    const { atKill } = await killHalfway(first, prefix, id);
    const restarted = await startNexusProcess(env, { track: processes });
    const frames: Array<{ status: string; percent: number }> = [];
    const watched = restarted.subscribe<{ status: string; percent: number }>(
      PROGRESS,
      { id },
      (frame) => frames.push(frame),
    );
    const ended = await until(
      async () => {
        const now = await execution(restarted, id);
        return now.status === 'SUCCEEDED' || now.status === 'FAILED' ? now : null;
      },
      4 * LEASE_MS + 20_000,
    );
    expectResumedFromRecord(atKill, ended);
    await expectEachEventOnce(restarted, id);
    await watched;
    expect(frames.at(-1)).toEqual({ status: 'COMPLETED', percent: 100 });
    expect(await effects(redis.admin, prefix)).toEqual(expected);
  }, 90_000);

  it('roll a transactional run killed halfway back on the survivor, every key as before', async () => {
    const prefix = uniquePrefix('durable-tx');
    const env = {
      REDIS_URL: redis.server.url,
      NEXUS_EXECUTION_LEASE_MS: String(LEASE_MS),
      NEXUS_KEY_PREFIX: prefix,
    };
    const [a, b] = await Promise.all([
      startNexusProcess(env, { track: processes }),
      startNexusProcess(env, { track: processes }),
    ]);
    const SETS = 12;
    // Set, DELAY, set, DELAY, ... then a step that fails for good: the run must roll back.
    const steps: unknown[] = [];
    for (let i = 0; i < SETS; i++) {
      const after = steps.length === 0 ? [] : [`s${steps.length - 1}`];
      steps.push({
        id: `s${steps.length}`,
        type: 'CACHE',
        action: 'set',
        parameters: { key: `tx:k${i}`, value: `new-${i}` },
        dependsOn: after,
      });
      steps.push({
        id: `s${steps.length}`,
        type: 'DELAY',
        action: 'wait',
        parameters: { ms: DELAY_MS },
        dependsOn: [`s${steps.length - 1}`],
      });
    }
    steps.push({
      id: `s${steps.length}`,
      type: 'RELATIONSHIP',
      action: 'delete',
      parameters: { id: 'no-such-relationship' },
      dependsOn: [`s${steps.length - 1}`],
    });
    await a.gql(CREATE, {
      input: { id: 'tx', name: 'tx', category: 'USER', transactional: true, steps },
    });
    // Half the keys hold a value before the run, half do not exist.
    const key = (i: number) => `${prefix}kv:user:dev:tx:k${i}`;
    for (let i = 0; i < SETS; i += 2) await redis.admin.set(key(i), JSON.stringify(`old-${i}`));
    const before = await Promise.all(
      Array.from({ length: SETS }, (_, i) => redis.admin.get(key(i))),
    );
    const { executePattern } = await a.gql<{ executePattern: Run }>(
      `mutation { executePattern(id: "tx", mode: ASYNC) { id status } }`,
    );
    const id = executePattern.id;
    const instance = await until(async () => (await recorded(prefix, id)).instance);
    const [running, survivor] = instance.includes(`:${a.child.pid}:`) ? [a, b] : [b, a];
    await until(
      async () => {
        const now = await recorded(prefix, id);
        const current = now.steps.find((step) => step.status === 'RUNNING');
        const done = now.steps.filter((step) => step.status === 'SUCCEEDED').length;
        const fresh = Date.now() - Date.parse(current?.startedAt ?? '') < DELAY_MS / 3;
        return done >= SETS && current && Number(current.stepId.slice(1)) % 2 === 1 && fresh;
      },
      30_000,
      2,
    );
    await running.kill();
    const atKill = await recorded(prefix, id);
    // Halfway: some keys written by the dead process.
    expect(
      (await Promise.all(Array.from({ length: SETS }, (_, i) => redis.admin.get(key(i))))).some(
        (value, i) => value !== before[i],
      ),
    ).toBe(true);
    const ended = await until(
      async () => {
        const now = await execution(survivor, id);
        return now.status === 'FAILED' || now.status === 'SUCCEEDED' ? now : null;
      },
      4 * LEASE_MS + 20_000,
    );
    expect(ended.status).toBe('FAILED');
    expect(ended.attempts).toBe(2);
    const sets = ended.steps
      .filter((step) => Number(step.stepId.slice(1)) % 2 === 0)
      .slice(0, SETS);
    expect(sets.map((step) => step.status)).toEqual(Array(SETS).fill('ROLLED_BACK'));
    // Those done before the kill were undone from what the dead process recorded.
    const doneBefore = atKill.steps.filter((step) => step.status === 'SUCCEEDED').length;
    expect(doneBefore).toBeGreaterThan(SETS / 2);
    // Nothing half: every key as before the run.
    const after = await Promise.all(
      Array.from({ length: SETS }, (_, i) => redis.admin.get(key(i))),
    );
    expect(after).toEqual(before);
  }, 90_000);
});
