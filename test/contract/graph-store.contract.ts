/** The behaviour every GraphStore must have; run against each adapter by graph-store.*.test.ts. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../src/domain/graph/graph-store.js';
import { makeRelationship } from '../helpers/relationships.js';

export function describeGraphStoreContract(adapter: string, makeStore: () => Promise<GraphStore>) {
  describe(`GraphStore contract: ${adapter}`, () => {
    let store: GraphStore;
    beforeEach(async () => {
      store = await makeStore();
    });

    const ids = (edges: Array<{ neighbor: string; type: string; direction: string }>) =>
      edges.map((edge) => `${edge.direction}:${edge.type}:${edge.neighbor}`).sort();

    it('stores a relationship once and reads it back unchanged', async () => {
      const relationship = makeRelationship('user:1', 'wallet:1', 'OWNER');
      expect(await store.create(relationship, null)).toBe('ok');
      expect(await store.getMany([relationship.id, 'missing'])).toEqual([relationship, null]);
    });

    it('indexes a relationship at both ends', async () => {
      await store.create(makeRelationship('a', 'b', 'PARENT'), null);
      await store.create(makeRelationship('a', 'c', 'MEMBER'), null);
      await store.create(makeRelationship('d', 'a', 'LINKED'), null);
      const [outOfA, bothOfA, inOfB, none] = [
        ...(await store.adjacency(['a'], 'OUT')),
        ...(await store.adjacency(['a'], 'BOTH')),
        ...(await store.adjacency(['b'], 'IN')),
        ...(await store.adjacency(['nobody'], 'BOTH')),
      ];
      expect(ids(outOfA ?? [])).toEqual(['OUT:MEMBER:c', 'OUT:PARENT:b']);
      expect(ids(bothOfA ?? [])).toEqual(['IN:LINKED:d', 'OUT:MEMBER:c', 'OUT:PARENT:b']);
      expect(ids(inOfB ?? [])).toEqual(['IN:PARENT:a']);
      expect(none).toEqual([]);
      expect(await store.degrees(['a', 'b', 'nobody'], 'BOTH')).toEqual([3, 1, 0]);
      expect(await store.degrees(['a'], 'OUT')).toEqual([2]);
      expect(await store.degrees(['a'], 'IN')).toEqual([1]);
    });

    it('reads the adjacency of many entities in the order asked', async () => {
      await store.create(makeRelationship('a', 'b'), null);
      await store.create(makeRelationship('c', 'd'), null);
      const result = await store.adjacency(['c', 'x', 'a'], 'OUT');
      expect(result.map((edges) => edges.map((edge) => edge.neighbor))).toEqual([['d'], [], ['b']]);
      expect(await store.adjacency([], 'OUT')).toEqual([]);
    });

    it('keeps neighbours whose ids contain colons intact', async () => {
      await store.create(makeRelationship('org:1:team:2', 'user:a:b@c.d', 'MEMBER'), null);
      const [edges] = await store.adjacency(['org:1:team:2'], 'OUT');
      expect(edges?.[0]).toMatchObject({
        type: 'MEMBER',
        neighbor: 'user:a:b@c.d',
        direction: 'OUT',
      });
    });

    it('refuses a duplicate (from, type, to) and allows another type between the same ends', async () => {
      await store.create(makeRelationship('a', 'b', 'LINKED'), null);
      expect(await store.create(makeRelationship('a', 'b', 'LINKED'), null)).toBe('duplicate');
      expect(await store.create(makeRelationship('a', 'b', 'MEMBER'), null)).toBe('ok');
      expect(await store.create(makeRelationship('b', 'a', 'LINKED'), null)).toBe('ok');
      expect((await store.stats()).relationshipCount).toBe(3);
    });

    it('refuses an id in use', async () => {
      const first = makeRelationship('a', 'b');
      await store.create(first, null);
      expect(await store.create({ ...makeRelationship('c', 'd'), id: first.id }, null)).toBe(
        'id_taken',
      );
      expect((await store.adjacency(['c'], 'OUT'))[0]).toEqual([]);
    });

    const versionsOf = async (relation: 'hierarchy' | 'ownership', entities: string[]) =>
      (await store.versionedAdjacency(relation, entities, 'BOTH')).map((read) => read.version);

    it("moves the version of an acyclic arc's upper end, only in its relation, on every add", async () => {
      expect(await versionsOf('hierarchy', ['a', 'b'])).toEqual([0, 0]);
      await store.create(makeRelationship('a', 'b', 'PARENT'), null);
      const [a1, b1] = await versionsOf('hierarchy', ['a', 'b']);
      expect(a1).not.toBe(0);
      expect(b1).toBe(0);
      // A CHILD edge c → a puts a above c: a moves again, c does not.
      await store.create(makeRelationship('c', 'a', 'CHILD'), null);
      const [a2, c2] = await versionsOf('hierarchy', ['a', 'c']);
      expect(a2).not.toBe(a1);
      expect(c2).toBe(0);
      // Other types and the other relation leave the hierarchy's versions alone.
      await store.create(makeRelationship('a', 'x', 'MEMBER'), null);
      await store.create(makeRelationship('a', 'y', 'OWNER'), null);
      expect(await versionsOf('hierarchy', ['a'])).toEqual([a2]);
      expect((await versionsOf('ownership', ['a']))[0]).not.toBe(0);
      // Edges come with the versions, in the order asked.
      const [read] = await store.versionedAdjacency('hierarchy', ['b'], 'IN');
      expect(ids(read?.edges ?? [])).toEqual(['IN:PARENT:a']);
      expect(await store.versionedAdjacency('hierarchy', [], 'BOTH')).toEqual([]);
    });

    it('writes a guarded arc only while every entity the guard saw keeps its version', async () => {
      await store.create(makeRelationship('b', 'c', 'PARENT'), null);
      const [b, c] = await versionsOf('hierarchy', ['b', 'c']);
      const seen = [
        { entity: 'b', version: b ?? 0 },
        { entity: 'c', version: c ?? 0 },
      ];
      // Something added below c (c → d) makes a check that saw c stale.
      await store.create(makeRelationship('c', 'd', 'PARENT'), null);
      const stale = makeRelationship('a', 'b', 'PARENT');
      expect(await store.create(stale, { seen })).toBe('stale');
      expect(await store.getMany([stale.id])).toEqual([null]);
      expect(await store.degrees(['a'], 'BOTH')).toEqual([0]);
      expect((await store.stats()).relationshipCount).toBe(2);
      // Unrelated writes elsewhere do not: a check that saw b and c again, then x → y.
      const [b2, c2] = await versionsOf('hierarchy', ['b', 'c']);
      await store.create(makeRelationship('x', 'y', 'PARENT'), null);
      await store.create(makeRelationship('b', 'z', 'MEMBER'), null);
      const fresh = [
        { entity: 'b', version: b2 ?? 0 },
        { entity: 'c', version: c2 ?? 0 },
      ];
      expect(await store.create(makeRelationship('a', 'b', 'PARENT'), { seen: fresh })).toBe('ok');
    });

    it('forgets the versions of an entity left without relationships, and never repeats one', async () => {
      const first = makeRelationship('a', 'b', 'PARENT');
      await store.create(first, null);
      const [before] = await versionsOf('hierarchy', ['a']);
      await store.delete(first);
      expect(await versionsOf('hierarchy', ['a'])).toEqual([0]);
      await store.create(makeRelationship('a', 'b', 'PARENT'), null);
      const [after] = await versionsOf('hierarchy', ['a']);
      expect(after).not.toBe(0);
      expect(after).not.toBe(before);
      // A check that saw the old version of a is stale, though a has one arc again.
      expect(
        await store.create(makeRelationship('q', 'a', 'PARENT'), {
          seen: [{ entity: 'a', version: before ?? 0 }],
        }),
      ).toBe('stale');
    });

    it('deletes every trace of a relationship, once', async () => {
      const keep = makeRelationship('a', 'c', 'MEMBER');
      const gone = makeRelationship('a', 'b', 'PARENT');
      await store.create(keep, null);
      await store.create(gone, null);
      expect(await store.delete(gone)).toBe(true);
      expect(await store.delete(gone)).toBe(false);
      expect(await store.getMany([gone.id])).toEqual([null]);
      expect(ids((await store.adjacency(['a'], 'BOTH'))[0] ?? [])).toEqual(['OUT:MEMBER:c']);
      expect(await store.adjacency(['b'], 'BOTH')).toEqual([[]]);
      expect(await store.stats()).toEqual({
        entityCount: 2,
        relationshipCount: 1,
        byType: [
          { type: 'OWNER', count: 0 },
          { type: 'MEMBER', count: 1 },
          { type: 'LINKED', count: 0 },
          { type: 'PARENT', count: 0 },
          { type: 'CHILD', count: 0 },
        ],
      });
      // The same edge can be created again.
      expect(await store.create(makeRelationship('a', 'b', 'PARENT'), null)).toBe('ok');
    });

    it('counts entities with relationships and relationships per type', async () => {
      await store.create(makeRelationship('a', 'b', 'OWNER'), null);
      await store.create(makeRelationship('b', 'c', 'OWNER'), null);
      await store.create(makeRelationship('c', 'a', 'CHILD'), null);
      const stats = await store.stats();
      expect(stats.entityCount).toBe(3);
      expect(stats.relationshipCount).toBe(3);
      expect(stats.byType.find((entry) => entry.type === 'OWNER')?.count).toBe(2);
      expect(stats.byType.find((entry) => entry.type === 'CHILD')?.count).toBe(1);
    });

    it('scans every entity with relationships exactly once, page by page', async () => {
      for (let i = 0; i < 25; i++) await store.create(makeRelationship(`e${i}`, `e${i + 1}`), null);
      const seen: string[] = [];
      let cursor = '0';
      let pages = 0;
      do {
        const page = await store.scanEntities(cursor, 7);
        seen.push(...page.entityIds);
        cursor = page.cursor;
        pages += 1;
      } while (cursor !== '0' && pages < 100);
      expect(new Set(seen).size).toBe(26);
      expect(seen.length).toBe(26);
    });
  });
}
