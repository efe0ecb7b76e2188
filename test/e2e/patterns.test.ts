/** Patterns over GraphQL (HTTP through yoga.fetch) against a real Redis. */
import { describe, expect, it } from 'vitest';
import type { CreatePatternInput, ListPatternsQuery } from '../gql/graphql.js';
import { dataOf, errorsOf, gql, type Result } from '../helpers/app.js';
import { uniquePrefix } from '../helpers/prefix.js';
import { useRedisApps } from '../helpers/redis-app.js';
import {
  CreatePattern,
  DeletePattern,
  GetPattern,
  ListPatterns,
  UpdatePattern,
} from './operations.js';

const redis = useRedisApps('patterns');

const input = (overrides: Partial<CreatePatternInput> = {}): CreatePatternInput => ({
  name: 'Welcome Mail',
  category: 'NOTIFICATION',
  steps: [
    {
      id: 'store',
      type: 'CACHE',
      action: 'set',
      parameters: { key: 'mail:{id}', value: '{body}' },
    },
    {
      id: 'announce',
      type: 'EVENT',
      action: 'publish',
      parameters: { event_type: 'mail_stored' },
      dependsOn: ['store'],
      retries: 2,
      timeoutMs: 500,
    },
  ],
  ...overrides,
});

describe('createPattern', () => {
  it('creates version 1 with a slug id, defaults, the dev viewer as creator and empty statistics', async () => {
    const app = await redis.app();
    const created = dataOf(await gql(app, CreatePattern, { input: input() })).createPattern;
    expect(created).toMatchObject({
      id: 'welcome_mail',
      name: 'Welcome Mail',
      description: null,
      version: 1,
      origin: 'USER',
      category: 'NOTIFICATION',
      metadata: null,
      transactional: false,
      isActive: true,
      createdBy: 'dev',
      usageCount: 0,
      successRate: 0,
      avgDurationMs: null,
    });
    expect(created.steps).toEqual([
      {
        id: 'store',
        type: 'CACHE',
        action: 'set',
        parameters: { key: 'mail:{id}', value: '{body}' },
        dependsOn: [],
        retries: 0,
        timeoutMs: null,
      },
      {
        id: 'announce',
        type: 'EVENT',
        action: 'publish',
        parameters: { event_type: 'mail_stored' },
        dependsOn: ['store'],
        retries: 2,
        timeoutMs: 500,
      },
    ]);
    expect(created.createdAt).toBe(created.updatedAt);
    expect(Date.parse(created.createdAt)).not.toBeNaN();
    const read = dataOf(await gql(app, GetPattern, { id: 'welcome_mail' })).pattern;
    expect(read).toMatchObject({ ...created, versions: [{ version: 1, name: 'Welcome Mail' }] });
  });

  it('keeps a given id, and refuses a taken one with CONFLICT', async () => {
    const app = await redis.app();
    const first = dataOf(await gql(app, CreatePattern, { input: input({ id: 'mail.v1:x-y' }) }));
    expect(first.createPattern.id).toBe('mail.v1:x-y');
    const [error] = errorsOf(
      await gql(app, CreatePattern, { input: input({ id: 'mail.v1:x-y' }) }),
    );
    expect(error?.extensions?.code).toBe('CONFLICT');
    expect(error?.message).toContain('mail.v1:x-y');
  });

  it('suffixes a generated id whose slug is taken', async () => {
    const app = await redis.app();
    const ids = [];
    for (let i = 0; i < 3; i++) {
      ids.push(
        dataOf(await gql(app, CreatePattern, { input: input({ name: 'Ünïcode  Name!' }) }))
          .createPattern.id,
      );
    }
    expect(ids).toEqual(['unicode_name', 'unicode_name_2', 'unicode_name_3']);
  });

  it('round-trips metadata and parameters with nested, empty and unicode JSON', async () => {
    const app = await redis.app();
    const metadata = {
      tags: [],
      nested: { empty: {}, list: [1, 'two', null, true] },
      emoji: 'ü🚀',
    };
    const created = dataOf(
      await gql(app, CreatePattern, {
        input: input({
          metadata,
          steps: [
            {
              id: 's',
              type: 'EVENT',
              action: 'publish',
              parameters: { event_type: 'round_trip', payload: metadata },
            },
          ],
        }),
      }),
    ).createPattern;
    const read = dataOf(await gql(app, GetPattern, { id: created.id })).pattern;
    expect(read?.metadata).toEqual(metadata);
    expect(read?.steps[0]?.parameters).toEqual({ event_type: 'round_trip', payload: metadata });
  });
});

describe('pattern', () => {
  it('returns null for unknown and malformed ids, and for versions that do not exist', async () => {
    const app = await redis.app();
    await gql(app, CreatePattern, { input: input({ id: 'known' }) });
    const result = await gql(app, GetPattern, { id: 'unknown' });
    expect(result).toEqual({ data: { pattern: null } });
    expect(await gql(app, GetPattern, { id: 'NOT A VALID ID' })).toEqual({
      data: { pattern: null },
    });
    expect(await gql(app, GetPattern, { id: 'known', version: 7 })).toEqual({
      data: { pattern: null },
    });
  });

  it('rejects a version below 1 with BAD_USER_INPUT', async () => {
    const app = await redis.app();
    const [error] = errorsOf(await gql(app, GetPattern, { id: 'known', version: 0 }));
    expect(error?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      issues: [{ path: ['version'] }],
    });
  });
});

describe('updatePattern', () => {
  it('writes version n+1, keeps n, and changes only the given fields', async () => {
    const app = await redis.app();
    const v1 = dataOf(
      await gql(app, CreatePattern, { input: input({ description: 'first', metadata: { a: 1 } }) }),
    ).createPattern;
    const v2 = dataOf(
      await gql(app, UpdatePattern, {
        id: v1.id,
        input: { name: 'Renamed', description: null, isActive: false },
      }),
    ).updatePattern;
    expect(v2).toMatchObject({
      id: v1.id,
      version: 2,
      name: 'Renamed',
      description: null,
      isActive: false,
      metadata: { a: 1 },
      category: v1.category,
      steps: v1.steps,
      createdAt: v1.createdAt,
      createdBy: 'dev',
    });
    expect(Date.parse(v2.updatedAt)).toBeGreaterThan(Date.parse(v1.updatedAt));

    const current = dataOf(await gql(app, GetPattern, { id: v1.id })).pattern;
    expect(current?.versions).toEqual([
      { version: 1, name: 'Welcome Mail' },
      { version: 2, name: 'Renamed' },
    ]);
    const old = dataOf(await gql(app, GetPattern, { id: v1.id, version: 1 })).pattern;
    expect(old).toMatchObject({
      version: 1,
      name: 'Welcome Mail',
      description: 'first',
      isActive: true,
    });
    const v3 = dataOf(
      await gql(app, UpdatePattern, {
        id: v1.id,
        input: {
          metadata: null,
          steps: [{ id: 'only', type: 'CACHE', action: 'get', parameters: { key: 'mail:{id}' } }],
        },
      }),
    ).updatePattern;
    expect(v3).toMatchObject({ version: 3, metadata: null, name: 'Renamed' });
    expect(v3.steps.map((s) => s.id)).toEqual(['only']);
  });

  it('fails with CONFLICT when expectedVersion is not the current version, writing nothing', async () => {
    const app = await redis.app();
    const v1 = dataOf(await gql(app, CreatePattern, { input: input() })).createPattern;
    await gql(app, UpdatePattern, { id: v1.id, input: { name: 'Two' }, expectedVersion: 1 });
    const [error] = errorsOf(
      await gql(app, UpdatePattern, { id: v1.id, input: { name: 'Late' }, expectedVersion: 1 }),
    );
    expect(error?.extensions?.code).toBe('CONFLICT');
    expect(error?.message).toContain('version 2');
    const current = dataOf(await gql(app, GetPattern, { id: v1.id })).pattern;
    expect(current).toMatchObject({ version: 2, name: 'Two' });
  });

  it('turns 20 concurrent updates into versions 1..21 with no gap or duplicate', async () => {
    const app = await redis.app();
    const { id } = dataOf(await gql(app, CreatePattern, { input: input() })).createPattern;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        gql(app, UpdatePattern, { id, input: { name: `Writer ${i}` } }),
      ),
    );
    const versions = results.map((r) => dataOf(r).updatePattern.version).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
    const all = dataOf(await gql(app, GetPattern, { id })).pattern?.versions ?? [];
    expect(all.map((v) => v.version)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    // Every writer's name is in exactly one version.
    expect(new Set(all.slice(1).map((v) => v.name)).size).toBe(20);
  });

  it('lets exactly one of 10 concurrent updates expecting the same version win', async () => {
    const app = await redis.app();
    const { id } = dataOf(await gql(app, CreatePattern, { input: input() })).createPattern;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        gql(app, UpdatePattern, { id, input: { name: `Racer ${i}` }, expectedVersion: 1 }),
      ),
    );
    const winners = results.filter((r) => !r.errors);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(9);
    expect(dataOf(await gql(app, GetPattern, { id })).pattern?.versions).toHaveLength(2);
  });

  it('answers NOT_FOUND for an unknown id', async () => {
    const app = await redis.app();
    const [error] = errorsOf(await gql(app, UpdatePattern, { id: 'ghost', input: { name: 'x' } }));
    expect(error?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('deletePattern', () => {
  it('removes the pattern, every version and its listing entries; the id can be reused', async () => {
    const app = await redis.app();
    const { id } = dataOf(
      await gql(app, CreatePattern, { input: input({ category: 'ASSET' }) }),
    ).createPattern;
    await gql(app, UpdatePattern, { id, input: { name: 'v2' } });
    expect(dataOf(await gql(app, DeletePattern, { id }))).toEqual({ deletePattern: true });

    expect(dataOf(await gql(app, GetPattern, { id })).pattern).toBeNull();
    expect(dataOf(await gql(app, GetPattern, { id, version: 1 })).pattern).toBeNull();
    const assets = dataOf(await gql(app, ListPatterns, { filter: { category: 'ASSET' } })).patterns;
    expect(assets.totalCount).toBe(0);
    const again = dataOf(await gql(app, CreatePattern, { input: input({ id }) })).createPattern;
    expect(again.version).toBe(1);
  });

  it('answers NOT_FOUND for an unknown id', async () => {
    const app = await redis.app();
    const [error] = errorsOf(await gql(app, DeletePattern, { id: 'ghost' }));
    expect(error?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('patterns', () => {
  async function seeded() {
    const app = await redis.app();
    // The two system patterns are there too: USER filters keep the counts about these.
    for (const [id, overrides] of [
      ['alpha', { category: 'FINANCE', description: 'Moves MONEY' }],
      ['beta', { category: 'ASSET', isActive: false }],
      ['gamma', { category: 'FINANCE', name: 'Money mover' }],
      ['delta', { category: 'BROADCAST' }],
    ] as const) {
      dataOf(await gql(app, CreatePattern, { input: input({ id, ...overrides }) }));
    }
    return app;
  }
  const ids = (result: { patterns: { edges: Array<{ node: { id: string } }> } }) =>
    result.patterns.edges.map((edge) => edge.node.id);

  it('lists newest updatedAt first with totalCount', async () => {
    const app = await seeded();
    await gql(app, UpdatePattern, { id: 'beta', input: { name: 'Touched' } });
    const result = dataOf(await gql(app, ListPatterns, { filter: { origin: 'USER' } }));
    expect(ids(result)).toEqual(['beta', 'delta', 'gamma', 'alpha']);
    expect(result.patterns.totalCount).toBe(4);
    const updated = result.patterns.edges.map((edge) => Date.parse(edge.node.updatedAt));
    expect([...updated].sort((a, b) => b - a)).toEqual(updated);
  });

  it('filters by origin, category, isActive, createdBy and case-insensitive search', async () => {
    const app = await seeded();
    const query = async (filter: Record<string, unknown>) =>
      ids(dataOf(await gql(app, ListPatterns, { filter }))).sort();
    expect(await query({ origin: 'SYSTEM' })).toEqual(['financial_transaction', 'user_onboarding']);
    expect(await query({ category: 'FINANCE', origin: 'USER' })).toEqual(['alpha', 'gamma']);
    expect(await query({ isActive: false })).toEqual(['beta']);
    expect(await query({ createdBy: 'dev' })).toEqual(['alpha', 'beta', 'delta', 'gamma']);
    expect(await query({ createdBy: 'system' })).toEqual([
      'financial_transaction',
      'user_onboarding',
    ]);
    expect(await query({ search: 'money' })).toEqual(['alpha', 'gamma']);
    expect(await query({ search: '  MoNeY ' })).toEqual(['alpha', 'gamma']);
    expect(await query({ search: 'money', category: 'FINANCE', isActive: true })).toEqual([
      'alpha',
      'gamma',
    ]);
    expect(await query({ search: 'nothing matches this' })).toEqual([]);
  });

  it('pages with cursors: every pattern once, pageInfo and totalCount on each page', async () => {
    const app = await seeded();
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page++) {
      const response: Result<ListPatternsQuery> = await gql(app, ListPatterns, { first: 2, after });
      const result = dataOf(response).patterns;
      expect(result.totalCount).toBe(6);
      expect(result.pageInfo.hasPreviousPage).toBe(page > 0);
      expect(result.pageInfo.hasNextPage).toBe(page < 2);
      expect(result.pageInfo.startCursor).toBe(result.edges[0]?.cursor);
      expect(result.pageInfo.endCursor).toBe(result.edges[1]?.cursor);
      seen.push(...result.edges.map((edge) => edge.node.id));
      after = result.pageInfo.endCursor ?? null;
    }
    const all = ids(dataOf(await gql(app, ListPatterns, {})));
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(6);
    const empty = dataOf(await gql(app, ListPatterns, { first: 0 })).patterns;
    expect(empty).toMatchObject({ totalCount: 6, edges: [], pageInfo: { hasNextPage: true } });
  });

  it('rejects a malformed cursor and out-of-range page sizes with BAD_USER_INPUT', async () => {
    const app = await redis.app();
    for (const variables of [
      { after: 'not-a-cursor' },
      { after: 'WzEsMiwzXQ' },
      // A number JSON can carry but Redis cannot score.
      { after: Buffer.from('[1e400,"x"]').toString('base64url') },
      { first: 101 },
      { first: -1 },
    ]) {
      const [error] = errorsOf(await gql(app, ListPatterns, variables));
      expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error?.extensions?.issues?.[0]?.path).toEqual([Object.keys(variables)[0]]);
    }
  });
});

describe('system patterns', () => {
  it('exist at start-up as SYSTEM patterns and are created only once across restarts', async () => {
    const keyPrefix = uniquePrefix('system');
    const first = await redis.app({ keyPrefix });
    const system = dataOf(
      await gql(first, ListPatterns, { filter: { origin: 'SYSTEM' } }),
    ).patterns;
    expect(system.totalCount).toBe(2);
    const onboarding = dataOf(await gql(first, GetPattern, { id: 'user_onboarding' })).pattern;
    expect(onboarding).toMatchObject({
      origin: 'SYSTEM',
      category: 'USER',
      version: 1,
      createdBy: 'system',
    });
    const finance = dataOf(await gql(first, GetPattern, { id: 'financial_transaction' })).pattern;
    expect(finance).toMatchObject({ origin: 'SYSTEM', category: 'FINANCE', transactional: true });

    // An admin edits one; two more instances start on the same data at the same time.
    await gql(first, UpdatePattern, { id: 'user_onboarding', input: { description: 'Edited' } });
    const [second, third] = await Promise.all([redis.app({ keyPrefix }), redis.app({ keyPrefix })]);
    for (const app of [second, third]) {
      const result = dataOf(
        await gql(app, ListPatterns, { filter: { origin: 'SYSTEM' } }),
      ).patterns;
      expect(result.totalCount).toBe(2);
      const edited = dataOf(await gql(app, GetPattern, { id: 'user_onboarding' })).pattern;
      expect(edited).toMatchObject({ version: 2, description: 'Edited' });
      expect(
        dataOf(await gql(app, GetPattern, { id: 'financial_transaction' })).pattern?.version,
      ).toBe(1);
    }
  });
});
