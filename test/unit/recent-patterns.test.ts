import { describe, expect, it } from 'vitest';
import { RecentPatterns } from '../../src/domain/execution/recent-patterns.js';
import { makePattern } from '../helpers/patterns.js';

describe('RecentPatterns', () => {
  it('keeps at most its count and its size, dropping the oldest first', () => {
    const big = (id: string) => makePattern({ id, metadata: { blob: 'x'.repeat(10_000) } });
    const recent = new RecentPatterns(100, 35_000);
    for (const id of ['a', 'b', 'c', 'd']) recent.remember(big(id));
    expect(recent.get('a')).toBeUndefined();
    expect(['b', 'c', 'd'].map((id) => recent.get(id)?.id)).toEqual(['b', 'c', 'd']);
    expect(recent.size).toBeLessThanOrEqual(35_000);
    // Remembering a newer copy replaces the old one, without counting it twice.
    recent.remember(big('d'));
    expect(recent.size).toBeLessThanOrEqual(35_000);
    const counted = new RecentPatterns(2, 1_000_000);
    for (const id of ['a', 'b', 'c']) counted.remember(makePattern({ id }));
    expect(counted.get('a')).toBeUndefined();
    expect(counted.get('c')?.id).toBe('c');
    // One larger than the whole bound is not kept at all.
    recent.remember(makePattern({ id: 'huge', metadata: { blob: 'y'.repeat(40_000) } }));
    expect(recent.get('huge')).toBeUndefined();
  });
});
