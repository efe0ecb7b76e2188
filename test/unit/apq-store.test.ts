/** The APQ store: least recently used out first, bounded by entries and by bytes. */
import { describe, expect, it } from 'vitest';
import { ApqStore } from '../../src/server/plugins/apq-store.js';
import { sha256Hex } from '../../src/server/plugins/use-persisted-operations.js';

const entry = (n: number, size = 20) => {
  const query = `{ q${n} }`.padEnd(size, ' ');
  return { hash: sha256Hex(query), query };
};

describe('ApqStore', () => {
  it('returns what was set', () => {
    const store = new ApqStore({ maxEntries: 10, maxBytes: 10_000 });
    const { hash, query } = entry(1);
    expect(store.get(hash)).toBeUndefined();
    expect(store.set(hash, query)).toBe(true);
    expect(store.get(hash)).toBe(query);
  });

  it('evicts the least recently used past the entry bound', () => {
    const store = new ApqStore({ maxEntries: 3, maxBytes: 10_000 });
    const entries = [1, 2, 3, 4].map((n) => entry(n));
    for (const { hash, query } of entries.slice(0, 3)) store.set(hash, query);
    // Reading the first makes the second the least recently used.
    store.get(entries[0]?.hash ?? '');
    store.set(entries[3]?.hash ?? '', entries[3]?.query ?? '');
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
      store.set(hash, query);
      expect(store.byteSize).toBeLessThanOrEqual(perEntry * 5);
    }
    expect(store.size).toBe(5);
    // The five newest are the ones kept.
    for (let n = 45; n < 50; n++) expect(store.get(entry(n, 100).hash)).toBeDefined();
  });

  it('counts multi-byte text by its UTF-8 bytes', () => {
    const query = `{ q(s: "${'é'.repeat(40)}") }`;
    const store = new ApqStore({ maxEntries: 10, maxBytes: 10_000 });
    store.set(sha256Hex(query), query);
    expect(store.byteSize).toBe(Buffer.byteLength(query, 'utf8') + 64);
  });

  it('refuses a query larger than the whole store, keeping what it holds', () => {
    const store = new ApqStore({ maxEntries: 10, maxBytes: 200 });
    const small = entry(1);
    store.set(small.hash, small.query);
    const big = entry(2, 500);
    expect(store.set(big.hash, big.query)).toBe(false);
    expect(store.get(big.hash)).toBeUndefined();
    expect(store.get(small.hash)).toBe(small.query);
  });

  it('charges a query set twice once', () => {
    const store = new ApqStore({ maxEntries: 10, maxBytes: 10_000 });
    const { hash, query } = entry(1);
    store.set(hash, query);
    const bytes = store.byteSize;
    store.set(hash, query);
    expect(store.size).toBe(1);
    expect(store.byteSize).toBe(bytes);
  });

  it('a million registrations leave it at its bounds', () => {
    const store = new ApqStore({ maxEntries: 1_000, maxBytes: 64 * 1024 });
    for (let n = 0; n < 1_000_000; n++) store.set(`h${n}`.padEnd(64, '0'), `{ q${n} }`);
    expect(store.size).toBeLessThanOrEqual(1_000);
    expect(store.byteSize).toBeLessThanOrEqual(64 * 1024);
  });
});
