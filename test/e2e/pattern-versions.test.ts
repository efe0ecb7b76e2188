/** Pattern.diff and restorePatternVersion over HTTP against Redis, with tokens. */
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import type { NexusEventInput } from '../../src/domain/events/event.js';
import { signToken } from '../../src/server/authenticate.js';
import type { CreatePatternInput, UpdatePatternInput } from '../gql/graphql.js';
import { dataOf, errorsOf, gql } from '../helpers/app.js';
import { LocalEventPublisher } from '../helpers/local-events.js';
import { uniquePrefix } from '../helpers/prefix.js';
import { useRedisApps } from '../helpers/redis-app.js';
import { CreatePattern, GetPattern, UpdatePattern } from './operations.js';
import { PatternDiffQuery, RestorePatternVersion } from './pattern-portability-operations.js';
import { AuditLogQuery } from './security-operations.js';

const redis = useRedisApps('pattern-versions');
const SECRET = 'test-secret-that-is-long-enough-0123456789';

interface Setup {
  app: App;
  alice: string;
  bob: string;
  admin: string;
  events: NexusEventInput[];
}

async function setup(overrides: Partial<Config> = {}): Promise<Setup> {
  const local = new LocalEventPublisher();
  const events: NexusEventInput[] = [];
  local.listen((event) => events.push(event));
  const app = await redis.app({ jwtSecret: SECRET, ...overrides }, { events: local });
  return {
    app,
    events,
    alice: await signToken(SECRET, { sub: 'alice' }),
    bob: await signToken(SECRET, { sub: 'bob' }),
    admin: await signToken(SECRET, { sub: 'root', roles: ['admin'] }),
  };
}

const v1Input = (id: string, overrides: Partial<CreatePatternInput> = {}): CreatePatternInput => ({
  id,
  name: 'Mail',
  category: 'NOTIFICATION',
  metadata: { team: 'growth' },
  steps: [
    { id: 'store', type: 'CACHE', action: 'set', parameters: { key: 'k', value: 'v' } },
    {
      id: 'announce',
      type: 'EVENT',
      action: 'publish',
      parameters: { event_type: 'mail' },
      dependsOn: ['store'],
    },
    { id: 'old', type: 'DELAY', action: 'wait', parameters: { ms: 1 } },
  ],
  ...overrides,
});

const v2Changes: UpdatePatternInput = {
  name: 'Mail v2',
  description: 'second',
  transactional: true,
  steps: [
    {
      id: 'store',
      type: 'CACHE',
      action: 'set',
      parameters: { key: 'k2', value: 'v' },
      retries: 2,
    },
    {
      id: 'announce',
      type: 'EVENT',
      action: 'publish',
      parameters: { event_type: 'mail' },
      dependsOn: [],
      timeoutMs: 500,
    },
    { id: 'added', type: 'DELAY', action: 'wait', dependsOn: ['store'] },
  ],
};

async function twoVersions(s: Setup, id: string, token = s.alice) {
  dataOf(await gql(s.app, CreatePattern, { input: v1Input(id) }, token));
  dataOf(await gql(s.app, UpdatePattern, { id, input: v2Changes }, token));
}

/** Content of a pattern as read back: what a restore must reproduce. */
function content(pattern: Record<string, unknown>) {
  const { name, description, category, steps, metadata, transactional, isActive, origin } = pattern;
  return { name, description, category, steps, metadata, transactional, isActive, origin };
}

describe('Pattern.diff', () => {
  it('lists the changed fields, the steps added, removed and changed with their fields', async () => {
    const s = await setup();
    await twoVersions(s, 'mail');
    const diff = dataOf(await gql(s.app, PatternDiffQuery, { id: 'mail', from: 1, to: 2 }, s.alice))
      .pattern?.diff;
    expect(diff).toEqual({
      from: 1,
      to: 2,
      fields: [
        { field: 'name', before: 'Mail', after: 'Mail v2' },
        { field: 'description', before: null, after: 'second' },
        { field: 'transactional', before: false, after: true },
      ],
      stepsAdded: ['added'],
      stepsRemoved: ['old'],
      stepsChanged: [
        {
          id: 'store',
          changes: [
            {
              field: 'parameters',
              before: { key: 'k', value: 'v' },
              after: { key: 'k2', value: 'v' },
            },
            { field: 'retries', before: 0, after: 2 },
          ],
        },
        {
          id: 'announce',
          changes: [
            { field: 'dependsOn', before: ['store'], after: [] },
            { field: 'timeoutMs', before: null, after: 500 },
          ],
        },
      ],
      stepsReordered: false,
      identical: false,
    });
    const same = dataOf(await gql(s.app, PatternDiffQuery, { id: 'mail', from: 2, to: 2 }, s.alice))
      .pattern?.diff;
    expect(same).toMatchObject({ identical: true, fields: [], stepsChanged: [] });
  });

  it('answers NOT_FOUND for an unknown version and BAD_USER_INPUT for one that is not a number ≥ 1', async () => {
    const s = await setup();
    await twoVersions(s, 'mail');
    const [missing] = errorsOf(
      await gql(s.app, PatternDiffQuery, { id: 'mail', from: 1, to: 3 }, s.alice),
    );
    expect(missing?.extensions?.code).toBe('NOT_FOUND');
    expect(missing?.path).toEqual(['pattern', 'diff']);
    const [bad] = errorsOf(
      await gql(s.app, PatternDiffQuery, { id: 'mail', from: 0, to: 1 }, s.alice),
    );
    expect(bad?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: ['from'] }] });
  });

  it("keeps other users' patterns and inactive system versions invisible", async () => {
    const s = await setup();
    await twoVersions(s, 'mail');
    const forBob = await gql(s.app, PatternDiffQuery, { id: 'mail', from: 1, to: 2 }, s.bob);
    expect(forBob).toEqual({ data: { pattern: null } });

    // A system pattern that was inactive at version 1 and is active since version 2.
    dataOf(
      await gql(
        s.app,
        CreatePattern,
        { input: v1Input('sys', { origin: 'SYSTEM', isActive: false }) },
        s.admin,
      ),
    );
    dataOf(await gql(s.app, UpdatePattern, { id: 'sys', input: { isActive: true } }, s.admin));
    const [hidden] = errorsOf(
      await gql(s.app, PatternDiffQuery, { id: 'sys', from: 1, to: 2 }, s.alice),
    );
    expect(hidden?.extensions?.code).toBe('NOT_FOUND');
    const forAdmin = dataOf(
      await gql(s.app, PatternDiffQuery, { id: 'sys', from: 1, to: 2 }, s.admin),
    ).pattern?.diff;
    expect(forAdmin?.fields).toEqual([{ field: 'isActive', before: false, after: true }]);
  });
});

describe('restorePatternVersion', () => {
  it('writes version n+1 with the content of the old version, keeps the history and announces it', async () => {
    const s = await setup();
    await twoVersions(s, 'mail');
    const v1 = dataOf(await gql(s.app, GetPattern, { id: 'mail', version: 1 }, s.alice)).pattern;
    const before = s.events.length;
    const restored = dataOf(
      await gql(
        s.app,
        RestorePatternVersion,
        { id: 'mail', version: 1, expectedVersion: 2 },
        s.alice,
      ),
    ).restorePatternVersion;
    expect(restored.version).toBe(3);
    expect(content(restored)).toEqual(content(v1 as Record<string, unknown>));
    expect(restored.createdAt).toBe(v1?.createdAt);
    const read = dataOf(await gql(s.app, GetPattern, { id: 'mail' }, s.alice)).pattern;
    expect(read?.versions.map((v) => [v.version, v.name])).toEqual([
      [1, 'Mail'],
      [2, 'Mail v2'],
      [3, 'Mail'],
    ]);
    const diff = dataOf(await gql(s.app, PatternDiffQuery, { id: 'mail', from: 1, to: 3 }, s.alice))
      .pattern?.diff;
    expect(diff?.identical).toBe(true);
    expect(s.events.slice(before)).toMatchObject([
      { type: 'PATTERN_CHANGED', patternId: 'mail', payload: { change: 'updated', version: 3 } },
    ]);
  });

  it('refuses a stale expectedVersion with CONFLICT and writes nothing', async () => {
    const s = await setup();
    await twoVersions(s, 'mail');
    const [error] = errorsOf(
      await gql(
        s.app,
        RestorePatternVersion,
        { id: 'mail', version: 1, expectedVersion: 1 },
        s.alice,
      ),
    );
    expect(error?.extensions?.code).toBe('CONFLICT');
    const read = dataOf(await gql(s.app, GetPattern, { id: 'mail' }, s.alice)).pattern;
    expect(read?.version).toBe(2);
    expect(read?.versions).toHaveLength(2);
  });

  it('writes nothing when the version holds the current content, and returns the current version', async () => {
    const s = await setup();
    await twoVersions(s, 'mail');
    const before = s.events.length;
    const same = dataOf(
      await gql(s.app, RestorePatternVersion, { id: 'mail', version: 2 }, s.alice),
    ).restorePatternVersion;
    expect(same.version).toBe(2);
    // Version 3 restores 1; restoring 1 again then is the current content too.
    dataOf(await gql(s.app, RestorePatternVersion, { id: 'mail', version: 1 }, s.alice));
    const again = dataOf(
      await gql(
        s.app,
        RestorePatternVersion,
        { id: 'mail', version: 1, expectedVersion: 3 },
        s.alice,
      ),
    ).restorePatternVersion;
    expect(again.version).toBe(3);
    const read = dataOf(await gql(s.app, GetPattern, { id: 'mail' }, s.alice)).pattern;
    expect(read?.versions).toHaveLength(3);
    expect(s.events.slice(before).map((event) => event.payload)).toEqual([
      { change: 'updated', version: 3 },
    ]);
  });

  it('answers NOT_FOUND for an unknown version', async () => {
    const s = await setup();
    await twoVersions(s, 'mail');
    const [error] = errorsOf(
      await gql(s.app, RestorePatternVersion, { id: 'mail', version: 7 }, s.alice),
    );
    expect(error?.extensions?.code).toBe('NOT_FOUND');
    expect(error?.message).toContain('mail@7');
  });

  it("refuses another user's pattern (NOT_FOUND) and a system pattern to a non-admin (FORBIDDEN), and audits both", async () => {
    const s = await setup();
    await twoVersions(s, 'mail');
    dataOf(
      await gql(s.app, CreatePattern, { input: v1Input('sys', { origin: 'SYSTEM' }) }, s.admin),
    );
    dataOf(await gql(s.app, UpdatePattern, { id: 'sys', input: { name: 'Sys 2' } }, s.admin));

    const [notYours] = errorsOf(
      await gql(s.app, RestorePatternVersion, { id: 'mail', version: 1 }, s.bob),
    );
    expect(notYours?.extensions?.code).toBe('NOT_FOUND');
    expect(notYours?.message).toBe('Pattern "mail" was not found');
    const [system] = errorsOf(
      await gql(s.app, RestorePatternVersion, { id: 'sys', version: 1 }, s.alice),
    );
    expect(system?.extensions?.code).toBe('FORBIDDEN');
    expect(dataOf(await gql(s.app, GetPattern, { id: 'sys' }, s.admin)).pattern?.version).toBe(2);

    // Admins manage every pattern: the system one, and alice's.
    const bySystem = dataOf(
      await gql(s.app, RestorePatternVersion, { id: 'sys', version: 1 }, s.admin),
    ).restorePatternVersion;
    expect([bySystem.version, bySystem.name]).toEqual([3, 'Mail']);
    const byAdmin = dataOf(
      await gql(s.app, RestorePatternVersion, { id: 'mail', version: 1 }, s.admin),
    ).restorePatternVersion;
    expect([byAdmin.version, byAdmin.createdBy]).toEqual([3, 'alice']);

    const audit = dataOf(
      await gql(s.app, AuditLogQuery, { action: 'restorePatternVersion', first: 10 }, s.admin),
    ).auditLog;
    expect(audit.edges.map(({ node }) => [node.actor, node.targets, node.outcome])).toEqual([
      ['root', ['mail'], 'ok'],
      ['root', ['sys'], 'ok'],
      ['alice', ['sys'], 'FORBIDDEN'],
      ['bob', ['mail'], 'NOT_FOUND'],
    ]);
  });

  it('validates the restored content as an update, under the caps in force now', async () => {
    const keyPrefix = uniquePrefix('pattern-versions-caps');
    const roomy = await setup({ keyPrefix });
    await twoVersions(roomy, 'mail');
    const strict = await setup({ keyPrefix, security: { maxSteps: 2 } as Config['security'] });
    const [error] = errorsOf(
      await gql(strict.app, RestorePatternVersion, { id: 'mail', version: 1 }, strict.alice),
    );
    expect(error?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      issues: [{ path: ['version', 'steps'], message: 'must contain at most 2 steps' }],
    });
    const read = dataOf(await gql(strict.app, GetPattern, { id: 'mail' }, strict.alice)).pattern;
    expect(read?.version).toBe(2);
  });
});
