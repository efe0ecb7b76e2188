/**
 * Delayed starts as a hostile user sees them, on Redis and BullMQ: the per-user bound on waiting
 * runs raced by parallel requests, another user's waiting run, and startAt values that are not
 * dates, past, too far or for a SYNC run.
 */
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { MAX_WAITING_PER_USER } from '../../src/domain/execution/admission.js';
import { RedisKeys } from '../../src/infra/redis/keys.js';
import { signToken } from '../../src/server/authenticate.js';
import { gql, testConfig } from '../helpers/app.js';
import { uniquePrefix } from '../helpers/prefix.js';
import { useRedisApps } from '../helpers/redis-app.js';
import { CancelExecution } from './execution-operations.js';
import { CreatePattern } from './operations.js';

const SECRET = 'delayed-starts-test-secret-at-least-32-chars';
const redis = useRedisApps('attack-delayed');

const EXECUTE = `mutation($id: ID!, $at: DateTime, $mode: ExecutionMode!) {
  executePattern(id: $id, mode: $mode, startAt: $at) { id status startAt } }`;

interface Reply {
  data?: { executePattern: { id: string; status: string; startAt: string | null } } | null;
  errors?: Array<{
    message: string;
    extensions?: { code?: string; issues?: Array<{ path: string[] }> };
  }>;
}

async function post(app: App, token: string, variables: Record<string, unknown>): Promise<Reply> {
  const response = await app.yoga.fetch('http://nexus.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: EXECUTE, variables }),
  });
  return (await response.json()) as Reply;
}

async function patternOf(app: App, token: string, name: string): Promise<string> {
  const created = await gql(
    app,
    CreatePattern,
    {
      input: {
        name,
        category: 'USER',
        steps: [{ id: 'a', type: 'CACHE', action: 'set', parameters: { key: 'k', value: 'v' } }],
      },
    },
    token,
  );
  const id = created.data?.createPattern.id;
  if (!id) throw new Error(JSON.stringify(created.errors));
  return id;
}

describe('delayed starts under attack', () => {
  it('admits exactly the per-user bound of 200 parallel requests, and only for that user', async () => {
    const app = await redis.app({ jwtSecret: SECRET });
    const alice = await signToken(SECRET, { sub: 'alice' });
    const bob = await signToken(SECRET, { sub: 'bob' });
    const mine = await patternOf(app, alice, 'alice later');
    const at = new Date(Date.now() + 3_600_000).toISOString();
    const replies = await Promise.all(
      Array.from({ length: 200 }, () => post(app, alice, { id: mine, at, mode: 'ASYNC' })),
    );
    const admitted = replies.filter((reply) => reply.data?.executePattern.status === 'PENDING');
    const refused = replies.filter(
      (reply) => reply.errors?.[0]?.extensions?.code === 'LIMIT_EXCEEDED',
    );
    expect(admitted.length).toBe(MAX_WAITING_PER_USER);
    expect(refused.length).toBe(200 - MAX_WAITING_PER_USER);
    expect(
      (
        await app.services.executions.list(
          { id: 'alice', roles: [] },
          { patternId: mine, status: 'PENDING' },
          100,
          null,
        )
      ).totalCount,
    ).toBe(MAX_WAITING_PER_USER);
    // Bob's own bound is untouched by alice's.
    const theirs = await patternOf(app, bob, 'bob later');
    expect(
      (await post(app, bob, { id: theirs, at, mode: 'ASYNC' })).data?.executePattern.status,
    ).toBe('PENDING');

    // Bob cannot see or cancel alice's waiting run; alice can, and a slot is free again.
    const victim = admitted[0]?.data?.executePattern.id ?? '';
    const bobCancels = await gql(app, CancelExecution, { id: victim }, bob);
    expect(bobCancels.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const still = await app.services.executions.get({ id: 'alice', roles: [] }, victim);
    expect(still?.status).toBe('PENDING');
    const aliceCancels = await gql(app, CancelExecution, { id: victim }, alice);
    expect(aliceCancels.data?.cancelExecution).toMatchObject({ status: 'CANCELLED' });
    expect(
      (await post(app, alice, { id: mine, at, mode: 'ASYNC' })).data?.executePattern.status,
    ).toBe('PENDING');
    expect(
      (await post(app, alice, { id: mine, at, mode: 'ASYNC' })).errors?.[0]?.extensions?.code,
    ).toBe('LIMIT_EXCEEDED');
  });

  it('keeps the record of a run delayed past the retention until it has run, and its result a retention after', async () => {
    const keyPrefix = uniquePrefix('attack-delayed-ttl');
    const app = await redis.app({ jwtSecret: SECRET, keyPrefix });
    const alice = await signToken(SECRET, { sub: 'alice' });
    const id = await patternOf(app, alice, 'alice far');
    const retentionMs = testConfig().execution.retentionSeconds * 1000;
    const delayMs = 20 * 86_400_000;
    expect(delayMs).toBeGreaterThan(retentionMs);
    const at = new Date(Date.now() + delayMs).toISOString();
    const reply = await post(app, alice, { id, at, mode: 'ASYNC' });
    const delayed = reply.data?.executePattern;
    expect(delayed?.status).toBe('PENDING');
    const keys = new RedisKeys(keyPrefix);
    const ttlMs = await redis.admin.pttl(keys.execution(delayed?.id ?? ''));
    // Kept until it starts, and then as long as any run's result is.
    expect(ttlMs).toBeGreaterThan(delayMs + retentionMs - 60_000);
    expect(await redis.admin.pttl(keys.executionSteps(delayed?.id ?? ''))).toBeGreaterThan(
      delayMs + retentionMs - 60_000,
    );
  });

  it('refuses startAt values that are not dates, past, too far ahead, or for a SYNC run, with paths', async () => {
    const app = await redis.app({ jwtSecret: SECRET });
    const alice = await signToken(SECRET, { sub: 'alice' });
    const id = await patternOf(app, alice, 'alice edge');
    const soon = new Date(Date.now() + 60_000).toISOString();
    const cases: Array<[unknown, string, string]> = [
      ['not a date', 'ASYNC', 'startAt'],
      ['2026-13-45T99:00:00Z', 'ASYNC', 'startAt'],
      [new Date(Date.now() - 60_000).toISOString(), 'ASYNC', 'startAt'],
      [new Date(Date.now() + 31 * 86_400_000).toISOString(), 'ASYNC', 'startAt'],
      ['+275760-09-13T00:00:00.001Z', 'ASYNC', 'startAt'],
      [soon, 'SYNC', 'mode'],
    ];
    for (const [at, mode, path] of cases) {
      const reply = await post(app, alice, { id, at, mode });
      expect(reply.data?.executePattern ?? null, JSON.stringify(at)).toBeNull();
      const [error] = reply.errors ?? [];
      expect(error?.extensions?.code, `${JSON.stringify(at)} ${error?.message}`).toBe(
        'BAD_USER_INPUT',
      );
      const paths = error?.extensions?.issues?.map((issue) => issue.path.join('.'));
      if (paths) expect(paths).toContain(path);
    }
  });
});
