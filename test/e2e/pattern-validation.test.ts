/** Every validation rule of createPattern / updatePattern: BAD_USER_INPUT, paths, nothing written. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import type { CreatePatternInput, StepInput } from '../gql/graphql.js';
import { dataOf, errorsOf, gql } from '../helpers/app.js';
import { keysWithPrefix } from '../helpers/prefix.js';
import { useRedisApps } from '../helpers/redis-app.js';
import { CreatePattern, GetPattern, ListPatterns, UpdatePattern } from './operations.js';

const redis = useRedisApps('validation');
let app: App;
let keysBefore: string[];
let prefix: string;

const cache = (id: string, extra: Partial<StepInput> = {}): StepInput => ({
  id,
  type: 'CACHE',
  action: 'get',
  parameters: { key: id },
  ...extra,
});
const valid = (overrides: Partial<CreatePatternInput> = {}): CreatePatternInput => ({
  name: 'Valid',
  category: 'USER',
  steps: [cache('a'), cache('b', { dependsOn: ['a'] })],
  ...overrides,
});
const big = { blob: 'x'.repeat(64 * 1024) };

beforeEach(async () => {
  prefix = `test:validation:${Math.random().toString(36).slice(2, 10)}:`;
  app = await redis.app({ keyPrefix: prefix });
  dataOf(await gql(app, CreatePattern, { input: valid({ id: 'existing' }) }));
  keysBefore = await snapshot();
});

/** The data, not the bookkeeping: rejected attempts are audited and rate-counted by design. */
async function snapshot(): Promise<string[]> {
  const bookkeeping = [`${prefix}audit:`, `${prefix}ratelimit:`];
  const keys = (await keysWithPrefix(redis.admin, prefix)).filter(
    (key) => !bookkeeping.some((start) => key.startsWith(start)),
  );
  const dump: string[] = [];
  for (const key of keys) dump.push(`${key}=${JSON.stringify(await redis.admin.dump(key))}`);
  return dump;
}

afterEach(async () => {
  // Whatever was rejected, Redis holds exactly what it held before.
  expect(await snapshot()).toEqual(keysBefore);
});

type Issue = { path: Array<string | number>; message: string };
async function issuesOfCreate(input: CreatePatternInput): Promise<Issue[]> {
  const [error] = errorsOf(await gql(app, CreatePattern, { input }));
  expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
  return error?.extensions?.issues ?? [];
}

const rules: Array<[string, CreatePatternInput, Array<string | number>, RegExp]> = [
  ['an id with capitals or spaces', valid({ id: 'Bad Id' }), ['input', 'id'], /must match/],
  ['an id starting with a separator', valid({ id: '-x' }), ['input', 'id'], /must match/],
  ['an id over 128 characters', valid({ id: 'a'.repeat(129) }), ['input', 'id'], /must match/],
  ['an empty name', valid({ name: '' }), ['input', 'name'], /empty/],
  ['a blank name', valid({ name: '   ' }), ['input', 'name'], /empty/],
  ['a name over 200 characters', valid({ name: 'n'.repeat(201) }), ['input', 'name'], /200/],
  ['no steps', valid({ steps: [] }), ['input', 'steps'], /at least 1/],
  [
    'more than 100 steps',
    valid({ steps: Array.from({ length: 101 }, (_, i) => cache(`s${i}`)) }),
    ['input', 'steps'],
    /at most 100/,
  ],
  [
    'a malformed step id',
    valid({ steps: [cache('a.b')] }),
    ['input', 'steps', 0, 'id'],
    /must match/,
  ],
  [
    'a duplicate step id',
    valid({ steps: [cache('a'), cache('a')] }),
    ['input', 'steps', 1, 'id'],
    /already the id of step 0/,
  ],
  [
    'a dependency on an unknown step',
    valid({ steps: [cache('a'), cache('b', { dependsOn: ['a', 'ghost'] })] }),
    ['input', 'steps', 1, 'dependsOn', 1],
    /"ghost" names no step/,
  ],
  [
    'a dependency cycle',
    valid({
      steps: [
        cache('a', { dependsOn: ['c'] }),
        cache('b', { dependsOn: ['a'] }),
        cache('c', { dependsOn: ['b'] }),
      ],
    }),
    ['input', 'steps', 0, 'dependsOn'],
    /cycle: a → c → b → a/,
  ],
  [
    'a step depending on itself',
    valid({ steps: [cache('a', { dependsOn: ['a'] })] }),
    ['input', 'steps', 0, 'dependsOn'],
    /cycle: a → a/,
  ],
  [
    'an action its type does not have',
    valid({ steps: [cache('a', { type: 'GRAPH', action: 'set' })] }),
    ['input', 'steps', 0, 'action'],
    /not an action of GRAPH steps \(expected one of: find_path, traverse, detect_cycles\)/,
  ],
  [
    'retries above 10',
    valid({ steps: [cache('a', { retries: 11 })] }),
    ['input', 'steps', 0, 'retries'],
    /between 0 and 10/,
  ],
  [
    'negative retries',
    valid({ steps: [cache('a', { retries: -1 })] }),
    ['input', 'steps', 0, 'retries'],
    /between 0 and 10/,
  ],
  [
    'a zero timeout',
    valid({ steps: [cache('a', { timeoutMs: 0 })] }),
    ['input', 'steps', 0, 'timeoutMs'],
    /between 1 and 300000/,
  ],
  [
    'a timeout over 300000 ms',
    valid({ steps: [cache('a', { timeoutMs: 300_001 })] }),
    ['input', 'steps', 0, 'timeoutMs'],
    /between 1 and 300000/,
  ],
  [
    'parameters over 64 KiB',
    valid({ steps: [cache('a', { parameters: big })] }),
    ['input', 'steps', 0, 'parameters'],
    /64 KiB/,
  ],
  ['metadata over 64 KiB', valid({ metadata: big }), ['input', 'metadata'], /64 KiB/],
];

describe('createPattern validation', () => {
  it.each(rules)('rejects %s', async (_rule, input, path, message) => {
    const issues = await issuesOfCreate(input);
    expect(issues).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it('reports every problem at once', async () => {
    const issues = await issuesOfCreate({
      id: 'BAD',
      name: '',
      category: 'USER',
      metadata: big,
      steps: [
        cache('a', { retries: 99, type: 'EVENT', action: 'get', dependsOn: ['b'] }),
        cache('b', { dependsOn: ['a', 'nope'], timeoutMs: 0 }),
        cache('b'),
      ],
    });
    expect(issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining([
        ['input', 'id'],
        ['input', 'name'],
        ['input', 'metadata'],
        ['input', 'steps', 0, 'retries'],
        ['input', 'steps', 0, 'action'],
        ['input', 'steps', 1, 'timeoutMs'],
        ['input', 'steps', 1, 'dependsOn', 1],
        ['input', 'steps', 2, 'id'],
        ['input', 'steps', 0, 'dependsOn'],
      ]),
    );
    expect(issues).toHaveLength(9);
  });

  it('accepts the limits themselves', async () => {
    const input = valid({
      id: `a${'b'.repeat(127)}`,
      name: 'n'.repeat(200),
      steps: Array.from({ length: 100 }, (_, i) =>
        cache(`s${i}`, { retries: 10, timeoutMs: 300_000 }),
      ),
    });
    const created = dataOf(await gql(app, CreatePattern, { input })).createPattern;
    expect(created.steps).toHaveLength(100);
    keysBefore = await snapshot();
  });

  it('rejects unknown enum values and missing fields as GraphQL input errors, writing nothing', async () => {
    const response = await app.yoga.fetch('http://nexus.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($input: CreatePatternInput!) { createPattern(input: $input) { id } }',
        variables: { input: { name: 'x', category: 'NOPE', steps: [] } },
      }),
    });
    const body = (await response.json()) as {
      errors?: Array<{ message: string; extensions?: { code?: string } }>;
    };
    expect(body.errors?.[0]?.message).toMatch(/NOPE/);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('updatePattern validation', () => {
  const update = async (input: Record<string, unknown>) => {
    const [error] = errorsOf(await gql(app, UpdatePattern, { id: 'existing', input }));
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    return error?.extensions?.issues ?? [];
  };

  it('applies the step rules to new steps', async () => {
    const issues = await update({
      steps: [cache('a', { dependsOn: ['b'] }), cache('b', { dependsOn: ['a'] })],
    });
    expect(issues).toEqual([
      { path: ['input', 'steps', 0, 'dependsOn'], message: 'dependency cycle: a → b → a' },
    ]);
  });

  it('rejects null for fields that cannot be cleared, and an empty change', async () => {
    expect(await update({ name: null, steps: null, isActive: null })).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ['input', 'name'] }),
        expect.objectContaining({ path: ['input', 'steps'] }),
        expect.objectContaining({ path: ['input', 'isActive'] }),
      ]),
    );
    expect(await update({})).toEqual([
      { path: ['input'], message: 'provide at least one field to change' },
    ]);
  });

  it('leaves the pattern at its version', async () => {
    await update({ name: '' });
    const current = dataOf(await gql(app, GetPattern, { id: 'existing' })).pattern;
    expect(current?.version).toBe(1);
    expect(
      dataOf(await gql(app, ListPatterns, { filter: { origin: 'USER' } })).patterns.totalCount,
    ).toBe(1);
  });
});
