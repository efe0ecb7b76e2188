/** The APQ store: least recently used out first, bounded by entries and by bytes. */
import { describe, expect, it } from 'vitest';
import { ApqStore } from '../../src/server/plugins/apq-store.js';
import { sha256Hex } from '../../src/server/plugins/use-persisted-operations.js';

const entry = (n: number, size = 20) => {
  const query = `{ q${n} }`.padEnd(size, ' ');
  return { hash: sha256Hex(query), query };
};

const USER = 'alice';

describe('ApqStore', () => {
  it('returns what was set', () => {
    const store = new ApqStore({ maxEntries: 10, maxBytes: 10_000 });
    const { hash, query } = entry(1);
    expect(store.get(hash)).toBeUndefined();
    expect(store.set(hash, query, USER)).toBe(true);
    expect(store.get(hash)).toBe(query);
  });

  it('evicts the least recently used past the entry bound', () => {
    const store = new ApqStore({ maxEntries: 3, maxBytes: 10_000 });
    const entries = [1, 2, 3, 4].map((n) => entry(n));
    for (const { hash, query } of entries.slice(0, 3)) store.set(hash, query, USER);
    // Reading the first makes the second the least recently used.
    store.get(entries[0]?.hash ?? '');
    store.set(entries[3]?.hash ?? '', entries[3]?.query ?? '', USER);
    expect(store.size).toBe(3);
    expect(entries.map(({ hash }) => store.get(hash) !== undefined)).toEqual([
      true,
      false,
      true,
      true,
    ]);
  });

  it('evicts past the byte bound and never holds more bytes than allowed', () => {
    const one = entry(1, 100);
    const perEntry = Buffer.byteLength(one.query) + one.hash.length;
    const store = new ApqStore({ maxEntries: 1_000, maxBytes: perEntry * 5 });
    for (let n = 0; n < 50; n++) {
      const { hash, query } = entry(n, 100);
      store.set(hash, query, USER);
      expect(store.byteSize).toBeLessThanOrEqual(perEntry * 5);
    }
    expect(store.size).toBe(5);
    // The five newest are the ones kept.
    for (let n = 45; n < 50; n++) expect(store.get(entry(n, 100).hash)).toBeDefined();
  });

  it('counts multi-byte text by its UTF-8 bytes', () => {
    const query = `{ q(s: "${'é'.repeat(40)}") }`;
    const store = new ApqStore({ maxEntries: 10, maxBytes: 10_000 });
    store.set(sha256Hex(query), query, USER);
    expect(store.byteSize).toBe(Buffer.byteLength(query, 'utf8') + 64);
  });

  it('refuses a query larger than the whole store, keeping what it holds', () => {
    const store = new ApqStore({ maxEntries: 10, maxBytes: 200 });
    const small = entry(1);
    store.set(small.hash, small.query, USER);
    const big = entry(2, 500);
    expect(store.set(big.hash, big.query, USER)).toBe(false);
    expect(store.get(big.hash)).toBeUndefined();
    expect(store.get(small.hash)).toBe(small.query);
  });

  it('charges a query set twice once', () => {
    const store = new ApqStore({ maxEntries: 10, maxBytes: 10_000 });
    const { hash, query } = entry(1);
    store.set(hash, query, USER);
    const bytes = store.byteSize;
    store.set(hash, query, USER);
    expect(store.size).toBe(1);
    expect(store.byteSize).toBe(bytes);
  });

  it('a million registrations leave it at its bounds', () => {
    const store = new ApqStore({ maxEntries: 1_000, maxBytes: 64 * 1024 });
    for (let n = 0; n < 1_000_000; n++) store.set(`h${n}`.padEnd(64, '0'), `{ q${n} }`, USER);
    expect(store.size).toBeLessThanOrEqual(1_000);
    expect(store.byteSize).toBeLessThanOrEqual(64 * 1024);
  });

  it("one user's registrations without end evict their own, not everybody else's", () => {
    const store = new ApqStore({ maxEntries: 100, maxBytes: 1024 * 1024 });
    const honest = [1, 2, 3, 4, 5].map((n) => entry(n));
    for (const { hash, query } of honest) store.set(hash, query, 'bob');
    for (let n = 100; n < 10_100; n++) {
      const { hash, query } = entry(n);
      store.set(hash, query, 'mallory');
    }
    expect(store.size).toBe(100);
    expect(honest.every(({ hash }) => store.get(hash) !== undefined)).toBe(true);
    // The newest of mallory's are the ones kept.
    expect(store.get(entry(10_099).hash)).toBeDefined();
    expect(store.get(entry(100).hash)).toBeUndefined();
  });

  it('past the byte bound the user holding the most bytes gives way', () => {
    const small = entry(1);
    const store = new ApqStore({ maxEntries: 1_000, maxBytes: 2_000 });
    store.set(small.hash, small.query, 'bob');
    for (let n = 10; n < 60; n++) {
      const { hash, query } = entry(n, 300);
      store.set(hash, query, 'mallory');
      expect(store.byteSize).toBeLessThanOrEqual(2_000);
    }
    expect(store.get(small.hash)).toBe(small.query);
  });

  it('with the store full, a newcomer takes places from the largest holder', () => {
    const store = new ApqStore({ maxEntries: 4, maxBytes: 1024 * 1024 });
    for (const n of [1, 2, 3]) store.set(entry(n).hash, entry(n).query, 'alice');
    store.set(entry(4).hash, entry(4).query, 'bob');
    store.set(entry(5).hash, entry(5).query, 'carol');
    // alice held the most: her least recently used went.
    expect([1, 2, 3, 4, 5].map((n) => store.get(entry(n).hash) !== undefined)).toEqual([
      false,
      true,
      true,
      true,
      true,
    ]);
  });

  it('a hash registered again by another user stays with its first owner', () => {
    const store = new ApqStore({ maxEntries: 2, maxBytes: 1024 * 1024 });
    const shared = entry(1);
    store.set(shared.hash, shared.query, 'bob');
    store.set(shared.hash, shared.query, 'mallory');
    for (let n = 2; n < 50; n++) store.set(entry(n).hash, entry(n).query, 'mallory');
    expect(store.get(shared.hash)).toBe(shared.query);
    expect(store.size).toBe(2);
  });
});
