import { describe, expect, it } from 'vitest';
import { findCycle, formatCycle } from '../../src/domain/pattern/dag.js';

const node = (id: string, ...dependsOn: string[]) => ({ id, dependsOn });

describe('findCycle', () => {
  it('finds none in a DAG, including diamonds', () => {
    expect(findCycle([node('a'), node('b', 'a'), node('c', 'a'), node('d', 'b', 'c')])).toBeNull();
    expect(findCycle([])).toBeNull();
  });

  it('returns the closing path of a cycle', () => {
    expect(findCycle([node('a', 'b'), node('b', 'a')])).toEqual(['a', 'b', 'a']);
    expect(findCycle([node('a', 'a')])).toEqual(['a', 'a']);
    expect(findCycle([node('x'), node('a', 'x', 'c'), node('b', 'a'), node('c', 'b')])).toEqual([
      'a',
      'c',
      'b',
      'a',
    ]);
  });

  it('ignores unknown dependencies and survives long chains', () => {
    expect(findCycle([node('a', 'ghost')])).toBeNull();
    const chain = Array.from({ length: 5000 }, (_, i) =>
      node(`s${i}`, ...(i > 0 ? [`s${i - 1}`] : [])),
    );
    expect(findCycle(chain)).toBeNull();
  });

  it('formats with arrows', () => {
    expect(formatCycle(['a', 'b', 'a'])).toBe('a → b → a');
  });
});
