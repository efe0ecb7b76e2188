/** A relationship's origin (the run and step that made it), as every GraphStore keeps it. */
import { describe, expect, it } from 'vitest';
import type { GraphStore } from '../../src/domain/graph/graph-store.js';
import { makeRelationship } from '../helpers/relationships.js';

export function describeGraphOriginContract(adapter: string, makeStore: () => Promise<GraphStore>) {
  describe(`GraphStore contract, origin: ${adapter}`, () => {
    it('hands a create by the same origin what that origin made, and writes nothing', async () => {
      const store = await makeStore();
      const first = makeRelationship('a', 'b', 'LINKED', { origin: 'x1/link' });
      expect(await store.create(first, null)).toBe('ok');
      // The same step attempted again: a new id, the same ends and origin.
      const again = makeRelationship('a', 'b', 'LINKED', { origin: 'x1/link' });
      expect(await store.create(again, null)).toEqual({ made: first });
      expect(await store.getMany([again.id])).toEqual([null]);
      expect((await store.stats()).relationshipCount).toBe(1);
      expect(await store.degrees(['a'], 'OUT')).toEqual([1]);
    });

    it('still refuses a duplicate from another origin, or from none', async () => {
      const store = await makeStore();
      expect(
        await store.create(makeRelationship('a', 'b', 'MEMBER', { origin: 'x1/s' }), null),
      ).toBe('ok');
      expect(
        await store.create(makeRelationship('a', 'b', 'MEMBER', { origin: 'x2/s' }), null),
      ).toBe('duplicate');
      expect(
        await store.create(makeRelationship('a', 'b', 'MEMBER', { origin: 'x1/t' }), null),
      ).toBe('duplicate');
      expect(await store.create(makeRelationship('a', 'b', 'MEMBER'), null)).toBe('duplicate');
      // A relationship made without an origin is nobody's to recognise.
      expect(await store.create(makeRelationship('c', 'd', 'MEMBER'), null)).toBe('ok');
      expect(await store.create(makeRelationship('c', 'd', 'MEMBER'), null)).toBe('duplicate');
    });

    it('recognises an acyclic type made by the same origin, whatever its guard saw', async () => {
      const store = await makeStore();
      const first = makeRelationship('org', 'team', 'PARENT', { origin: 'x1/p' });
      expect(await store.create(first, { seen: [] })).toBe('ok');
      // A guard from before the first write: stale, but the edge is already this step's.
      const again = makeRelationship('org', 'team', 'PARENT', { origin: 'x1/p' });
      expect(await store.create(again, { seen: [{ entity: 'team', version: 99 }] })).toEqual({
        made: first,
      });
    });

    it('remembers who deleted a relationship, and what it was, when deleted with an origin', async () => {
      const store = await makeStore();
      const byStep = makeRelationship('a', 'b', 'LINKED');
      const byHand = makeRelationship('c', 'd', 'LINKED');
      await store.create(byStep, null);
      await store.create(byHand, null);
      expect(await store.delete(byStep, 'x1/unlink')).toBe(true);
      expect(await store.delete(byHand)).toBe(true);
      expect(await store.deletion(byStep.id)).toEqual({
        origin: 'x1/unlink',
        relationship: byStep,
      });
      expect(await store.deletion(byHand.id)).toBeNull();
      expect(await store.deletion('missing')).toBeNull();
      // Deleting what is gone changes nothing, and leaves the first deletion as it was.
      expect(await store.delete(byStep, 'x2/unlink')).toBe(false);
      expect((await store.deletion(byStep.id))?.origin).toBe('x1/unlink');
      expect((await store.stats()).relationshipCount).toBe(0);
    });
  });
}
