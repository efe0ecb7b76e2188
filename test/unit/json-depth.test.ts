import { describe, expect, it } from 'vitest';
import { jsonDepthIssues } from '../../src/domain/shared/json.js';

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? { k: value } : [value];
  return value;
}

describe('jsonDepthIssues', () => {
  it('accepts values up to the limit, scalars included', () => {
    expect(jsonDepthIssues(nested(8), 8)).toEqual([]);
    expect(jsonDepthIssues('text', 1)).toEqual([]);
    expect(jsonDepthIssues({ wide: Array.from({ length: 1_000 }, () => ({})) }, 3)).toEqual([]);
  });

  it('names the first container past the limit, without overflowing on any depth', () => {
    // A recursive walk (JSON.stringify among them) overflows long before this.
    const [issue, ...rest] = jsonDepthIssues(nested(1_000_000), 3);
    expect(rest).toEqual([]);
    expect(issue?.message).toBe('must not nest deeper than 3 levels');
    expect(issue?.path).toHaveLength(3);
    expect(() => JSON.stringify(nested(1_000_000))).toThrow(RangeError);
  });

  it('reports each deep place in the order of the value, at most maxIssues', () => {
    const value = { a: [[[1]]], b: 1, c: { d: { e: {} } } };
    expect(jsonDepthIssues(value, 3).map((issue) => issue.path)).toEqual([
      ['a', 0, 0],
      ['c', 'd', 'e'],
    ]);
    expect(jsonDepthIssues(value, 3, 1)).toHaveLength(1);
  });

  it('names numbers JSON cannot write (1e309 parses as Infinity and would be stored as null)', () => {
    const value = JSON.parse('{"a": 1e309, "b": [1, -1e309], "c": {"d": 0.5}}') as unknown;
    expect(jsonDepthIssues(value, 8)).toEqual([
      { path: ['a'], message: 'must be a finite number' },
      { path: ['b', 1], message: 'must be a finite number' },
    ]);
    expect(jsonDepthIssues(Number.POSITIVE_INFINITY, 8)).toEqual([
      { path: [], message: 'must be a finite number' },
    ]);
  });
});
