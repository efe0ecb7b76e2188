import { describe, expect, it } from 'vitest';
import { keySpaceSegment } from '../../src/domain/execution/key-value-store.js';

describe('keySpaceSegment', () => {
  it('keeps the system space and every user space apart, whatever the ids hold', () => {
    const owners = [null, 'alice', 'alice:x', 'alice%3Ax', 'sys', 'user', 'a:b:c', '', '%', ':'];
    const keys = ['diary', 'x:diary', 'b:c:diary', 'user:alice:diary', '%3Adiary'];
    const seen = new Map<string, string>();
    for (const owner of owners) {
      for (const key of keys) {
        const full = keySpaceSegment(owner) + key;
        const who = `${String(owner)} + ${key}`;
        expect(seen.get(full), `${who} collides`).toBeUndefined();
        seen.set(full, who);
      }
    }
    // No user's segment is nested inside the system one, nor one user's inside another's.
    const segments = owners.map(keySpaceSegment);
    for (const a of segments) {
      for (const b of segments) if (a !== b) expect(b.startsWith(a)).toBe(false);
    }
  });
});
