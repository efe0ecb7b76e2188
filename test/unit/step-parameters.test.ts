import { describe, expect, it } from 'vitest';
import { delayRunner } from '../../src/domain/execution/runners/delay.js';
import { PermanentStepError, type StepContext } from '../../src/domain/execution/step-runner.js';
import { STEP_ACTIONS, STEP_TYPES } from '../../src/domain/pattern/pattern.js';
import {
  DEFAULT_PATTERN_LIMITS,
  parseCreatePatternInput,
  patternInputParser,
} from '../../src/domain/pattern/pattern-input.js';
import { DEFAULT_STEP_PARAMETERS } from '../../src/domain/pattern/step-parameters/index.js';
import { ValidationError } from '../../src/domain/shared/errors.js';
import { PARAMETER_MISTAKES } from '../helpers/step-parameter-mistakes.js';

type RawStep = Record<string, unknown>;

function issuesOf(steps: RawStep[], parse = parseCreatePatternInput): Array<[string, string]> {
  try {
    parse({ name: 'x', category: 'USER', steps });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return error.issues.map((issue) => [issue.path.join('.'), issue.message]);
  }
  return [];
}

const step = (
  id: string,
  type: string,
  action: string,
  parameters: unknown,
  dependsOn: string[] = [],
) => ({
  id,
  type,
  action,
  parameters,
  dependsOn,
});

describe('the step parameter schemas', () => {
  it('cover every step type and action, and nothing else', () => {
    const covered = DEFAULT_STEP_PARAMETERS.specs.map((spec) => `${spec.type} ${spec.action}`);
    const declared = STEP_TYPES.flatMap((type) =>
      STEP_ACTIONS[type].map((action) => `${type} ${action}`),
    );
    expect(covered.sort()).toEqual(declared.sort());
  });

  it('accept their own example, written as a step of a pattern', () => {
    for (const spec of DEFAULT_STEP_PARAMETERS.specs) {
      expect(spec.parameters.safeParse(spec.example).success, `${spec.type} ${spec.action}`).toBe(
        true,
      );
      expect(issuesOf([step('s', spec.type, spec.action, spec.example)])).toEqual([]);
    }
  });

  it('describe every type, action and field, and refuse unknown keys in their JSON Schema', () => {
    const undescribed: string[] = [];
    const visit = (schema: unknown, at: string): void => {
      if (typeof schema !== 'object' || schema === null) return;
      const node = schema as Record<string, unknown>;
      if (node.type === 'object' && node.properties) {
        expect(node.additionalProperties, at).toBe(false);
        for (const [key, property] of Object.entries(node.properties as Record<string, unknown>)) {
          if (!(property as { description?: string }).description) undescribed.push(`${at}.${key}`);
          visit(property, `${at}.${key}`);
        }
      }
      for (const key of ['items', 'anyOf', 'oneOf'] as const) {
        const inner = node[key];
        for (const item of Array.isArray(inner) ? inner : [inner]) visit(item, at);
      }
    };
    for (const type of DEFAULT_STEP_PARAMETERS.describe()) {
      expect(type.description).not.toBe('');
      for (const action of type.actions) {
        expect(action.description).not.toBe('');
        visit(action.parametersSchema, `${type.type} ${action.action} parameters`);
        visit(action.outputSchema, `${type.type} ${action.action} output`);
      }
    }
    expect(undescribed).toEqual([]);
  });

  it.each(
    PARAMETER_MISTAKES.map((mistake) => [`${mistake.type} ${mistake.action}`, mistake] as const),
  )('refuse mistakes in %s parameters with their paths', (_, mistake) => {
    const found = issuesOf([step('s', mistake.type, mistake.action, mistake.parameters)]);
    expect(found).toHaveLength(mistake.problems.length);
    for (const [path, message] of mistake.problems) {
      const full = ['steps.0.parameters', path].filter(Boolean).join('.');
      expect(found).toContainEqual([full, expect.stringContaining(message)]);
    }
  });

  it('bound GRAPH depths by the configured traversal depth', () => {
    const shallow = patternInputParser({ ...DEFAULT_PATTERN_LIMITS, maxTraversalDepth: 3 });
    const find = (depth: number) => [
      step('s', 'GRAPH', 'traverse', { from: 'a', max_depth: depth }),
    ];
    expect(issuesOf(find(3), (raw) => shallow.parseCreate(raw))).toEqual([]);
    expect(issuesOf(find(4), (raw) => shallow.parseCreate(raw))).toEqual([
      ['steps.0.parameters.max_depth', 'must be an integer between 0 and 3'],
    ]);
    expect(shallow.stepParameters.describe().find((t) => t.type === 'GRAPH')).toMatchObject({
      actions: expect.arrayContaining([
        expect.objectContaining({
          action: 'traverse',
          parametersSchema: expect.objectContaining({
            properties: expect.objectContaining({
              max_depth: expect.objectContaining({ maximum: 3 }),
            }),
          }),
        }),
      ]),
    });
  });
});

describe('templates in parameters, when written', () => {
  it('stand for a value of any type when a string is exactly one placeholder', () => {
    expect(
      issuesOf([
        step('wait', 'DELAY', 'wait', { ms: '{ms}' }),
        step('whole', 'RELATIONSHIP', 'create', '{relationship}'),
        step('list', 'GRAPH', 'traverse', {
          from: '{user}',
          types: ['{type}', 'OWNER'],
          limit: '{n}',
        }),
        step('ops', 'PIPELINE', 'exec', { ops: ['{first}', { action: '{action}', key: 'k' }] }),
        step('all', 'TRANSACTION', 'exec', { ops: '{ops}', watch: '{keys}' }),
      ]),
    ).toEqual([]);
  });

  it('stand for a string inside a longer string: its format is checked once rendered, its type now', () => {
    expect(
      issuesOf([
        step('link', 'RELATIONSHIP', 'create', {
          from: 'user:{id}',
          to: 'wallet:{id}',
          type: 'LINKED',
        }),
        step('wait', 'DELAY', 'wait', { ms: '{seconds}000' }),
      ]),
    ).toEqual([['steps.1.parameters.ms', 'must be an integer']]);
  });

  it('leave the keys of objects literal: a templated key is unknown', () => {
    expect(issuesOf([step('wait', 'DELAY', 'wait', { '{field}': 1 })])).toEqual([
      ['steps.0.parameters.{field}', 'is not a parameter of DELAY wait (it takes: ms)'],
    ]);
  });
});

describe('references to other steps, when written', () => {
  const read = (id: string, placeholder: string, dependsOn: string[] = []) =>
    step(id, 'CACHE', 'set', { key: id, value: { nested: [placeholder] } }, dependsOn);

  it('accept outputs of steps depended on directly or through others', () => {
    expect(
      issuesOf([
        read('a', '{id}'),
        read('b', '{steps.a.output.key}', ['a']),
        read('c', 'from {steps.a.output}', ['b']),
        read('d', '{viewer.key}', ['c']),
      ]),
    ).toEqual([]);
  });

  it('refuse steps not depended on, unknown steps, the step itself and malformed references', () => {
    expect(
      issuesOf([
        read('a', '{steps.b.output}'),
        read('b', '{steps.a.output}', ['a']),
        read('c', '{steps.ghost.output.x}', ['b']),
        read('d', '{steps.d.output}', ['c']),
        read('e', '{steps.a.key}', ['a']),
        read('f', '{viewer.name}'),
      ]),
    ).toEqual([
      [
        'steps.0.parameters.value.nested.0',
        '{steps.b.output}: step "a" does not depend on "b" (directly or through other steps), so "b" may not have run yet',
      ],
      [
        'steps.2.parameters.value.nested.0',
        '{steps.ghost.output.x}: "ghost" names no step of this pattern',
      ],
      ['steps.3.parameters.value.nested.0', '{steps.d.output}: a step cannot read its own output'],
      [
        'steps.4.parameters.value.nested.0',
        '{steps.a.key}: a step is read as {steps.<id>.output} or {steps.<id>.output.<path>}',
      ],
      ['steps.5.parameters.value.nested.0', '{viewer.name}: the viewer has only "id" and "key"'],
    ]);
  });
});

describe('rendered parameters, when a step runs', () => {
  it('fail the step, without retries, with the same message as at write time', async () => {
    const context = { signal: new AbortController().signal } as StepContext;
    const compiled = {
      ...step('wait', 'DELAY', 'wait', { ms: '{ms}' }),
      retries: 0,
      timeoutMs: null,
      templated: true,
      literalOp: null,
    } as const;
    const run = delayRunner.run(compiled as never, { ms: 'soon' }, context);
    await expect(run).rejects.toBeInstanceOf(PermanentStepError);
    await expect(delayRunner.run(compiled as never, { ms: 'soon' }, context)).rejects.toThrow(
      'invalid parameters for step "wait": ms: must be an integer',
    );
    await expect(delayRunner.run(compiled as never, { ms: 2 }, context)).resolves.toEqual({
      output: { waitedMs: 2 },
    });
  });
});
