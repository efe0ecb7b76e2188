/**
 * Every JSON argument is refused past the configured nesting (BAD_USER_INPUT naming the path),
 * however deep the value: thousands of levels must not reach JSON.stringify's recursion.
 */
import { print } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { signToken } from '../../src/server/authenticate.js';
import { dataOf, errorsOf, gql, type Result } from '../helpers/app.js';
import { useRedisApps } from '../helpers/redis-app.js';
import { ExecutePattern, PlanPattern } from './execution-operations.js';
import { CreateRelationship } from './graph-operations.js';
import { CreatePattern, UpdatePattern } from './operations.js';

const redis = useRedisApps('json-depth');
const SECRET = 'test-secret-that-is-long-enough-0123456789';
/** Deep enough to overflow a recursive walk of the value. */
const ATTACK_DEPTH = 5_000;

/** `{ a: { a: ... 1 } }` with `depth` objects. */
function nested(depth: number, key = 'a'): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { [key]: value };
  return value;
}

/**
 * The JSON text of `nested(depth, key)`, or of `depth` nested lists: built as text, since a
 * value this deep overflows JSON.stringify in the client as it would on the server.
 */
function deepJson(depth: number, key: string | null = 'a'): string {
  const [open, close] = key === null ? ['[', ']'] : [`{"${key}":`, '}'];
  return `${open.repeat(depth)}1${close.repeat(depth)}`;
}

/** POSTs an operation whose variables are given as JSON text (see deepJson). */
async function post(
  app: App,
  token: string,
  query: string,
  variables: Record<string, string>,
): Promise<Result<unknown>> {
  const text = Object.entries(variables)
    .map(([name, json]) => `${JSON.stringify(name)}:${json}`)
    .join(',');
  const response = await app.yoga.fetch('http://nexus.test/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      authorization: `Bearer ${token}`,
    },
    body: `{"query":${JSON.stringify(query)},"variables":{${text}}}`,
  });
  return (await response.json()) as Result<unknown>;
}

const json = (value: unknown) => JSON.stringify(value);

async function setUp(maxJsonDepth?: number): Promise<{ app: App; token: string }> {
  const security = maxJsonDepth === undefined ? {} : { maxJsonDepth };
  const app = await redis.app({ jwtSecret: SECRET, security: security as Config['security'] });
  const token = await signToken(SECRET, { sub: 'alice' });
  const pattern = {
    id: 'deep_target',
    name: 'Deep target',
    category: 'NOTIFICATION' as const,
    steps: [{ id: 'wait', type: 'DELAY' as const, action: 'wait', parameters: { ms: 1 } }],
  };
  dataOf(await gql(app, CreatePattern, { input: pattern }, token));
  return { app, token };
}

/** [path, message] of each issue, requiring the request to be BAD_USER_INPUT. */
function issuesOf(result: Result<unknown>): Array<[string, string]> {
  const errors = errorsOf(result);
  expect(errors.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  return (errors[0]?.extensions?.issues ?? []).map((issue) => [
    issue.path.join('.'),
    issue.message,
  ]);
}

const tooDeep = (limit: number) => `must not nest deeper than ${limit} levels`;
const keys = (count: number, key = 'a') => Array.from({ length: count }, () => key).join('.');

describe('JSON nesting limit', () => {
  it('refuses a deep executePattern / planPattern input with the path, default limit 32', async () => {
    const { app, token } = await setUp();
    const execute = print(ExecutePattern);
    const run = { id: json('deep_target'), mode: json('SYNC') };
    expect(
      issuesOf(await post(app, token, execute, { ...run, input: deepJson(ATTACK_DEPTH) })),
    ).toEqual([[`input.${keys(32)}`, tooDeep(32)]]);
    const plan = { id: json('deep_target'), input: deepJson(ATTACK_DEPTH, null) };
    expect(issuesOf(await post(app, token, print(PlanPattern), plan))).toEqual([
      [`input${'.0'.repeat(32)}`, tooDeep(32)],
    ]);
    // At the limit itself, the execution runs.
    const ok = dataOf(
      await gql(app, ExecutePattern, { id: 'deep_target', mode: 'SYNC', input: nested(32) }, token),
    );
    expect(ok.executePattern.status).toBe('SUCCEEDED');
  });

  it('refuses deep metadata and step parameters, every one at once, from the configured limit', async () => {
    const { app, token } = await setUp(4);
    const steps = `[{"id":"one","type":"DELAY","action":"wait","parameters":{"ms":1}},
      {"id":"two","type":"DELAY","action":"wait","parameters":${deepJson(ATTACK_DEPTH, 'p')}}]`;
    const input = `{"id":"deep_meta","name":"Deep metadata","category":"NOTIFICATION",
      "metadata":${deepJson(ATTACK_DEPTH, 'm')},"steps":${steps}}`;
    expect(issuesOf(await post(app, token, print(CreatePattern), { input }))).toEqual([
      [`input.metadata.${keys(4, 'm')}`, tooDeep(4)],
      [`input.steps.1.parameters.${keys(4, 'p')}`, tooDeep(4)],
    ]);
    const update = { id: json('deep_target'), input: `{"metadata":${deepJson(ATTACK_DEPTH)}}` };
    expect(issuesOf(await post(app, token, print(UpdatePattern), update))).toEqual([
      [`input.metadata.${keys(4)}`, tooDeep(4)],
    ]);
    const relationship = { from: 'user:1', to: 'user:2', type: 'LINKED' as const };
    const deepRelationship = `{${json(relationship).slice(1, -1)},"metadata":${deepJson(ATTACK_DEPTH)}}`;
    expect(
      issuesOf(await post(app, token, print(CreateRelationship), { input: deepRelationship })),
    ).toEqual([[`input.metadata.${keys(4)}`, tooDeep(4)]]);
    dataOf(
      await gql(
        app,
        CreateRelationship,
        { input: { ...relationship, metadata: nested(4) } },
        token,
      ),
    );
  });

  it('refuses a number JSON cannot write (1e309) in any JSON argument, with its path', async () => {
    const { app, token } = await setUp();
    const run = { id: json('deep_target'), mode: json('SYNC') };
    // JSON.parse reads 1e309 as Infinity, which JSON.stringify would store as null.
    expect(
      issuesOf(await post(app, token, print(ExecutePattern), { ...run, input: '{"v":[1,1e309]}' })),
    ).toEqual([['input.v.1', 'must be a finite number']]);
  });

  it('checks inline literals and variables inside literals the same way', async () => {
    const { app, token } = await setUp(4);
    const literal = `{ a: ${'{ a: '.repeat(5)}1${' }'.repeat(5)} }`;
    const inline = `mutation { executePattern(id: "deep_target", input: ${literal}) { id } }`;
    expect(issuesOf(await post(app, token, inline, {}))).toEqual([
      [`input.${keys(4)}`, tooDeep(4)],
    ]);
    const mixed =
      'mutation Mixed($deep: JSON) { executePattern(id: "deep_target", input: { wrap: [$deep] }) { id } }';
    expect(issuesOf(await post(app, token, mixed, { deep: deepJson(ATTACK_DEPTH) }))).toEqual([
      [`input.wrap.0.${keys(2)}`, tooDeep(4)],
    ]);
  });
});
