/**
 * The behaviour every PatternStore must have. Run against each adapter by the
 * pattern-store.*.test.ts files beside this one.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Pattern } from '../../src/domain/pattern/pattern.js';
import {
  listPosition,
  type PatternListPosition,
  type PatternListQuery,
  type PatternStore,
} from '../../src/domain/pattern/pattern-store.js';
import { makePattern, nextVersion } from '../helpers/patterns.js';

export function describePatternStoreContract(
  adapter: string,
  makeStore: () => Promise<PatternStore>,
) {
  describe(`PatternStore contract: ${adapter}`, () => {
    let store: PatternStore;
    beforeEach(async () => {
      store = await makeStore();
    });

    const listAll = async (query: Partial<PatternListQuery> = {}) =>
      store.list({ filter: {}, after: null, limit: 100, ...query });

    it('stores a pattern and reads it back unchanged, empty JSON containers included', async () => {
      const pattern = makePattern({ description: 'Hello' });
      expect(await store.create(pattern)).toBe(true);
      expect(await store.get(pattern.id)).toEqual(pattern);
      expect(await store.getVersion(pattern.id, 1)).toEqual(pattern);
      expect(await store.listVersions(pattern.id)).toEqual([pattern]);
    });

    it('refuses to create over an existing id and keeps the original', async () => {
      const pattern = makePattern();
      await store.create(pattern);
      expect(await store.create({ ...pattern, name: 'Impostor' })).toBe(false);
      expect((await store.get(pattern.id))?.name).toBe(pattern.name);
      expect((await listAll()).totalCount).toBe(1);
    });

    it('returns null for unknown ids and versions', async () => {
      const pattern = makePattern();
      await store.create(pattern);
      expect(await store.get('nope')).toBeNull();
      expect(await store.getVersion(pattern.id, 2)).toBeNull();
      expect(await store.getVersion('nope', 1)).toBeNull();
      expect(await store.listVersions('nope')).toEqual([]);
    });

    it('reads many in the order asked, with null for the missing', async () => {
      const a = makePattern();
      const b = makePattern();
      await store.create(a);
      await store.create(b);
      expect(await store.getMany([b.id, 'missing', a.id])).toEqual([b, null, a]);
      expect(await store.getMany([])).toEqual([]);
    });

    it('hands out read-only patterns: changing one does not change the store', async () => {
      const pattern = makePattern();
      await store.create(pattern);
      const read = await store.get(pattern.id);
      if (!read) throw new Error('missing');
      try {
        read.name = 'mutated';
        read.steps[0]?.dependsOn.push('x');
      } catch {
        // A frozen pattern refuses the change: as good as a copy.
      }
      expect(await store.get(pattern.id)).toEqual(pattern);
    });

    it('hands out the new version as soon as it is written', async () => {
      const v1 = makePattern();
      await store.create(v1);
      expect(await store.get(v1.id)).toEqual(v1);
      const v2 = nextVersion(v1, { name: 'Changed' });
      expect(await store.update(v1, v2)).toBe('ok');
      expect(await store.get(v1.id)).toEqual(v2);
    });

    it('updates with compare-and-set and keeps every earlier version', async () => {
      const v1 = makePattern();
      await store.create(v1);
      const v2 = nextVersion(v1, { name: 'Second' });
      expect(await store.update(v1, v2)).toBe('ok');
      const v3 = nextVersion(v2, { name: 'Third' });
      expect(await store.update(v2, v3)).toBe('ok');

      expect(await store.get(v1.id)).toEqual(v3);
      expect(await store.getVersion(v1.id, 1)).toEqual(v1);
      expect(await store.getVersion(v1.id, 2)).toEqual(v2);
      expect((await store.listVersions(v1.id)).map((p) => p.version)).toEqual([1, 2, 3]);
    });

    it('rejects an update based on a version that is no longer current', async () => {
      const v1 = makePattern();
      await store.create(v1);
      await store.update(v1, nextVersion(v1, { name: 'Winner' }));
      expect(await store.update(v1, nextVersion(v1, { name: 'Loser' }))).toBe('stale');
      expect((await store.get(v1.id))?.name).toBe('Winner');
      expect(await store.listVersions(v1.id)).toHaveLength(2);
    });

    it('reports missing when updating or deleting an unknown pattern', async () => {
      const ghost = makePattern();
      expect(await store.update(ghost, nextVersion(ghost))).toBe('missing');
      expect(await store.delete(ghost)).toBe('missing');
    });

    it('deletes a pattern with all its versions and listing entries', async () => {
      const v1 = makePattern({ category: 'FINANCE' });
      await store.create(v1);
      const v2 = nextVersion(v1);
      await store.update(v1, v2);
      const other = makePattern({ category: 'FINANCE' });
      await store.create(other);

      expect(await store.delete(v1)).toBe('stale');
      expect(await store.get(v1.id)).not.toBeNull();
      expect(await store.delete(v2)).toBe('ok');

      expect(await store.get(v1.id)).toBeNull();
      expect(await store.getVersion(v1.id, 1)).toBeNull();
      expect(await store.listVersions(v1.id)).toEqual([]);
      const finance = await listAll({ filter: { category: 'FINANCE' } });
      expect(finance.items.map((p) => p.id)).toEqual([other.id]);
      expect(finance.totalCount).toBe(1);
      // The id is free again, starting from version 1.
      expect(await store.create(v1)).toBe(true);
      expect(await store.listVersions(v1.id)).toEqual([v1]);
    });

    it('reports zero statistics for patterns without executions', async () => {
      const pattern = makePattern();
      await store.create(pattern);
      expect(await store.getStats([pattern.id, 'unknown'])).toEqual([
        { usageCount: 0, successCount: 0, totalDurationMs: 0 },
        { usageCount: 0, successCount: 0, totalDurationMs: 0 },
      ]);
    });

    it('lists newest updatedAt first, ties broken by id descending', async () => {
      const sameTime = '2026-02-01T00:00:00.000Z';
      const older = makePattern({ id: 'older', updatedAt: '2026-01-01T00:00:00.000Z' });
      const tieA = makePattern({ id: 'tie_a', updatedAt: sameTime });
      const tieB = makePattern({ id: 'tie_b', updatedAt: sameTime });
      const newest = makePattern({ id: 'newest', updatedAt: '2026-03-01T00:00:00.000Z' });
      for (const p of [older, tieA, newest, tieB]) await store.create(p);
      const all = await listAll();
      expect(all.items.map((p) => p.id)).toEqual(['newest', 'tie_b', 'tie_a', 'older']);
      expect(all).toMatchObject({ totalCount: 4, countBefore: 0, hasMore: false });
    });

    it('pages with keyset cursors through every pattern exactly once', async () => {
      const sameTime = '2026-02-01T00:00:00.000Z';
      const created: Pattern[] = [];
      for (let i = 0; i < 11; i++) {
        // Several share a timestamp so that pages split inside a tie.
        const id = `page_${String(i).padStart(2, '0')}`;
        const p = makePattern(i % 3 === 0 ? { id, updatedAt: sameTime } : { id });
        created.push(p);
        await store.create(p);
      }
      const seen: string[] = [];
      let after: PatternListPosition | null = null;
      let pages = 0;
      for (;;) {
        const page = await store.list({ filter: {}, after, limit: 4 });
        expect(page.totalCount).toBe(11);
        expect(page.countBefore).toBe(seen.length);
        seen.push(...page.items.map((p) => p.id));
        pages += 1;
        const last = page.items[page.items.length - 1];
        if (!page.hasMore || !last) break;
        after = listPosition(last);
      }
      expect(pages).toBe(3);
      expect(seen).toEqual((await listAll()).items.map((p) => p.id));
      expect(new Set(seen).size).toBe(11);
    });

    it('keeps cursors stable when patterns are updated between pages', async () => {
      const patterns: Pattern[] = [];
      for (let i = 0; i < 6; i++) {
        const p = makePattern({ id: `stable_${i}` });
        patterns.push(p);
        await store.create(p);
      }
      const first = await store.list({ filter: {}, after: null, limit: 3 });
      const last = first.items[2];
      if (!last) throw new Error('short page');
      // A pattern on the next page moves to the top, and one already seen is updated too.
      const moved = patterns[0];
      const seenAgain = first.items[0];
      if (!moved || !seenAgain) throw new Error('missing');
      await store.update(moved, nextVersion(moved, { updatedAt: '2027-01-01T00:00:00.000Z' }));
      await store.update(
        seenAgain,
        nextVersion(seenAgain, { updatedAt: '2027-01-02T00:00:00.000Z' }),
      );

      const second = await store.list({ filter: {}, after: listPosition(last), limit: 10 });
      const firstIds = first.items.map((p) => p.id);
      const secondIds = second.items.map((p) => p.id);
      expect(secondIds.filter((id) => firstIds.includes(id))).toEqual([]);
      const untouched = patterns
        .map((p) => p.id)
        .filter((id) => id !== moved.id && !firstIds.includes(id));
      expect(secondIds.sort()).toEqual(untouched.sort());
    });

    it('filters by origin, category, activity, creator and search, alone and together', async () => {
      const system = makePattern({
        id: 'sys',
        origin: 'SYSTEM',
        category: 'FINANCE',
        createdBy: 'admin',
      });
      const inactive = makePattern({
        id: 'off',
        isActive: false,
        description: 'Sends a WELCOME mail',
      });
      const bob = makePattern({
        id: 'bob',
        createdBy: 'bob',
        name: 'Welcome flow',
        category: 'FINANCE',
      });
      const plain = makePattern({ id: 'plain' });
      for (const p of [system, inactive, bob, plain]) await store.create(p);

      const ids = async (filter: PatternListQuery['filter']) =>
        (await listAll({ filter })).items.map((p) => p.id).sort();
      expect(await ids({ origin: 'SYSTEM' })).toEqual(['sys']);
      expect(await ids({ origin: 'USER' })).toEqual(['bob', 'off', 'plain']);
      expect(await ids({ category: 'FINANCE' })).toEqual(['bob', 'sys']);
      expect(await ids({ isActive: false })).toEqual(['off']);
      expect(await ids({ isActive: true })).toEqual(['bob', 'plain', 'sys']);
      expect(await ids({ createdBy: 'bob' })).toEqual(['bob']);
      expect(await ids({ createdBy: 'nobody' })).toEqual([]);
      expect(await ids({ search: 'welcome' })).toEqual(['bob', 'off']);
      expect(await ids({ search: 'WeLcOmE' })).toEqual(['bob', 'off']);
      expect(await ids({ search: 'welcome', isActive: true })).toEqual(['bob']);
      expect(await ids({ category: 'FINANCE', origin: 'USER', createdBy: 'bob' })).toEqual(['bob']);
      const searched = await listAll({ filter: { search: 'welcome' }, limit: 1 });
      expect(searched).toMatchObject({ totalCount: 2, hasMore: true });
    });

    it('moves index entries when an update changes filtered fields', async () => {
      const v1 = makePattern({ category: 'FINANCE', isActive: true, name: 'Alpha' });
      await store.create(v1);
      await store.update(v1, nextVersion(v1, { category: 'ASSET', isActive: false, name: 'Beta' }));
      const ids = async (filter: PatternListQuery['filter']) =>
        (await listAll({ filter })).items.map((p) => p.id);
      expect(await ids({ category: 'FINANCE' })).toEqual([]);
      expect(await ids({ category: 'ASSET' })).toEqual([v1.id]);
      expect(await ids({ isActive: true })).toEqual([]);
      expect(await ids({ isActive: false })).toEqual([v1.id]);
      expect(await ids({ search: 'alpha' })).toEqual([]);
      expect(await ids({ search: 'beta' })).toEqual([v1.id]);
    });
  });
}
