/**
 * Concurrent creates of acyclic relationships through GraphService on the in-memory store:
 * the checks interleave at every await, as they do over Redis (where test/e2e/graph.test.ts
 * runs the same races), so the store's atomic re-check is what keeps the relation acyclic.
 */
import { describe, expect, it } from 'vitest';
import { GraphService } from '../../src/domain/graph/graph-service.js';
import type { RelationshipType } from '../../src/domain/graph/relationship.js';
import { systemClock } from '../../src/domain/shared/clock.js';
import { DEV_ADMIN } from '../../src/domain/shared/viewer.js';
import { MemoryGraphStore } from '../../src/infra/memory/memory-graph-store.js';

type Edge = [from: string, to: string, type: RelationshipType];

function settle(service: GraphService, edges: Edge[]) {
  return Promise.allSettled(
    edges.map(([from, to, type]) => service.create(DEV_ADMIN, { from, to, type, metadata: null })),
  );
}

const codeOf = (result: PromiseSettledResult<unknown>) =>
  result.status === 'rejected' ? (result.reason as { code?: string }).code : 'ok';

describe('concurrent acyclic creates on the memory store', () => {
  it('lets 50 unrelated hierarchy edges all succeed', async () => {
    const service = new GraphService(new MemoryGraphStore(), systemClock);
    const edges = Array.from({ length: 50 }, (_, i): Edge => [`p${i}`, `c${i}`, 'PARENT']);
    expect((await settle(service, edges)).map(codeOf)).toEqual(edges.map(() => 'ok'));
  });

  it.each([
    [
      'a 2-cycle',
      [
        ['a', 'b', 'PARENT'],
        ['b', 'a', 'PARENT'],
      ] as Edge[],
    ],
    [
      'PARENT against CHILD',
      [
        ['a', 'b', 'PARENT'],
        ['a', 'b', 'CHILD'],
      ] as Edge[],
    ],
    [
      'a 3-cycle',
      [
        ['a', 'b', 'PARENT'],
        ['b', 'c', 'PARENT'],
        ['a', 'c', 'CHILD'],
      ] as Edge[],
    ],
    [
      'an OWNER 3-cycle',
      [
        ['a', 'b', 'OWNER'],
        ['b', 'c', 'OWNER'],
        ['c', 'a', 'OWNER'],
      ] as Edge[],
    ],
  ])('lets all but one edge of %s win, the last refused as a cycle', async (_name, edges) => {
    const service = new GraphService(new MemoryGraphStore(), systemClock);
    const codes = (await settle(service, edges)).map(codeOf);
    expect(codes.filter((code) => code === 'ok')).toHaveLength(edges.length - 1);
    expect(codes.filter((code) => code !== 'ok')).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses with LIMIT_EXCEEDED a check that would visit more entities than allowed', async () => {
    const service = new GraphService(new MemoryGraphStore(), systemClock, {
      limits: {
        maxAcyclicCheckEntities: 3,
      },
    });
    for (const [from, to] of [
      ['a', 'b'],
      ['b', 'c'],
    ]) {
      await service.create(DEV_ADMIN, {
        from: from ?? '',
        to: to ?? '',
        type: 'PARENT',
        metadata: null,
      });
    }
    // Above a: a, b, c to check, allowed.
    await service.create(DEV_ADMIN, { from: 'top', to: 'a', type: 'PARENT', metadata: null });
    await service.create(DEV_ADMIN, { from: 'c', to: 'd', type: 'PARENT', metadata: null });
    // Above top now: top, a, b, c, d.
    await expect(
      service.create(DEV_ADMIN, { from: 'over', to: 'top', type: 'PARENT', metadata: null }),
    ).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED' });
    // A cycle within reach is still named, and other relations are not walked.
    await expect(
      service.create(DEV_ADMIN, { from: 'b', to: 'a', type: 'PARENT', metadata: null }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await service.create(DEV_ADMIN, { from: 'over', to: 'top', type: 'MEMBER', metadata: null });
  });
});
