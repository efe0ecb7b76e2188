/**
 * stepTypes over GraphQL: every type and action with its JSON Schemas, which check the README's
 * examples (with ajv, as any client would) and the outputs of real runs.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { STEP_ACTIONS, STEP_TYPES } from '../../src/domain/pattern/pattern.js';
import { signToken } from '../../src/server/authenticate.js';
import type { StepInput, StepType, StepTypesQuery } from '../gql/graphql.js';
import { graphql } from '../gql/index.js';
import { dataOf, errorsOf, gql } from '../helpers/app.js';
import { useRedisApps } from '../helpers/redis-app.js';
import { ExecutePattern } from './execution-operations.js';
import { CreatePattern } from './operations.js';

const StepTypes = graphql(`
  query StepTypes {
    stepTypes {
      type
      description
      actions { action description parametersSchema outputSchema example }
    }
  }
`);

const redis = useRedisApps('step-types');
const SECRET = 'step-types-secret-that-is-long-enough';

type Action = StepTypesQuery['stepTypes'][number]['actions'][number];

async function stepTypes(): Promise<Map<string, Action>> {
  const app = await redis.app({ jwtSecret: SECRET });
  const token = await signToken(SECRET, { sub: 'carol' });
  const { stepTypes } = dataOf(await gql(app, StepTypes, {}, token));
  return new Map(
    stepTypes.flatMap((type) =>
      type.actions.map((action) => [`${type.type} ${action.action}`, action]),
    ),
  );
}

/** The README's example of each type × action: the JSON block under its "##### TYPE action" heading. */
function readmeExamples(): Map<string, unknown> {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const examples = new Map<string, unknown>();
  for (const match of readme.matchAll(
    /^##### ([A-Z]+) ([a-z_]+)\n[\s\S]*?```json\n([\s\S]*?)\n```/gm,
  )) {
    const [, type, action, json] = match;
    expect(examples.has(`${type} ${action}`), `${type} ${action} twice`).toBe(false);
    examples.set(`${type} ${action}`, JSON.parse(json ?? ''));
  }
  return examples;
}

const everyAction = STEP_TYPES.flatMap((type) =>
  STEP_ACTIONS[type].map((action) => `${type} ${action}`),
);

describe('stepTypes', () => {
  it('describes every type and action to any signed-in caller, and nobody else', async () => {
    const app = await redis.app({ jwtSecret: SECRET });
    expect(errorsOf(await gql(app, StepTypes))[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const { stepTypes } = dataOf(
      await gql(app, StepTypes, {}, await signToken(SECRET, { sub: 'carol' })),
    );
    expect(stepTypes.map((type) => type.type)).toEqual([...STEP_TYPES]);
    for (const type of stepTypes) {
      expect(type.description).not.toBe('');
      expect(type.actions.map((action) => action.action)).toEqual(STEP_ACTIONS[type.type]);
      for (const action of type.actions) {
        expect(action.description).not.toBe('');
        expect(action.parametersSchema).toMatchObject({
          type: 'object',
          additionalProperties: false,
        });
      }
    }
  });

  it("validates the README's examples with its JSON Schemas, and createPattern accepts each", async () => {
    const actions = await stepTypes();
    const examples = readmeExamples();
    expect([...examples.keys()].sort()).toEqual([...everyAction].sort());
    const ajv = new Ajv2020({ allErrors: true });
    for (const [key, example] of examples) {
      const validate = ajv.compile(actions.get(key)?.parametersSchema as object);
      expect(validate(example), `${key}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      expect(validate(actions.get(key)?.example), `${key} (stepTypes example)`).toBe(true);
    }
    // The schemas refuse what createPattern refuses.
    const delay = ajv.compile(actions.get('DELAY wait')?.parametersSchema as object);
    expect([delay({ millis: 1500 }), delay({ ms: '1500' }), delay({ ms: 300_001 })]).toEqual([
      false,
      false,
      false,
    ]);

    const app = await redis.app();
    const steps: StepInput[] = [...examples].map(([key, parameters], i) => {
      const [type, action] = key.split(' ') as [StepType, string];
      return { id: `s${i}`, type, action, parameters };
    });
    const created = dataOf(
      await gql(app, CreatePattern, {
        input: { id: 'readme', name: 'README', category: 'USER', steps },
      }),
    ).createPattern;
    expect(created.steps).toHaveLength(everyAction.length);
  });

  it('gives output schemas that the outputs of real runs match', async () => {
    const actions = await stepTypes();
    const app = await redis.app();
    const step = (
      id: string,
      type: StepType,
      action: string,
      parameters: unknown,
      dependsOn: string[] = [],
    ): StepInput => ({
      id,
      type,
      action,
      parameters,
      dependsOn,
    });
    dataOf(
      await gql(app, CreatePattern, {
        input: {
          id: 'leaf',
          name: 'leaf',
          category: 'USER',
          steps: [step('w', 'DELAY', 'wait', { ms: 1 })],
        },
      }),
    );
    const steps = [
      step('set', 'CACHE', 'set', { key: 'k', value: { n: 1 }, ttl: 60 }),
      step('get', 'CACHE', 'get', { key: 'k' }, ['set']),
      step('delete', 'CACHE', 'delete', { key: 'k' }, ['get']),
      step('pipeline', 'PIPELINE', 'exec', {
        ops: [
          { action: 'set', key: 'p', value: 1 },
          { action: 'get', key: 'p' },
        ],
      }),
      step(
        'transaction',
        'TRANSACTION',
        'exec',
        { ops: [{ action: 'delete', key: 'p' }], watch: ['p'] },
        ['pipeline'],
      ),
      step('link', 'RELATIONSHIP', 'create', { from: 'user:1', to: 'user:2', type: 'LINKED' }),
      step('path', 'GRAPH', 'find_path', { from: 'user:1', to: 'user:2' }, ['link']),
      step('walk', 'GRAPH', 'traverse', { from: 'user:1', direction: 'BOTH' }, ['link']),
      step('cycles', 'GRAPH', 'detect_cycles', { from: 'user:1', types: ['LINKED'] }, ['link']),
      step('unlink', 'RELATIONSHIP', 'delete', { id: '{steps.link.output.id}' }, [
        'path',
        'walk',
        'cycles',
      ]),
      step('publish', 'EVENT', 'publish', { event_type: 'checked', payload: { ok: true } }),
      step('child', 'PATTERN', 'execute', { pattern_id: 'leaf' }),
      step('wait', 'DELAY', 'wait', { ms: 1 }),
    ];
    dataOf(
      await gql(app, CreatePattern, { input: { id: 'all', name: 'all', category: 'USER', steps } }),
    );
    const run = dataOf(await gql(app, ExecutePattern, { id: 'all', mode: 'SYNC' })).executePattern;
    expect(run.status).toBe('SUCCEEDED');
    const ajv = new Ajv2020({ allErrors: true });
    for (const { id, type, action } of steps) {
      const output = run.steps.find((result) => result.stepId === id)?.output;
      const validate = ajv.compile(actions.get(`${type} ${action}`)?.outputSchema as object);
      expect(
        validate(output),
        `${id}: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(output)}`,
      ).toBe(true);
    }
    expect(ajv.compile(actions.get('DELAY wait')?.outputSchema as object)({ waited: 1 })).toBe(
      false,
    );
  });
});
