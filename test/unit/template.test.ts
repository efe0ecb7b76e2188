import { describe, expect, it } from 'vitest';
import { inputPaths, render, TemplateError } from '../../src/domain/execution/template.js';

const scope = (input: unknown, outputs: Record<string, unknown> = {}) => ({
  input,
  outputs: new Map(Object.entries(outputs)),
  viewer: { id: 'alice:x', key: 'alice%3Ax' },
});

describe('render', () => {
  it('fills placeholders, whole values and earlier outputs, leaving the template unchanged', () => {
    const template = {
      key: 'user:{id}',
      value: '{user}',
      list: ['{steps.a.output.n}', 3, null],
    };
    const copy = structuredClone(template);
    const rendered = render(template, scope({ id: 7, user: { name: 'Ada' } }, { a: { n: 1 } }));
    expect(rendered).toEqual({ key: 'user:7', value: { name: 'Ada' }, list: [1, 3, null] });
    expect(template).toEqual(copy);
    expect(rendered).not.toBe(template);
  });

  it('returns parameters without placeholders as they are (no copy per run)', () => {
    const literal = Object.freeze({ key: 'k', value: Object.freeze({ nested: [1, 'two'] }) });
    expect(render(literal, scope({}))).toBe(literal);
    expect(render(literal, scope({ other: 1 }))).toBe(literal);
  });

  it('still refuses a placeholder that names nothing', () => {
    expect(() => render({ key: '{missing}' }, scope({}))).toThrow(TemplateError);
  });

  it('gives the caller as {viewer.id} and {viewer.key}, never from the input', () => {
    const rendered = render(
      { key: 'note:{viewer.key}:{name}', by: '{viewer.id}' },
      scope({ name: 'n', viewer: { key: 'forged' } }),
    );
    expect(rendered).toEqual({ key: 'note:alice%3Ax:n', by: 'alice:x' });
    expect(inputPaths({ key: '{viewer.key}', other: '{viewer.id}:{name}' })).toEqual(['name']);
    expect(() => render({ key: '{viewer.roles}' }, scope({}))).toThrow(TemplateError);
  });
});

describe('render budget', () => {
  it('refuses what grows past the bound once filled in, whole values and interpolations alike', () => {
    const big = { nested: ['x'.repeat(600), { deep: 'y'.repeat(600) }] };
    const wholes = Array.from({ length: 10 }, () => '{big}');
    expect(() => render({ list: wholes }, scope({ big }), 15_000)).not.toThrow();
    expect(() => render({ list: wholes }, scope({ big }), 5_000)).toThrow(/exceed 5000 bytes/);
    const inline = Array.from({ length: 10 }, () => 'a{p}b');
    expect(() => render(inline, scope({ p: 'z'.repeat(500) }), 4_000)).toThrow(TemplateError);
    expect(() => render(inline, scope({ p: 'z'.repeat(300) }), 4_000)).not.toThrow();
  });
});
