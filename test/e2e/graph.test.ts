/** The relationship graph over GraphQL against a real Redis. */
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import type { RelationshipType } from '../gql/graphql.js';
import { dataOf, errorsOf, gql } from '../helpers/app.js';
import { uniquePrefix } from '../helpers/prefix.js';
import { useRedisApps } from '../helpers/redis-app.js';
import {
  CreateRelationship,
  DeleteRelationship,
  DetectCycles,
  FindPath,
  GetEntity,
  GetRelationship,
  GraphStatsQuery,
  Traverse,
} from './graph-operations.js';

const redis = useRedisApps('graph');

async function link(
  app: App,
  from: string,
  to: string,
  type: RelationshipType = 'LINKED',
  metadata?: unknown,
) {
  return dataOf(await gql(app, CreateRelationship, { input: { from, to, type, metadata } }))
    .createRelationship;
}

async function rejected(
  app: App,
  from: string,
  to: string,
  type: RelationshipType,
  metadata?: unknown,
) {
  const [error] = errorsOf(
    await gql(app, CreateRelationship, { input: { from, to, type, metadata } }),
  );
  return error;
}

describe('createRelationship', () => {
  it('stores a relationship with its inverse type, creator and metadata', async () => {
    const app = await redis.app();
    const created = await link(app, 'user:42', 'user:7', 'PARENT', { since: 2020, tags: [] });
    expect(created).toMatchObject({
      type: 'PARENT',
      inverseType: 'CHILD',
      from: { id: 'user:42' },
      to: { id: 'user:7' },
      metadata: { since: 2020, tags: [] },
      createdBy: 'dev',
    });
    expect(dataOf(await gql(app, GetRelationship, { id: created.id })).relationship).toMatchObject({
      id: created.id,
      metadata: { since: 2020, tags: [] },
    });
    const inverses = await Promise.all(
      (['OWNER', 'MEMBER', 'LINKED', 'CHILD'] as const).map((type, i) =>
        link(app, `a${i}`, `b${i}`, type),
      ),
    );
    expect(inverses.map((r) => r.inverseType)).toEqual([null, null, 'LINKED', 'PARENT']);
  });

  it.each([
    ['a malformed from', { from: 'has space', to: 'b' }, ['input', 'from']],
    ['a from starting with punctuation', { from: ':x', to: 'b' }, ['input', 'from']],
    ['a to over 256 characters', { from: 'a', to: 'x'.repeat(257) }, ['input', 'to']],
    ['a self-loop', { from: 'user:1', to: 'user:1' }, ['input', 'to']],
  ])('rejects %s with BAD_USER_INPUT at its path', async (_name, ends, path) => {
    const app = await redis.app();
    const error = await rejected(app, ends.from, ends.to, 'LINKED');
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error?.extensions?.issues?.map((issue) => issue.path)).toContainEqual(path);
    expect(dataOf(await gql(app, GraphStatsQuery)).graphStats.relationshipCount).toBe(0);
  });

  it('rejects metadata over 16 KiB and accepts it at the limit', async () => {
    const app = await redis.app();
    const error = await rejected(app, 'a', 'b', 'LINKED', { blob: 'x'.repeat(16 * 1024) });
    expect(error?.extensions?.issues).toEqual([
      { path: ['input', 'metadata'], message: 'must be at most 16 KiB of JSON' },
    ]);
    await link(app, 'a', 'b', 'LINKED', { blob: 'x'.repeat(16 * 1024 - 20) });
  });

  it('answers CONFLICT for a duplicate (from, type, to), and two racing creates yield one', async () => {
    const app = await redis.app();
    await link(app, 'a', 'b', 'MEMBER');
    expect((await rejected(app, 'a', 'b', 'MEMBER'))?.extensions?.code).toBe('CONFLICT');
    const racing = await Promise.all(
      Array.from({ length: 8 }, () =>
        gql(app, CreateRelationship, { input: { from: 'x', to: 'y', type: 'OWNER' } }),
      ),
    );
    expect(racing.filter((result) => !result.errors)).toHaveLength(1);
    expect(
      racing.filter((result) => result.errors?.[0]?.extensions?.code === 'CONFLICT'),
    ).toHaveLength(7);
    const stats = dataOf(await gql(app, GraphStatsQuery)).graphStats;
    expect(stats.byType.find((entry) => entry.type === 'OWNER')?.count).toBe(1);
  });

  it('refuses PARENT, CHILD and OWNER edges that would close a cycle, naming it', async () => {
    const app = await redis.app();
    await link(app, 'g1', 'g2', 'PARENT');
    await link(app, 'g3', 'g2', 'CHILD'); // g2 is the parent of g3
    const parentCycle = await rejected(app, 'g3', 'g1', 'PARENT');
    expect(parentCycle?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(parentCycle?.extensions?.issues?.[0]?.message).toContain(
      'would close a cycle: g3 → g1 → g2 → g3',
    );
    const childCycle = await rejected(app, 'g1', 'g3', 'CHILD');
    expect(childCycle?.extensions?.issues?.[0]?.message).toContain('g3 → g1 → g2 → g3');

    await link(app, 'o1', 'o2', 'OWNER');
    await link(app, 'o2', 'o3', 'OWNER');
    expect((await rejected(app, 'o3', 'o1', 'OWNER'))?.extensions?.issues?.[0]?.message).toContain(
      'o3 → o1 → o2 → o3',
    );
    // Other types may loop freely, and each acyclic relation only watches itself.
    await link(app, 'g3', 'g1', 'LINKED');
    await link(app, 'g3', 'g1', 'OWNER');
    await link(app, 'o3', 'o1', 'PARENT');
  });

  it('creates 50 concurrent unrelated hierarchy edges without a CONFLICT', async () => {
    const app = await redis.app();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        gql(app, CreateRelationship, {
          input: { from: `unrelated:${i}:parent`, to: `unrelated:${i}:child`, type: 'PARENT' },
        }),
      ),
    );
    expect(results.flatMap((result) => result.errors ?? [])).toEqual([]);
    const stats = dataOf(await gql(app, GraphStatsQuery)).graphStats;
    expect(stats.byType.find((entry) => entry.type === 'PARENT')?.count).toBe(50);
  });

  it('refuses with LIMIT_EXCEEDED an edge whose cycle check would walk a hierarchy over the limit', async () => {
    const app = await redis.app({
      security: { maxAcyclicCheckEntities: 5 } as Config['security'],
    });
    // root → 4 children: 5 entities at and below root, allowed; a fifth child makes 6.
    for (let i = 0; i < 4; i++) await link(app, 'root', `leaf:${i}`, 'PARENT');
    await link(app, 'top', 'root', 'PARENT');
    await link(app, 'root', 'leaf:4', 'PARENT');
    const error = await rejected(app, 'higher', 'root', 'PARENT');
    expect(error?.extensions?.code).toBe('LIMIT_EXCEEDED');
    expect(error?.message).toContain('more than 5 entities below root');
    // Nothing was written; other types are not checked.
    expect(
      dataOf(await gql(app, GetEntity, { id: 'higher', direction: 'BOTH' })).entity.degree,
    ).toBe(0);
    await link(app, 'higher', 'root', 'LINKED');
  });

  it('lets no set of racing edges close a cycle: all but one of them win, across two instances', async () => {
    const keyPrefix = uniquePrefix('graph-race');
    const first = await redis.app({ keyPrefix });
    const second = await redis.app({ keyPrefix });
    type Edge = [from: string, to: string, type: RelationshipType];
    // Each shape is a cycle of the hierarchy (PARENT a→b and CHILD b→a both put a above b) or
    // of ownership; `before` is created first, `racing` all at once.
    const shapes: Array<{ before: Edge[]; racing: Edge[] }> = [
      {
        before: [],
        racing: [
          ['a', 'b', 'PARENT'],
          ['b', 'a', 'PARENT'],
        ],
      },
      {
        before: [],
        racing: [
          ['a', 'b', 'PARENT'],
          ['a', 'b', 'CHILD'],
        ],
      },
      {
        before: [],
        racing: [
          ['a', 'b', 'PARENT'],
          ['b', 'c', 'PARENT'],
          ['a', 'c', 'CHILD'],
        ],
      },
      {
        before: [],
        racing: [
          ['a', 'b', 'OWNER'],
          ['b', 'c', 'OWNER'],
          ['c', 'a', 'OWNER'],
        ],
      },
      {
        before: [],
        racing: [
          ['a', 'b', 'PARENT'],
          ['b', 'c', 'PARENT'],
          ['d', 'c', 'CHILD'],
          ['d', 'a', 'PARENT'],
        ],
      },
      {
        // Under an existing chain a → b → c → d → e: the check walks it.
        before: [
          ['a', 'b', 'PARENT'],
          ['b', 'c', 'PARENT'],
          ['c', 'd', 'PARENT'],
          ['d', 'e', 'PARENT'],
        ],
        racing: [
          ['e', 'x', 'PARENT'],
          ['x', 'a', 'PARENT'],
        ],
      },
    ];
    for (let round = 0; round < 4 * shapes.length; round++) {
      const shape = shapes[round % shapes.length] ?? { before: [], racing: [] };
      const id = (name: string) => `race${round}:${name}`;
      for (const [from, to, type] of shape.before) await link(first, id(from), id(to), type);
      const results = await Promise.all(
        shape.racing.map(([from, to, type], i) =>
          gql(i % 2 === 0 ? first : second, CreateRelationship, {
            input: { from: id(from), to: id(to), type },
          }),
        ),
      );
      const context = `round ${round}: ${JSON.stringify(shape.racing)}`;
      expect(
        results.filter((result) => !result.errors),
        context,
      ).toHaveLength(shape.racing.length - 1);
      const [refused] = results.flatMap((result) => result.errors ?? []);
      expect(refused?.extensions?.code, context).toBe('BAD_USER_INPUT');
      expect(refused?.extensions?.issues?.[0]?.message, context).toContain('would close a cycle');
    }
  });
});

describe('entity and relationship reads', () => {
  it('gives degree, a paged relationships connection and distinct neighbours', async () => {
    const app = await redis.app();
    const created = [];
    for (const [to, type] of [
      ['b', 'MEMBER'],
      ['c', 'LINKED'],
      ['b', 'LINKED'],
      ['d', 'OWNER'],
    ] as const) {
      created.push(await link(app, 'hub', to, type));
    }
    await link(app, 'e', 'hub', 'PARENT');

    const both = dataOf(
      await gql(app, GetEntity, { id: 'hub', direction: 'BOTH', first: 2 }),
    ).entity;
    expect(both).toMatchObject({ id: 'hub', degree: 5, outDegree: 4, inDegree: 1 });
    expect(both.relationships.totalCount).toBe(5);
    // Oldest first; the page continues after the cursor.
    expect(both.relationships.edges.map((edge) => edge.node.id)).toEqual([
      created[0]?.id,
      created[1]?.id,
    ]);
    const next = dataOf(
      await gql(app, GetEntity, {
        id: 'hub',
        direction: 'BOTH',
        first: 10,
        after: both.relationships.pageInfo.endCursor,
      }),
    ).entity.relationships;
    expect(next.edges.map((edge) => edge.node.id)).toEqual([
      created[2]?.id,
      created[3]?.id,
      expect.any(String),
    ]);
    expect(next.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

    const out = dataOf(await gql(app, GetEntity, { id: 'hub', direction: 'OUT' })).entity;
    expect(out.neighbors.map((n) => n.id)).toEqual(['b', 'c', 'd']);
    const linked = dataOf(
      await gql(app, GetEntity, { id: 'hub', direction: 'OUT', types: ['LINKED'] }),
    ).entity;
    expect(linked.neighbors.map((n) => n.id)).toEqual(['b', 'c']);
    expect(linked.relationships.totalCount).toBe(2);
    const incoming = dataOf(await gql(app, GetEntity, { id: 'hub', direction: 'IN' })).entity;
    expect(incoming.neighbors.map((n) => n.id)).toEqual(['e']);
  });

  it('treats an unknown entity as one without relationships, and rejects malformed ids', async () => {
    const app = await redis.app();
    const lonely = dataOf(await gql(app, GetEntity, { id: 'nobody', direction: 'BOTH' })).entity;
    expect(lonely).toMatchObject({
      degree: 0,
      relationships: { totalCount: 0, edges: [] },
      neighbors: [],
    });
    const [error] = errorsOf(await gql(app, GetEntity, { id: 'bad id', direction: 'BOTH' }));
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: ['id'] }] });
    expect(dataOf(await gql(app, GetRelationship, { id: 'r-unknown' })).relationship).toBeNull();
  });

  it('deletes every trace of a relationship; a second delete is NOT_FOUND', async () => {
    const app = await redis.app();
    const kept = await link(app, 'a', 'b', 'MEMBER');
    const gone = await link(app, 'a', 'c', 'PARENT');
    expect(dataOf(await gql(app, DeleteRelationship, { id: gone.id }))).toEqual({
      deleteRelationship: true,
    });
    expect(errorsOf(await gql(app, DeleteRelationship, { id: gone.id }))[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
    expect(dataOf(await gql(app, GetRelationship, { id: gone.id })).relationship).toBeNull();
    const a = dataOf(await gql(app, GetEntity, { id: 'a', direction: 'BOTH' })).entity;
    expect(a.relationships.edges.map((edge) => edge.node.id)).toEqual([kept.id]);
    expect(dataOf(await gql(app, GraphStatsQuery)).graphStats).toMatchObject({
      entityCount: 2,
      relationshipCount: 1,
    });
    // The deleted edge no longer blocks anything: the same edge, and its reverse, can be created.
    await link(app, 'c', 'a', 'PARENT');
  });
});

describe('graph operations', () => {
  async function ladder(app: App) {
    // a → b → c → d → e (LINKED), a → x (MEMBER), x → e (OWNER), e → a (LINKED): one cycle.
    for (const [from, to, type] of [
      ['a', 'b', 'LINKED'],
      ['b', 'c', 'LINKED'],
      ['c', 'd', 'LINKED'],
      ['d', 'e', 'LINKED'],
      ['a', 'x', 'MEMBER'],
      ['x', 'e', 'OWNER'],
      ['e', 'a', 'LINKED'],
    ] as const) {
      await link(app, from, to, type);
    }
  }

  it('finds a shortest path, respects types, direction and maxDepth, and says null otherwise', async () => {
    const app = await redis.app();
    await ladder(app);
    const shortest = dataOf(
      await gql(app, FindPath, { from: 'a', to: 'e', maxDepth: 6, direction: 'OUT' }),
    ).findPath;
    expect(shortest?.entities.map((e) => e.id)).toEqual(['a', 'x', 'e']);
    expect(shortest?.relationships.map((r) => r.type)).toEqual(['MEMBER', 'OWNER']);
    const linkedOnly = dataOf(
      await gql(app, FindPath, {
        from: 'a',
        to: 'e',
        maxDepth: 6,
        direction: 'OUT',
        types: ['LINKED'],
      }),
    ).findPath;
    expect(linkedOnly?.length).toBe(4);
    expect(
      dataOf(
        await gql(app, FindPath, {
          from: 'a',
          to: 'd',
          maxDepth: 2,
          direction: 'OUT',
          types: ['LINKED'],
        }),
      ).findPath,
    ).toBeNull();
    const backwards = dataOf(
      await gql(app, FindPath, {
        from: 'e',
        to: 'a',
        maxDepth: 6,
        direction: 'IN',
        types: ['LINKED'],
      }),
    ).findPath;
    expect(backwards?.entities.map((e) => e.id)).toEqual(['e', 'd', 'c', 'b', 'a']);
    expect(
      dataOf(await gql(app, FindPath, { from: 'a', to: 'a', maxDepth: 3, direction: 'OUT' }))
        .findPath,
    ).toEqual({
      length: 0,
      entities: [{ id: 'a' }],
      relationships: [],
    });
    const [tooDeep] = errorsOf(
      await gql(app, FindPath, { from: 'a', to: 'e', maxDepth: 11, direction: 'OUT' }),
    );
    expect(tooDeep?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      issues: [{ path: ['maxDepth'] }],
    });
  });

  it('traverses breadth-first with depths, types and a limit', async () => {
    const app = await redis.app();
    await ladder(app);
    const result = dataOf(
      await gql(app, Traverse, { from: 'a', maxDepth: 2, direction: 'OUT' }),
    ).traverse;
    expect(result.entities.map((e) => [e.entity.id, e.depth])).toEqual([
      ['a', 0],
      ['b', 1],
      ['x', 1],
      ['c', 2],
      ['e', 2],
    ]);
    expect(result.relationships.map((r) => r.type).sort()).toEqual([
      'LINKED',
      'LINKED',
      'MEMBER',
      'OWNER',
    ]);
    const limited = dataOf(
      await gql(app, Traverse, { from: 'a', maxDepth: 5, direction: 'BOTH', limit: 3 }),
    ).traverse;
    expect(limited.entities).toHaveLength(3);
    const typed = dataOf(
      await gql(app, Traverse, { from: 'a', maxDepth: 10, direction: 'OUT', types: ['MEMBER'] }),
    ).traverse;
    expect(typed.entities.map((e) => e.entity.id)).toEqual(['a', 'x']);
    for (const variables of [{ maxDepth: 11 }, { maxDepth: -1 }, { maxDepth: 2, limit: 0 }]) {
      const [error] = errorsOf(
        await gql(app, Traverse, { from: 'a', direction: 'OUT', ...variables }),
      );
      expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('detects each cycle once, by type and through an entity', async () => {
    const app = await redis.app();
    await ladder(app);
    const all = dataOf(await gql(app, DetectCycles, {})).detectCycles;
    expect(all.map((cycle) => cycle.entities.map((e) => e.id).join('→')).sort()).toEqual([
      'a→b→c→d→e→a',
      'a→x→e→a',
    ]);
    const linked = dataOf(await gql(app, DetectCycles, { types: ['LINKED'] })).detectCycles;
    expect(linked).toHaveLength(1);
    const throughX = dataOf(await gql(app, DetectCycles, { from: 'x' })).detectCycles;
    expect(throughX.map((cycle) => cycle.entities.map((e) => e.id).join('→'))).toEqual(['x→e→a→x']);
    expect(dataOf(await gql(app, DetectCycles, { limit: 1 })).detectCycles).toHaveLength(1);
    expect(dataOf(await gql(app, DetectCycles, { types: ['MEMBER'] })).detectCycles).toEqual([]);
  });

  it('refuses with LIMIT_EXCEEDED a cycle search it could not finish, rather than answer []', async () => {
    const app = await redis.app({ security: { maxCycleSearchSteps: 50 } as Config['security'] });
    // A ring of 30: no cycle within maxLength 20, which takes more than 50 steps to establish.
    for (let i = 0; i < 30; i++) await link(app, `ring:${i}`, `ring:${(i + 1) % 30}`);
    const [error] = errorsOf(await gql(app, DetectCycles, { maxLength: 20 }));
    expect(error?.extensions?.code).toBe('LIMIT_EXCEEDED');
    expect(error?.message).toContain('narrow it with from, types or a smaller maxLength');
    // Narrowed to cycles through one entity, the search fits its budget and answers.
    const through = await gql(app, DetectCycles, { from: 'ring:0', maxLength: 20 });
    expect(dataOf(through).detectCycles).toEqual([]);
  });

  it('counts entities and relationships per type', async () => {
    const app = await redis.app();
    await ladder(app);
    expect(dataOf(await gql(app, GraphStatsQuery)).graphStats).toEqual({
      entityCount: 6,
      relationshipCount: 7,
      byType: [
        { type: 'OWNER', count: 1 },
        { type: 'MEMBER', count: 1 },
        { type: 'LINKED', count: 5 },
        { type: 'PARENT', count: 0 },
        { type: 'CHILD', count: 0 },
      ],
    });
  });
});
