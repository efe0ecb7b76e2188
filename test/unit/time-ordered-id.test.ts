import { describe, expect, it } from 'vitest';
import { timeOrderedId } from '../../src/domain/shared/ids.js';

describe('timeOrderedId', () => {
  it('gives distinct ids, letter, time then 48 random bits, across many draws of its random pool', () => {
    const now = new Date(Date.UTC(2026, 0, 1));
    const ids = Array.from({ length: 5_000 }, () => timeOrderedId('x', now));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^x[0-9a-z]{9}[0-9a-f]{12}$/);
    expect(new Set(ids.map((id) => id.slice(0, 10)))).toEqual(new Set([ids[0]?.slice(0, 10)]));
  });

  it('sorts by creation time', () => {
    const earlier = timeOrderedId('e', new Date(1_000));
    const later = timeOrderedId('e', new Date(2_000));
    expect(earlier < later).toBe(true);
  });
});
