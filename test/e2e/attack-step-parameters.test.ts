/**
 * Hostile and careless step parameters, over GraphQL against real Redis: what createPattern must
 * refuse (with paths, never a 500, storing nothing), what a run must keep intact, and what a
 * stored pattern with parameters it should never have had does when it runs.
 */
import { describe, expect, it } from 'vitest';
import { type App, createStorage } from '../../src/app.js';
import { MAX_LISTED_ISSUES } from '../../src/domain/pattern/pattern-input.js';
import type { Storage } from '../../src/domain/storage.js';
import type { StepInput } from '../gql/graphql.js';
import { dataOf, errorsOf, gql, type Result } from '../helpers/app.js';
import { useRedisApps } from '../helpers/redis-app.js';
import { ExecutePattern } from './execution-operations.js';
import { CreatePattern, GetPattern } from './operations.js';

const redis = useRedisApps('attack-step-parameters');

const pattern = (id: string, steps: StepInput[]) => ({
  id,
  name: id,
  category: 'USER' as const,
  steps,
});

/** A request body as written (JSON.stringify cannot write 1e309). */
async function postRaw(app: App, body: string): Promise<Result<unknown> & { status: number }> {
  const response = await app.yoga.fetch('http://nexus.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body,
  });
  return { status: response.status, ...((await response.json()) as Result<unknown>) };
}

function badInput(
  result: Result<unknown>,
): Array<{ path: Array<string | number>; message: string }> {
  const errors = errorsOf(result);
  expect(errors).toHaveLength(1);
  expect(errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  return errors[0]?.extensions?.issues ?? [];
}

const CREATE = 'mutation($i: CreatePatternInput!){ createPattern(input: $i) { id } }';

describe('createPattern refuses, with paths and storing nothing', () => {
  it('a body of 1 MiB holding 128 000 unknown keys: a bounded list of problems, not a stack overflow', async () => {
    const app = await redis.app();
    const steps = Array.from({ length: 16 }, (_, i) => {
      const op: Record<string, unknown> = { action: 'get', key: 'k' };
      for (let j = 0; j < 8000; j++) op[j.toString(36)] = 0;
      return { id: `s${i}`, type: 'PIPELINE', action: 'exec', parameters: { ops: [op] } };
    });
    const body = JSON.stringify({
      query: CREATE,
      variables: { i: pattern('many-keys', steps as StepInput[]) },
    });
    expect(body.length).toBeLessThan(1024 * 1024);
    const issues = badInput(await postRaw(app, body));
    expect(issues).toHaveLength(MAX_LISTED_ISSUES);
    expect(issues[0]).toEqual({
      path: ['input', 'steps', 0, 'parameters', 'ops', 0, '0'],
      message: 'is not a key of this object',
    });
    // Step 0 alone holds 8000: the steps after it are not looked into, and that is said.
    expect(issues.at(-1)).toEqual({
      path: ['input', 'steps', 1, 'parameters'],
      message: `not checked, nor those of later steps: 8000 problems were found before (the first ${MAX_LISTED_ISSUES - 1} are listed)`,
    });
    expect(dataOf(await gql(app, GetPattern, { id: 'many-keys' })).pattern).toBeNull();
  });

  it('numbers JSON cannot hold (1e309 reads as Infinity, stored it would be null)', async () => {
    const app = await redis.app();
    const body = `{"query":${JSON.stringify(CREATE)},"variables":{"i":{"id":"inf","name":"inf","category":"USER","metadata":{"n":[1,-1e309]},"steps":[{"id":"s","type":"CACHE","action":"set","parameters":{"key":"k","value":{"big":1e309}}}]}}}`;
    const issues = badInput(await postRaw(app, body));
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: ['input', 'metadata', 'n', 1], message: 'must be a finite number' },
        {
          path: ['input', 'steps', 0, 'parameters', 'value', 'big'],
          message: 'must be a finite number',
        },
      ]),
    );
    expect(dataOf(await gql(app, GetPattern, { id: 'inf' })).pattern).toBeNull();
  });

  it('unknown or missing keys of an op whose action is a template', async () => {
    const app = await redis.app();
    const steps: StepInput[] = [
      {
        id: 'p',
        type: 'PIPELINE',
        action: 'exec',
        parameters: { ops: [{ action: '{act}', key: 'k', bogus: 1 }, { action: 'g{et}' }] },
      },
      {
        id: 't',
        type: 'TRANSACTION',
        action: 'exec',
        parameters: { ops: [{ action: '{act}', key: '{k}', value: 1, ttl: '1 week' }] },
      },
    ];
    const issues = badInput(await gql(app, CreatePattern, { input: pattern('ops', steps) }));
    expect(issues.map((issue) => issue.path.join('.'))).toEqual([
      'input.steps.0.parameters.ops.0.bogus',
      'input.steps.0.parameters.ops.1.key',
      'input.steps.1.parameters.ops.0.ttl',
    ]);
    expect(dataOf(await gql(app, GetPattern, { id: 'ops' })).pattern).toBeNull();
  });

  it('expiries the store cannot take: "0s", or more seconds than it can count', async () => {
    const app = await redis.app();
    const set = (id: string, ttl: unknown): StepInput => ({
      id,
      type: 'CACHE',
      action: 'set',
      parameters: { key: id, ttl },
    });
    const issues = badInput(
      await gql(app, CreatePattern, {
        input: pattern('ttl', [
          set('zero', '0s'),
          set('huge', '99999999999999999999d'),
          set('ok', '7d'),
        ]),
      }),
    );
    expect(issues.map((issue) => issue.path.join('.'))).toEqual([
      'input.steps.0.parameters.ttl',
      'input.steps.1.parameters.ttl',
    ]);
  });
});

describe('runs keep what they are given', () => {
  it('a "__proto__" key of a templated value is stored, not turned into a prototype', async () => {
    const app = await redis.app();
    const value = JSON.parse('{"__proto__":{"who":"{id}"},"b":1}');
    const steps: StepInput[] = [
      { id: 'set', type: 'CACHE', action: 'set', parameters: { key: 'proto', value } },
      { id: 'get', type: 'CACHE', action: 'get', parameters: { key: 'proto' }, dependsOn: ['set'] },
    ];
    dataOf(await gql(app, CreatePattern, { input: pattern('proto', steps) }));
    const run = dataOf(
      await gql(app, ExecutePattern, { id: 'proto', input: { id: 'x' }, mode: 'SYNC' }),
    );
    expect(run.executePattern.status).toBe('SUCCEEDED');
    const read = run.executePattern.steps.find((step) => step.stepId === 'get')?.output as {
      value: unknown;
    };
    expect(JSON.stringify(read.value)).toBe('{"__proto__":{"who":"x"},"b":1}');
  });

  it('a placeholder names only what the input or an output holds, never what every object inherits', async () => {
    const app = await redis.app();
    const steps: StepInput[] = [
      {
        id: 'k',
        type: 'CACHE',
        action: 'set',
        parameters: { key: 'k{hasOwnProperty}', value: '{constructor}' },
      },
    ];
    dataOf(await gql(app, CreatePattern, { input: pattern('inherited', steps) }));
    const refused = badInput(
      await gql(app, ExecutePattern, { id: 'inherited', input: {}, mode: 'SYNC' }),
    );
    expect(refused.map((issue) => issue.path.join('.')).sort()).toEqual([
      'input.constructor',
      'input.hasOwnProperty',
    ]);

    const fromOutput: StepInput[] = [
      { id: 'a', type: 'CACHE', action: 'get', parameters: { key: 'nothing' } },
      {
        id: 'e',
        type: 'EVENT',
        action: 'publish',
        parameters: { event_type: 'x{steps.a.output.toString}' },
        dependsOn: ['a'],
      },
    ];
    dataOf(await gql(app, CreatePattern, { input: pattern('inherited-output', fromOutput) }));
    const run = dataOf(await gql(app, ExecutePattern, { id: 'inherited-output', mode: 'SYNC' }));
    expect(run.executePattern.status).toBe('FAILED');
    expect(run.executePattern.steps.find((step) => step.stepId === 'e')).toMatchObject({
      status: 'FAILED',
      attempts: 1,
      error: '{steps.a.output.toString} names nothing in the input',
    });
  });

  it('a templated expiry that renders "0s" fails the step at once, with the rule it broke', async () => {
    const app = await redis.app();
    const steps: StepInput[] = [
      {
        id: 'set',
        type: 'CACHE',
        action: 'set',
        parameters: { key: 'k', ttl: '{ttl}' },
        retries: 3,
      },
    ];
    dataOf(await gql(app, CreatePattern, { input: pattern('ttl-run', steps) }));
    const run = dataOf(
      await gql(app, ExecutePattern, { id: 'ttl-run', input: { ttl: '0s' }, mode: 'SYNC' }),
    );
    expect(run.executePattern.steps[0]).toMatchObject({
      status: 'FAILED',
      attempts: 1,
      error:
        'invalid parameters for step "set": ttl: must be a positive number of seconds or a duration like "24h"',
    });
  });
});

describe('whole parameters from a template', () => {
  it('that render null fail the step instead of waiting 0 ms with the defaults', async () => {
    const app = await redis.app();
    const steps: StepInput[] = [{ id: 'wait', type: 'DELAY', action: 'wait', parameters: '{p}' }];
    dataOf(await gql(app, CreatePattern, { input: pattern('whole', steps) }));
    const run = async (input: unknown) =>
      dataOf(await gql(app, ExecutePattern, { id: 'whole', input, mode: 'SYNC' })).executePattern;
    expect((await run({ p: null })).steps[0]).toMatchObject({
      status: 'FAILED',
      attempts: 1,
      error: 'invalid parameters for step "wait": parameters: must be an object, not null',
    });
    expect((await run({ p: { ms: 2 } })).steps[0]).toMatchObject({
      status: 'SUCCEEDED',
      output: { waitedMs: 2 },
    });
  });
});

describe('a stored pattern whose steps were never checked', () => {
  async function appWithStorage(): Promise<{ app: App; storage: () => Storage }> {
    let held: Storage | undefined;
    const app = await redis.app(
      {},
      {
        storage: (settings) => {
          held = createStorage(settings);
          return held;
        },
      },
    );
    return {
      app,
      storage: () => {
        if (!held) throw new Error('no storage yet');
        return held;
      },
    };
  }

  it('fails each bad step with what is wrong, never runs another action, never a 500', async () => {
    const { app, storage } = await appWithStorage();
    const valid: StepInput[] = [{ id: 'w', type: 'DELAY', action: 'wait', parameters: { ms: 1 } }];
    dataOf(await gql(app, CreatePattern, { input: pattern('legacy', valid) }));
    const patterns = storage().patterns;
    const stored = await patterns.get('legacy');
    if (!stored) throw new Error('not stored');
    const step = (id: string, type: string, action: string, parameters: unknown) => ({
      id,
      type,
      action,
      parameters,
      dependsOn: [],
      retries: 2,
      timeoutMs: null,
    });
    const steps = [
      step('wait', 'DELAY', 'wait', { ms: '5000' }),
      step('sleep', 'DELAY', 'sleep', { ms: 1 }),
      step('cycles', 'GRAPH', 'bogus', {}),
      step('link', 'RELATIONSHIP', 'remove', { from: 'a', to: 'b', type: 'LINKED' }),
      step('ops', 'PIPELINE', 'exec', { ops: [{ action: 'get', key: 'k', extra: true }] }),
    ];
    const outcome = await patterns.update(stored, {
      ...stored,
      version: stored.version + 1,
      steps: steps as unknown as typeof stored.steps,
    });
    expect(outcome).toBe('ok');

    const run = await gql(app, ExecutePattern, { id: 'legacy', mode: 'SYNC' });
    const execution = dataOf(run).executePattern;
    expect(execution.status).toBe('FAILED');
    const byId = new Map(execution.steps.map((s) => [s.stepId, s]));
    expect(byId.get('wait')).toMatchObject({
      status: 'FAILED',
      attempts: 1,
      error: 'invalid parameters for step "wait": ms: must be an integer',
    });
    expect(byId.get('sleep')).toMatchObject({
      status: 'FAILED',
      attempts: 1,
      error: 'DELAY steps have no action "sleep" (expected one of: wait)',
    });
    expect(byId.get('cycles')).toMatchObject({
      status: 'FAILED',
      attempts: 1,
      error: expect.stringContaining('GRAPH steps have no action "bogus"'),
    });
    expect(byId.get('link')).toMatchObject({
      status: 'FAILED',
      attempts: 1,
      error: expect.stringContaining('RELATIONSHIP steps have no action "remove"'),
    });
    expect(byId.get('ops')).toMatchObject({
      status: 'FAILED',
      attempts: 1,
      error: 'invalid parameters for step "ops": ops.0.extra: is not a key of this object',
    });
  });
});
