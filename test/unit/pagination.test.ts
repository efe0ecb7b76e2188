import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/domain/shared/errors.js';
import { decodeCursor, encodeCursor, pageSize } from '../../src/domain/shared/pagination.js';

describe('cursors', () => {
  it('round-trip their parts and are URL-safe', () => {
    const cursor = encodeCursor([1_795_000_000_000, 'id/with+chars']);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual([1_795_000_000_000, 'id/with+chars']);
  });

  it('reject garbage as BAD_USER_INPUT on the argument', () => {
    for (const bad of [
      '',
      '!!!',
      encodeCursor([]).slice(1),
      Buffer.from('{"a":1}').toString('base64url'),
    ]) {
      expect(() => decodeCursor(bad, 'after')).toThrow(ValidationError);
    }
  });
});

describe('pageSize', () => {
  it('defaults to 20 and accepts 0..100', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(null)).toBe(20);
    expect(pageSize(0)).toBe(0);
    expect(pageSize(100)).toBe(100);
    expect(() => pageSize(101)).toThrow(ValidationError);
    expect(() => pageSize(-1)).toThrow(ValidationError);
  });
});
