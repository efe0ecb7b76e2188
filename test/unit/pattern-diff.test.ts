import { describe, expect, it } from 'vitest';
import { jsonEqual, sameContent } from '../../src/domain/pattern/pattern-content.js';
import { diffPatterns } from '../../src/domain/pattern/pattern-diff.js';
import { makePattern, nextVersion, step } from '../helpers/patterns.js';

describe('diffPatterns', () => {
  it('finds nothing between a version and an identical one, whatever the key order of JSON', () => {
    const v1 = makePattern({ metadata: { a: 1, b: { c: [1, 2] } } });
    const v2 = nextVersion(v1, { metadata: { b: { c: [1, 2] }, a: 1 } });
    expect(diffPatterns(v1, v2)).toEqual({
      from: 1,
      to: 2,
      fields: [],
      stepsAdded: [],
      stepsRemoved: [],
      stepsChanged: [],
      stepsReordered: false,
      identical: true,
    });
    expect(sameContent(v1, v2)).toBe(true);
  });

  it('lists each changed pattern field with its value before and after', () => {
    const v1 = makePattern({ name: 'A', description: null, metadata: { x: 1 } });
    const v2 = nextVersion(v1, {
      name: 'B',
      description: 'now described',
      category: 'FINANCE',
      transactional: true,
      isActive: false,
      metadata: null,
    });
    expect(diffPatterns(v1, v2).fields).toEqual([
      { field: 'name', before: 'A', after: 'B' },
      { field: 'description', before: null, after: 'now described' },
      { field: 'category', before: 'NOTIFICATION', after: 'FINANCE' },
      { field: 'transactional', before: false, after: true },
      { field: 'isActive', before: true, after: false },
      { field: 'metadata', before: { x: 1 }, after: null },
    ]);
    expect(diffPatterns(v1, v2).identical).toBe(false);
  });

  it('names steps added, removed and changed, with every changed step field', () => {
    const v1 = makePattern({ steps: [step('a'), step('b', ['a']), step('gone')] });
    const changed = {
      ...step('b', []),
      type: 'EVENT' as const,
      action: 'publish',
      parameters: { event_type: 'x' },
      retries: 3,
      timeoutMs: 500,
    };
    const v2 = nextVersion(v1, { steps: [step('a'), changed, step('new', ['a'])] });
    const diff = diffPatterns(v1, v2);
    expect(diff.stepsAdded).toEqual(['new']);
    expect(diff.stepsRemoved).toEqual(['gone']);
    expect(diff.stepsChanged).toEqual([
      {
        id: 'b',
        changes: [
          { field: 'type', before: 'CACHE', after: 'EVENT' },
          { field: 'action', before: 'set', after: 'publish' },
          {
            field: 'parameters',
            before: { key: 'k:b', value: '{value}' },
            after: { event_type: 'x' },
          },
          { field: 'dependsOn', before: ['a'], after: [] },
          { field: 'timeoutMs', before: null, after: 500 },
          { field: 'retries', before: 0, after: 3 },
        ],
      },
    ]);
    expect(diff.fields).toEqual([]);
    expect(diff.stepsReordered).toBe(false);
  });

  it('reports a reordering of the common steps, and sameContent tells it apart', () => {
    const v1 = makePattern({ steps: [step('a'), step('b'), step('c')] });
    const v2 = nextVersion(v1, { steps: [step('c'), step('a'), step('b')] });
    const diff = diffPatterns(v1, v2);
    expect(diff).toMatchObject({ stepsReordered: true, identical: false, stepsChanged: [] });
    expect(sameContent(v1, v2)).toBe(false);
    // Removing a step in between is not a reordering of the others.
    const v3 = nextVersion(v1, { steps: [step('a'), step('c')] });
    expect(diffPatterns(v1, v3)).toMatchObject({ stepsReordered: false, stepsRemoved: ['b'] });
  });

  it('diffs backwards as well (from a later version to an earlier one)', () => {
    const v1 = makePattern({ steps: [step('a')] });
    const v2 = nextVersion(v1, { steps: [step('a'), step('b', ['a'])] });
    expect(diffPatterns(v2, v1)).toMatchObject({ from: 2, to: 1, stepsRemoved: ['b'] });
  });
});

describe('jsonEqual', () => {
  it('compares structure, not identity or key order', () => {
    expect(jsonEqual({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual({ 0: 'x' }, ['x'])).toBe(false);
    expect(jsonEqual(null, {})).toBe(false);
    expect(jsonEqual('1', 1)).toBe(false);
  });

  it('handles values nested far deeper than a recursive walk could', () => {
    const deep = (n: number): unknown => {
      let value: unknown = 'leaf';
      for (let i = 0; i < n; i++) value = { v: value };
      return value;
    };
    expect(jsonEqual(deep(100_000), deep(100_000))).toBe(true);
    expect(jsonEqual(deep(100_000), deep(99_999))).toBe(false);
  });
});
