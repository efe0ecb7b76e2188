/**
 * Security over HTTP against Redis: authentication, each permission rule allowed and denied,
 * isolation, limits, query armour and the audit trail.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { signToken } from '../../src/server/authenticate.js';
import type { CreatePatternInput } from '../gql/graphql.js';
import { dataOf, errorsOf, gql, type Result } from '../helpers/app.js';
import { uniquePrefix } from '../helpers/prefix.js';
import { useRedisApps } from '../helpers/redis-app.js';
import { CancelExecution, ExecutePattern, PlanPattern } from './execution-operations.js';
import { CreateRelationship, DeleteRelationship, Traverse } from './graph-operations.js';
import { CreatePattern, DeletePattern, GetPattern, UpdatePattern } from './operations.js';
import {
  AuditLogQuery,
  ExecutionVisibility,
  PatternIds,
  PatternWithExecutions,
} from './security-operations.js';

const redis = useRedisApps('security');
const SECRET = 'test-secret-that-is-long-enough-0123456789';

interface Users {
  alice: string;
  bob: string;
  admin: string;
}

async function secured(overrides: Partial<Config> = {}): Promise<{ app: App; as: Users }> {
  const app = await redis.app({ jwtSecret: SECRET, ...overrides });
  return {
    app,
    as: {
      alice: await signToken(SECRET, { sub: 'alice' }),
      bob: await signToken(SECRET, { sub: 'bob' }),
      admin: await signToken(SECRET, { sub: 'root', roles: ['admin'] }),
    },
  };
}

function userPattern(id: string, overrides: Partial<CreatePatternInput> = {}): CreatePatternInput {
  return {
    id,
    name: `Pattern ${id}`,
    category: 'NOTIFICATION',
    steps: [{ id: 'store', type: 'CACHE', action: 'set', parameters: { key: 'k', value: 'v' } }],
    ...overrides,
  };
}

/** A SYSTEM pattern, created by the admin. */
async function systemPattern(
  app: App,
  as: Users,
  id: string,
  overrides: Partial<CreatePatternInput> = {},
): Promise<void> {
  const input = userPattern(id, { origin: 'SYSTEM', ...overrides });
  dataOf(await gql(app, CreatePattern, { input }, as.admin));
}

function codes(result: Result<unknown>): string[] {
  return errorsOf(result).map((error) => error.extensions?.code ?? 'none');
}

async function post(app: App, body: unknown, headers: Record<string, string> = {}) {
  const response = await app.yoga.fetch('http://nexus.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('authentication', () => {
  it('refuses data to callers without a token, but lets them introspect', async () => {
    const { app } = await secured();
    expect(codes(await gql(app, PatternIds, {}))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await gql(app, CreatePattern, { input: userPattern('p') }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    const introspection = await post(app, { query: '{ __schema { queryType { name } } }' });
    expect(introspection.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('answers UNAUTHENTICATED (401) to malformed, forged, expired and alg-none tokens', async () => {
    const { app } = await secured();
    const expired = await signToken(SECRET, {
      sub: 'alice',
      expiresIn: Math.floor(Date.now() / 1000) - 10,
    });
    const forged = await signToken('another-secret-that-is-long-enough-xx', { sub: 'alice' });
    const header = Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url');
    const claims = Buffer.from(
      JSON.stringify({ sub: 'alice', roles: ['admin'], exp: 2e9 }),
    ).toString('base64url');
    const badSubject = await signToken(SECRET, { sub: '../../etc' });
    const cases: Array<[string, RegExp]> = [
      ['Bearer nonsense', /not a bearer token/],
      [`Bearer ${forged}`, /not valid/],
      [`Bearer ${expired}`, /expired/],
      [`Bearer ${header}.${claims}.`, /not a bearer token|not valid/],
      [`Bearer ${badSubject}`, /sub/],
    ];
    for (const [authorization, message] of cases) {
      const response = await post(
        app,
        { query: '{ graphStats { entityCount } }' },
        { authorization },
      );
      expect(response.status, authorization).toBe(401);
      const errors = response.body.errors as Array<{
        message: string;
        extensions: { code: string };
      }>;
      expect(errors.map((e) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
      expect(errors[0]?.message).toMatch(message);
    }
  });

  it('identifies the caller from the token: createdBy is the token subject', async () => {
    const { app, as } = await secured();
    const created = dataOf(await gql(app, CreatePattern, { input: userPattern('mine') }, as.alice));
    expect(created.createPattern.createdBy).toBe('alice');
  });

  it('treats every caller as the admin "dev" without a secret (development mode)', async () => {
    const app = await redis.app();
    const created = dataOf(
      await gql(app, CreatePattern, { input: userPattern('dev', { origin: 'SYSTEM' }) }),
    );
    expect(created.createPattern.createdBy).toBe('dev');
  });
});

describe('system patterns', () => {
  it('admins create, update and delete them; users may not', async () => {
    const { app, as } = await secured();
    const input = userPattern('sys', { origin: 'SYSTEM' });
    expect(codes(await gql(app, CreatePattern, { input }, as.alice))).toEqual(['FORBIDDEN']);
    dataOf(await gql(app, CreatePattern, { input }, as.admin));
    const change = { id: 'sys', input: { description: 'changed' } };
    expect(codes(await gql(app, UpdatePattern, change, as.alice))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(app, DeletePattern, { id: 'sys' }, as.alice))).toEqual(['FORBIDDEN']);
    expect(dataOf(await gql(app, UpdatePattern, change, as.admin)).updatePattern.version).toBe(2);
    expect(dataOf(await gql(app, DeletePattern, { id: 'sys' }, as.admin)).deletePattern).toBe(true);
  });

  it('everyone reads and executes the active ones; inactive ones exist only for admins', async () => {
    const { app, as } = await secured();
    await systemPattern(app, as, 'on');
    await systemPattern(app, as, 'off', { isActive: false });
    expect(dataOf(await gql(app, GetPattern, { id: 'on' }, as.alice)).pattern?.id).toBe('on');
    const run = dataOf(await gql(app, ExecutePattern, { id: 'on', mode: 'SYNC' }, as.alice));
    expect(run.executePattern.status).toBe('SUCCEEDED');
    expect(dataOf(await gql(app, GetPattern, { id: 'off' }, as.alice)).pattern).toBeNull();
    expect(dataOf(await gql(app, GetPattern, { id: 'off' }, as.admin)).pattern?.id).toBe('off');
    const listed = dataOf(await gql(app, PatternIds, { filter: { origin: 'SYSTEM' } }, as.alice));
    expect(listed.patterns.edges.map((e) => e.node.id)).not.toContain('off');
  });
});

describe('user patterns', () => {
  let app: App;
  let as: Users;
  beforeEach(async () => {
    ({ app, as } = await secured());
    dataOf(
      await gql(
        app,
        CreatePattern,
        { input: userPattern('alices', { description: 'hidden' }) },
        as.alice,
      ),
    );
  });

  it('belong to their owner: read, update, execute and delete', async () => {
    expect(dataOf(await gql(app, GetPattern, { id: 'alices' }, as.alice)).pattern?.id).toBe(
      'alices',
    );
    dataOf(await gql(app, UpdatePattern, { id: 'alices', input: { name: 'Renamed' } }, as.alice));
    const run = dataOf(await gql(app, ExecutePattern, { id: 'alices', mode: 'SYNC' }, as.alice));
    expect(run.executePattern.status).toBe('SUCCEEDED');
    expect(dataOf(await gql(app, DeletePattern, { id: 'alices' }, as.alice)).deletePattern).toBe(
      true,
    );
  });

  it('do not exist for anyone else: null, NOT_FOUND, absent from lists and counts', async () => {
    expect(dataOf(await gql(app, GetPattern, { id: 'alices' }, as.bob)).pattern).toBeNull();
    expect(
      dataOf(await gql(app, GetPattern, { id: 'alices', version: 1 }, as.bob)).pattern,
    ).toBeNull();
    const everyone = dataOf(await gql(app, PatternIds, {}, as.bob));
    expect(everyone.patterns.edges.map((e) => e.node.id)).not.toContain('alices');
    const byOwner = dataOf(await gql(app, PatternIds, { filter: { createdBy: 'alice' } }, as.bob));
    expect(byOwner.patterns.totalCount).toBe(0);
    const searched = dataOf(await gql(app, PatternIds, { filter: { search: 'hidden' } }, as.bob));
    expect(searched.patterns.totalCount).toBe(0);
    const unknown = await gql(app, UpdatePattern, { id: 'nope', input: { name: 'x' } }, as.bob);
    const update = await gql(app, UpdatePattern, { id: 'alices', input: { name: 'x' } }, as.bob);
    // The same answer as for an id that does not exist: nothing tells bob it is there.
    expect(codes(update)).toEqual(codes(unknown));
    expect(errorsOf(update)[0]?.message).toBe(
      errorsOf(unknown)[0]?.message.replace('nope', 'alices'),
    );
    expect(codes(await gql(app, DeletePattern, { id: 'alices' }, as.bob))).toEqual(['NOT_FOUND']);
    expect(codes(await gql(app, ExecutePattern, { id: 'alices', mode: 'SYNC' }, as.bob))).toEqual([
      'NOT_FOUND',
    ]);
    expect(codes(await gql(app, PlanPattern, { id: 'alices' }, as.bob))).toEqual(['NOT_FOUND']);
  });

  it('are managed by admins too', async () => {
    expect(dataOf(await gql(app, GetPattern, { id: 'alices' }, as.admin)).pattern?.id).toBe(
      'alices',
    );
    dataOf(await gql(app, UpdatePattern, { id: 'alices', input: { name: 'By admin' } }, as.admin));
    const listed = dataOf(await gql(app, PatternIds, { filter: { createdBy: 'alice' } }, as.admin));
    expect(listed.patterns.totalCount).toBe(1);
  });

  it("cannot run another user's pattern through a PATTERN step, and keep keys apart", async () => {
    const composite = userPattern('bobs', {
      steps: [
        { id: 'call', type: 'PATTERN', action: 'execute', parameters: { pattern_id: 'alices' } },
      ],
    });
    dataOf(await gql(app, CreatePattern, { input: composite }, as.bob));
    const run = dataOf(await gql(app, ExecutePattern, { id: 'bobs', mode: 'SYNC' }, as.bob));
    expect(run.executePattern.status).toBe('FAILED');
    expect(run.executePattern.error).toMatch(/pattern "alices" was not found/i);
    // Even an admin running bob's pattern may not reach alice's through it.
    const byAdmin = dataOf(await gql(app, ExecutePattern, { id: 'bobs', mode: 'SYNC' }, as.admin));
    expect(byAdmin.executePattern.error).toMatch(/pattern "alices" was not found/i);
    // alice's own composite may.
    dataOf(
      await gql(app, CreatePattern, { input: { ...composite, id: 'alices_composite' } }, as.alice),
    );
    const own = dataOf(
      await gql(app, ExecutePattern, { id: 'alices_composite', mode: 'SYNC' }, as.alice),
    );
    expect(own.executePattern.status).toBe('SUCCEEDED');
    // The same key "k" written by alice's pattern lives in her namespace only.
    const keys = await redis.admin.keys('*kv:*');
    expect(keys.some((key) => key.endsWith('kv:user:alice:k'))).toBe(true);
    expect(keys.some((key) => key.includes('kv:user:bob:'))).toBe(false);
  });
});

describe('executions', () => {
  it('are seen by whoever started them and by admins, by id, in lists and as progress', async () => {
    const { app, as } = await secured();
    await systemPattern(app, as, 'shared');
    const alices = dataOf(await gql(app, ExecutePattern, { id: 'shared', mode: 'SYNC' }, as.alice))
      .executePattern.id;
    const bobs = dataOf(await gql(app, ExecutePattern, { id: 'shared', mode: 'SYNC' }, as.bob))
      .executePattern.id;

    const asBob = dataOf(await gql(app, ExecutionVisibility, { id: alices }, as.bob));
    expect(asBob.execution).toBeNull();
    expect(asBob.progress).toBeNull();
    expect(asBob.executions.edges.map((e) => e.node.id)).toEqual([bobs]);
    expect(asBob.executions.totalCount).toBe(1);
    const onPattern = dataOf(await gql(app, PatternWithExecutions, { id: 'shared' }, as.bob));
    expect(onPattern.pattern?.executions.edges.map((e) => e.node.id)).toEqual([bobs]);
    expect(codes(await gql(app, CancelExecution, { id: alices }, as.bob))).toEqual(['NOT_FOUND']);

    const asAlice = dataOf(await gql(app, ExecutionVisibility, { id: alices }, as.alice));
    expect(asAlice.execution?.createdBy).toBe('alice');
    expect(asAlice.progress?.status).toBe('COMPLETED');
    const asAdmin = dataOf(await gql(app, ExecutionVisibility, { id: alices }, as.admin));
    expect(asAdmin.execution?.id).toBe(alices);
    expect(asAdmin.executions.totalCount).toBe(2);
  });

  it("keep idempotency keys per user: an equal key never returns another user's run", async () => {
    const { app, as } = await secured();
    await systemPattern(app, as, 'keyed');
    const once = { id: 'keyed', mode: 'SYNC' as const, idempotencyKey: 'order-1' };
    const alices = dataOf(await gql(app, ExecutePattern, once, as.alice)).executePattern;
    const bobs = dataOf(await gql(app, ExecutePattern, once, as.bob)).executePattern;
    expect(bobs.id).not.toBe(alices.id);
    expect(dataOf(await gql(app, ExecutePattern, once, as.alice)).executePattern.id).toBe(
      alices.id,
    );
    expect(dataOf(await gql(app, ExecutePattern, once, as.bob)).executePattern.id).toBe(bobs.id);
  });

  it('are limited per user (LIMIT_EXCEEDED past the limit), other users unaffected', async () => {
    const { app, as } = await secured({
      security: { maxConcurrentExecutionsPerUser: 2 } as Config['security'],
    });
    await systemPattern(app, as, 'slow', {
      steps: [{ id: 'wait', type: 'DELAY', action: 'wait', parameters: { ms: 60_000 } }],
    });
    const first = dataOf(await gql(app, ExecutePattern, { id: 'slow', mode: 'ASYNC' }, as.alice));
    // A refused pattern takes no slot.
    for (let i = 0; i < 3; i++) {
      const unknown = await gql(app, ExecutePattern, { id: 'nope', mode: 'ASYNC' }, as.alice);
      expect(codes(unknown)).toEqual(['NOT_FOUND']);
    }
    dataOf(await gql(app, ExecutePattern, { id: 'slow', mode: 'ASYNC' }, as.alice));
    const third = await gql(app, ExecutePattern, { id: 'slow', mode: 'ASYNC' }, as.alice);
    expect(codes(third)).toEqual(['LIMIT_EXCEEDED']);
    // At the limit, a pattern that does not exist is still reported as such.
    const missing = await gql(app, ExecutePattern, { id: 'nope', mode: 'ASYNC' }, as.alice);
    expect(codes(missing)).toEqual(['NOT_FOUND']);
    // Refused before anything was written: alice still has exactly two executions.
    const listed = dataOf(await gql(app, ExecutionVisibility, { id: 'none' }, as.alice));
    expect(listed.executions.totalCount).toBe(2);
    dataOf(await gql(app, ExecutePattern, { id: 'slow', mode: 'ASYNC' }, as.bob));
    // A finished run frees its slot.
    const cancelled = dataOf(
      await gql(app, CancelExecution, { id: first.executePattern.id }, as.alice),
    );
    expect(cancelled.cancelExecution.status).toBe('CANCELLED');
    dataOf(await gql(app, ExecutePattern, { id: 'slow', mode: 'ASYNC' }, as.alice));
  });
});

describe('relationships', () => {
  it('any authenticated user creates; the creator or an admin deletes', async () => {
    const { app, as } = await secured();
    const create = async (from: string, token: string) => {
      const input = { from, to: 'wallet:1', type: 'OWNER' as const };
      return dataOf(await gql(app, CreateRelationship, { input }, token)).createRelationship;
    };
    const byBob = await create('user:b', as.bob);
    expect(byBob.createdBy).toBe('bob');
    const denied = await gql(app, DeleteRelationship, { id: byBob.id }, as.alice);
    expect(codes(denied)).toEqual(['FORBIDDEN']);
    const own = await gql(app, DeleteRelationship, { id: byBob.id }, as.bob);
    expect(dataOf(own).deleteRelationship).toBe(true);
    const again = await create('user:c', as.bob);
    const byAdmin = await gql(app, DeleteRelationship, { id: again.id }, as.admin);
    expect(dataOf(byAdmin).deleteRelationship).toBe(true);
  });
});

describe('limits and query armour', () => {
  it('rate-limits mutations per user across instances (LIMIT_EXCEEDED), queries unaffected', async () => {
    const limited = { security: { mutationsPerMinute: 3 } as Config['security'] };
    // Two instances on one Redis and prefix: the budget is shared.
    const keyPrefix = uniquePrefix('ratelimit');
    const { app, as } = await secured({ ...limited, keyPrefix });
    const other = await redis.app({ jwtSecret: SECRET, keyPrefix, ...limited });
    const create = (target: App, token: string, id: string) =>
      gql(
        target,
        CreateRelationship,
        { input: { from: `user:${id}`, to: 'x', type: 'LINKED' } },
        token,
      );
    dataOf(await create(app, as.alice, '1'));
    dataOf(await create(other, as.alice, '2'));
    dataOf(await create(app, as.alice, '3'));
    const refused = await create(other, as.alice, '4');
    expect(codes(refused)).toEqual(['LIMIT_EXCEEDED']);
    expect(errorsOf(refused)[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    dataOf(await create(app, as.bob, '5'));
    dataOf(await gql(app, PatternIds, {}, as.alice));
  });

  it('refuses deep, wide, long, directive-heavy and costly operations before running them', async () => {
    const { app, as } = await secured();
    const auth = { authorization: `Bearer ${as.alice}` };
    const nest = (levels: number) => {
      let selection = 'id';
      for (let i = 0; i < levels; i++) selection = `neighbors { ${selection} }`;
      return `{ entity(id: "a") { ${selection} } }`;
    };
    const repeat = (n: number, text: (i: number) => string) =>
      Array.from({ length: n }, (_, i) => text(i)).join(' ');
    const cases: Array<[string, RegExp]> = [
      [nest(14), /depth limit of 12/],
      [`{ ${repeat(50, (i) => `a${i}: graphStats { entityCount }`)} }`, /Aliases limit of 30/],
      [
        `{ graphStats ${repeat(40, () => '@include(if: true)')} { entityCount } }`,
        /Directives limit/,
      ],
      [`{ ${repeat(6000, () => '__typename')} }`, /Token limit of 5000/],
      [nest(30), /Cost limit/],
    ];
    for (const [query, message] of cases) {
      const response = await post(app, { query }, auth);
      const errors = response.body.errors as Array<{
        message: string;
        extensions?: { code?: string };
      }>;
      expect(
        errors.map((e) => e.extensions?.code),
        query.slice(0, 40),
      ).toEqual(['LIMIT_EXCEEDED']);
      expect(errors[0]?.message).toMatch(message);
      expect(response.body.data).toBeUndefined();
    }
    // The limits themselves are allowed.
    dataOf((await post(app, { query: nest(10) }, auth)).body as Result<unknown>);
  });

  it('takes its caps on steps, payload sizes, timeouts and traversal depth from config', async () => {
    const { app, as } = await secured({
      security: { maxSteps: 2, maxJsonBytes: 100, maxTraversalDepth: 3 } as Config['security'],
      execution: { maxStepTimeoutMs: 1_000 } as Config['execution'],
    });
    const step = (id: string) => ({
      id,
      type: 'DELAY' as const,
      action: 'wait',
      parameters: { ms: 1 },
    });
    const issuesOf = async (input: CreatePatternInput) =>
      (
        errorsOf(await gql(app, CreatePattern, { input }, as.alice))[0]?.extensions?.issues ?? []
      ).map((issue) => [issue.path.join('.'), issue.message]);
    const tooMany = userPattern('capped', {
      steps: [step('a'), step('b'), step('c')],
      metadata: { blob: 'x'.repeat(200) },
    });
    expect(await issuesOf(tooMany)).toEqual([
      ['input.steps', 'must contain at most 2 steps'],
      ['input.metadata', 'must be at most 100 bytes of JSON'],
    ]);
    const slow = userPattern('slow', { steps: [{ ...step('a'), timeoutMs: 2_000 }] });
    expect(await issuesOf(slow)).toEqual([
      ['input.steps.0.timeoutMs', 'must be between 1 and 1000'],
    ]);
    const deep = await gql(app, Traverse, { from: 'a', maxDepth: 4, direction: 'OUT' }, as.alice);
    expect(codes(deep)).toEqual(['BAD_USER_INPUT']);
    dataOf(await gql(app, Traverse, { from: 'a', maxDepth: 3, direction: 'OUT' }, as.alice));
  });

  it('hides introspection and field suggestions when introspection is off', async () => {
    const { app, as } = await secured({ security: { introspection: false } as Config['security'] });
    const auth = { authorization: `Bearer ${as.alice}` };
    const introspection = await post(app, { query: '{ __schema { types { name } } }' }, auth);
    expect(JSON.stringify(introspection.body)).not.toContain('"Pattern"');
    expect((introspection.body.errors as unknown[]).length).toBeGreaterThan(0);
    const typo = await post(app, { query: '{ patern(id: "x") { id } }' }, auth);
    expect(JSON.stringify(typo.body)).not.toMatch(/Did you mean/);
    const open = await secured();
    const suggested = await post(
      open.app,
      { query: '{ patern(id: "x") { id } }' },
      {
        authorization: `Bearer ${open.as.alice}`,
      },
    );
    expect(JSON.stringify(suggested.body)).toMatch(/Did you mean/);
  });

  it('refuses batches, CSRF-able GETs, oversized bodies and serves no GraphiQL in production', async () => {
    const { app, as } = await secured({ security: { graphiql: false } as Config['security'] });
    const batch = await post(app, [{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(batch.status).toBeGreaterThanOrEqual(400);
    const plainGet = await app.yoga.fetch('http://nexus.test/graphql?query=%7B__typename%7D');
    expect(plainGet.status).toBe(403);
    expect(
      ((await plainGet.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]
        ?.extensions.code,
    ).toBe('FORBIDDEN');
    const withToken = await app.yoga.fetch('http://nexus.test/graphql?query=%7B__typename%7D', {
      headers: { authorization: `Bearer ${as.alice}` },
    });
    expect(withToken.status).toBe(200);
    const page = await app.yoga.fetch('http://nexus.test/graphql', {
      headers: { accept: 'text/html' },
    });
    expect(await page.text()).not.toMatch(/graphiql/i);

    const address = app.server.address();
    if (typeof address !== 'object' || address === null) throw new Error('not listening');
    const huge = await fetch(`http://localhost:${address.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ __typename }',
        variables: { x: 'y'.repeat(2 * 1024 * 1024) },
      }),
    });
    expect(huge.status).toBe(413);
    expect(
      ((await huge.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]
        ?.extensions.code,
    ).toBe('LIMIT_EXCEEDED');
  });
});

describe('metrics', () => {
  it('answers only to an admin token when a secret is configured', async () => {
    const { app, as } = await secured();
    const get = (token?: string) =>
      app.yoga.fetch('http://nexus.test/metrics', {
        headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
      });
    expect((await get()).status).toBe(401);
    expect((await get('not.a.token')).status).toBe(401);
    expect((await get(as.alice)).status).toBe(403);
    const allowed = await get(as.admin);
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain('graphql_envelop_request');
  });
});

describe('audit trail', () => {
  it('records every mutation field with actor, action, targets and outcome, for admins only', async () => {
    const { app, as } = await secured();
    const secret = 'p4ssw0rd-in-metadata';
    dataOf(
      await gql(
        app,
        CreatePattern,
        { input: userPattern('audited', { metadata: { secret } }) },
        as.alice,
      ),
    );
    expect(codes(await gql(app, DeletePattern, { id: 'audited' }, as.bob))).toEqual(['NOT_FOUND']);
    expect(
      codes(
        await gql(app, CreatePattern, { input: userPattern('x', { origin: 'SYSTEM' }) }, as.bob),
      ),
    ).toEqual(['FORBIDDEN']);
    const rel = dataOf(
      await gql(
        app,
        CreateRelationship,
        { input: { from: 'user:a', to: 'user:b', type: 'LINKED' } },
        as.bob,
      ),
    ).createRelationship;
    // Denied at the door: no token.
    codes(await gql(app, DeletePattern, { id: 'audited' }));

    expect(codes(await gql(app, AuditLogQuery, {}, as.alice))).toEqual(['FORBIDDEN']);
    const log = dataOf(await gql(app, AuditLogQuery, { first: 10 }, as.admin)).auditLog;
    const entries = log.edges.map((e) => e.node);
    expect(entries.map((e) => [e.actor, e.action, e.targets, e.outcome])).toEqual([
      ['anonymous', 'deletePattern', ['audited'], 'UNAUTHENTICATED'],
      ['bob', 'createRelationship', ['user:a', 'user:b', rel.id], 'ok'],
      ['bob', 'createPattern', ['x'], 'FORBIDDEN'],
      ['bob', 'deletePattern', ['audited'], 'NOT_FOUND'],
      ['alice', 'createPattern', ['audited'], 'ok'],
    ]);
    expect(log.totalCount).toBe(5);
    expect(entries.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
    const raw = JSON.stringify(
      await redis.admin.xrange((await redis.admin.keys('*audit:log'))[0] ?? '', '-', '+'),
    );
    expect(raw).not.toContain(secret);
    expect(raw).not.toContain(as.alice);

    const bobs = dataOf(
      await gql(app, AuditLogQuery, { actor: 'bob', first: 2 }, as.admin),
    ).auditLog;
    expect(bobs.totalCount).toBe(3);
    expect(bobs.edges).toHaveLength(2);
    expect(bobs.pageInfo.hasNextPage).toBe(true);
    const next = dataOf(
      await gql(
        app,
        AuditLogQuery,
        { actor: 'bob', first: 2, after: bobs.pageInfo.endCursor },
        as.admin,
      ),
    ).auditLog;
    expect(next.edges.map((e) => e.node.action)).toEqual(['deletePattern']);
    const deletes = dataOf(
      await gql(app, AuditLogQuery, { action: 'deletePattern' }, as.admin),
    ).auditLog;
    expect(deletes.totalCount).toBe(2);
    expect(codes(await gql(app, AuditLogQuery, { after: 'garbage' }, as.admin))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });
});
