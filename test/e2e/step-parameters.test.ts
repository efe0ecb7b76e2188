/** Step parameters checked at createPattern / updatePattern, and again once rendered, over GraphQL. */
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import { DEFAULT_STEP_PARAMETERS } from '../../src/domain/pattern/step-parameters/index.js';
import type { StepInput, StepType } from '../gql/graphql.js';
import { dataOf, errorsOf, gql, type Result } from '../helpers/app.js';
import { useRedisApps } from '../helpers/redis-app.js';
import { PARAMETER_MISTAKES } from '../helpers/step-parameter-mistakes.js';
import { ExecutePattern } from './execution-operations.js';
import { CreatePattern, GetPattern, UpdatePattern } from './operations.js';

const redis = useRedisApps('step-parameters');

function issuesOf(result: Result<unknown>): Array<[string, string]> {
  const errors = errorsOf(result);
  expect(errors).toHaveLength(1);
  expect(errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  return (errors[0]?.extensions?.issues ?? []).map((issue) => [
    issue.path.join('.'),
    issue.message,
  ]);
}

const pattern = (id: string, steps: StepInput[]) => ({
  id,
  name: id,
  category: 'USER' as const,
  steps,
});

describe('createPattern and updatePattern', () => {
  it('accept a pattern with the example of every step type and action', async () => {
    const app = await redis.app();
    const steps = DEFAULT_STEP_PARAMETERS.specs.map((spec, i) => ({
      id: `s${i}`,
      type: spec.type as StepType,
      action: spec.action,
      parameters: spec.example,
    }));
    const created = dataOf(await gql(app, CreatePattern, { input: pattern('examples', steps) }));
    expect(created.createPattern.steps.map((step) => step.parameters)).toEqual(
      DEFAULT_STEP_PARAMETERS.specs.map((spec) => spec.example),
    );
  });

  it('refuse every mistake of every step type and action in one response, each with its path, writing nothing', async () => {
    const app = await redis.app();
    const steps = PARAMETER_MISTAKES.map((mistake, i) => ({
      id: `m${i}`,
      type: mistake.type,
      action: mistake.action,
      parameters: mistake.parameters,
    }));
    const expected = PARAMETER_MISTAKES.flatMap((mistake, i) =>
      mistake.problems.map(([path, message]) => [
        ['input.steps', i, 'parameters', path].filter((part) => part !== '').join('.'),
        message,
      ]),
    );
    const found = issuesOf(await gql(app, CreatePattern, { input: pattern('mistakes', steps) }));
    expect(found.map(([path]) => path).sort()).toEqual(expected.map(([path]) => path).sort());
    for (const [path, message] of expected) {
      expect(found).toContainEqual([path, expect.stringContaining(String(message))]);
    }
    expect(dataOf(await gql(app, GetPattern, { id: 'mistakes' })).pattern).toBeNull();

    // updatePattern applies the same rules to the steps it is given.
    const valid: StepInput = { id: 'one', type: 'DELAY', action: 'wait' };
    dataOf(await gql(app, CreatePattern, { input: pattern('target', [valid]) }));
    const update = issuesOf(await gql(app, UpdatePattern, { id: 'target', input: { steps } }));
    expect(update.map(([path]) => path).sort()).toEqual(expected.map(([path]) => path).sort());
  });

  it('refuses a step that reads a step it does not depend on, and accepts one it depends on through another', async () => {
    const app = await redis.app();
    const set = (id: string, value: string, dependsOn: string[] = []): StepInput => ({
      id,
      type: 'CACHE',
      action: 'set',
      parameters: { key: id, value },
      dependsOn,
    });
    const racing = [
      set('a', 'first'),
      set('b', '{steps.a.output.key}'),
      set('c', '{steps.a.output}', ['b']),
    ];
    expect(issuesOf(await gql(app, CreatePattern, { input: pattern('racing', racing) }))).toEqual([
      [
        'input.steps.1.parameters.value',
        '{steps.a.output.key}: step "b" does not depend on "a" (directly or through other steps), so "a" may not have run yet',
      ],
      [
        'input.steps.2.parameters.value',
        '{steps.a.output}: step "c" does not depend on "a" (directly or through other steps), so "a" may not have run yet',
      ],
    ]);
    const chained = [
      set('a', 'first'),
      set('b', 'second', ['a']),
      set('c', 'after {steps.a.output.key}', ['b']),
    ];
    dataOf(await gql(app, CreatePattern, { input: pattern('chained', chained) }));
    const run = dataOf(
      await gql(app, ExecutePattern, { id: 'chained', mode: 'SYNC' }),
    ).executePattern;
    expect(run.status).toBe('SUCCEEDED');
    expect(run.steps.find((step) => step.stepId === 'c')?.output).toEqual({ key: 'c' });
  });

  it('accepts a templated number, and fails the step once its rendered value is wrong', async () => {
    const app = await redis.app();
    const wait: StepInput = {
      id: 'wait',
      type: 'DELAY',
      action: 'wait',
      parameters: { ms: '{ms}' },
      retries: 2,
    };
    dataOf(await gql(app, CreatePattern, { input: pattern('templated_wait', [wait]) }));
    const bad = dataOf(
      await gql(app, ExecutePattern, { id: 'templated_wait', input: { ms: 'soon' }, mode: 'SYNC' }),
    ).executePattern;
    expect(bad.status).toBe('FAILED');
    // Not retried: another attempt renders the same value.
    expect(bad.steps[0]).toMatchObject({
      status: 'FAILED',
      attempts: 1,
      error: 'invalid parameters for step "wait": ms: must be an integer',
    });
    const tooLong = dataOf(
      await gql(app, ExecutePattern, {
        id: 'templated_wait',
        input: { ms: 300_001 },
        mode: 'SYNC',
      }),
    ).executePattern;
    expect(tooLong.steps[0]?.error).toBe(
      'invalid parameters for step "wait": ms: must be an integer between 0 and 300000',
    );
    const good = dataOf(
      await gql(app, ExecutePattern, { id: 'templated_wait', input: { ms: 1 }, mode: 'SYNC' }),
    ).executePattern;
    expect(good).toMatchObject({ status: 'SUCCEEDED', steps: [{ output: { waitedMs: 1 } }] });
  });

  it('bounds GRAPH depths by NEXUS_MAX_TRAVERSAL_DEPTH', async () => {
    const app = await redis.app({ security: { maxTraversalDepth: 3 } as Config['security'] });
    const traverse = (max_depth: number): StepInput[] => [
      { id: 't', type: 'GRAPH', action: 'traverse', parameters: { from: 'user:1', max_depth } },
    ];
    expect(
      issuesOf(await gql(app, CreatePattern, { input: pattern('deep', traverse(4)) })),
    ).toEqual([['input.steps.0.parameters.max_depth', 'must be an integer between 0 and 3']]);
    dataOf(await gql(app, CreatePattern, { input: pattern('shallow', traverse(3)) }));
  });
});
