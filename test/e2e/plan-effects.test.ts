/** planPattern's effects and write conflicts, and Pattern.warnings, over GraphQL on Redis. */
import { describe, expect, it } from 'vitest';
import type { StepInput } from '../gql/graphql.js';
import { dataOf, gql } from '../helpers/app.js';
import { uniquePrefix } from '../helpers/prefix.js';
import { useRedisApps } from '../helpers/redis-app.js';
import { RoundTripCounter } from '../helpers/round-trips.js';
import { CreateWithWarnings, PatternWarnings, PlanEffects } from './plan-operations.js';

const redis = useRedisApps('plan-effects');

const resolved = (template: string, value: string) => ({
  template,
  value,
  resolved: true,
  reason: null,
});

const none = {
  reads: [],
  writes: [],
  createsRelationships: [],
  deletesRelationships: [],
  publishes: [],
  runsPattern: null,
  readsGraph: false,
  unknown: [],
};

const noConflicts = {
  conflicts: [],
  conflictCount: 0,
  conflictsComplete: true,
  unresolved: [],
};

/** Every key of the app's prefix with its serialised value: what a write would change. */
async function snapshot(prefix: string): Promise<Map<string, string | null>> {
  const keys = (await redis.admin.keys(`${prefix}*`)).sort();
  const values = await Promise.all(
    keys.map((key) => redis.admin.dumpBuffer(key).then((dump) => dump?.toString('hex') ?? null)),
  );
  return new Map(keys.map((key, i) => [key, values[i] ?? null]));
}

describe('planPattern effects', () => {
  it('shows exactly what user_onboarding will do, and no conflicts', async () => {
    const app = await redis.app();
    const input = { id: 'u1', user_data: { name: 'Ada' }, wallet_id: 'w1', referrer_id: 'r1' };
    const plan = dataOf(await gql(app, PlanEffects, { id: 'user_onboarding', input })).planPattern;
    expect(plan.effects).toEqual([
      {
        ...none,
        stepId: 'store_user',
        writes: [{ action: 'SET', key: resolved('user:{viewer.key}:{id}', 'user:dev:u1') }],
      },
      {
        ...none,
        stepId: 'create_wallet',
        createsRelationships: [
          {
            from: resolved('user:{id}', 'user:u1'),
            to: resolved('wallet:{wallet_id}', 'wallet:w1'),
            type: resolved('OWNER', 'OWNER'),
          },
        ],
      },
      {
        ...none,
        stepId: 'link_referrer',
        createsRelationships: [
          {
            from: resolved('user:{referrer_id}', 'user:r1'),
            to: resolved('user:{id}', 'user:u1'),
            type: resolved('LINKED', 'LINKED'),
          },
        ],
      },
      {
        ...none,
        stepId: 'announce',
        publishes: [
          {
            eventType: resolved('user_created', 'user_created'),
            payload: { user_id: 'u1' },
            payloadResolved: true,
          },
        ],
      },
    ]);
    expect(plan).toMatchObject(noConflicts);
    expect(dataOf(await gql(app, PatternWarnings, { id: 'user_onboarding' })).pattern).toEqual({
      version: 1,
      warnings: [],
    });
  });

  it('shows exactly what financial_transaction will do, and no conflicts', async () => {
    const app = await redis.app();
    const input = { from: 'acct:a', to: 'acct:b', amount: 5 };
    const plan = dataOf(
      await gql(app, PlanEffects, { id: 'financial_transaction', input }),
    ).planPattern;
    expect(plan.effects).toEqual([
      { ...none, stepId: 'find_path', readsGraph: true },
      {
        ...none,
        stepId: 'record_transfer',
        createsRelationships: [
          {
            from: resolved('{from}', 'acct:a'),
            to: resolved('{to}', 'acct:b'),
            type: resolved('LINKED', 'LINKED'),
          },
        ],
      },
      {
        ...none,
        stepId: 'announce',
        publishes: [
          {
            eventType: resolved('transaction_completed', 'transaction_completed'),
            payload: { from: 'acct:a', to: 'acct:b' },
            payloadResolved: true,
          },
        ],
      },
    ]);
    expect(plan).toMatchObject(noConflicts);
    expect(
      dataOf(await gql(app, PatternWarnings, { id: 'financial_transaction' })).pattern?.warnings,
    ).toEqual([]);
  });
});

const set = (id: string, key: string, dependsOn: string[] = []): StepInput => ({
  id,
  type: 'CACHE',
  action: 'set',
  parameters: { key, value: 1 },
  dependsOn,
});

/** Parallel writers of one literal key and one edge, a reader beside one of them, slot keys
 * that meet only for some inputs, and keys known only from an output. */
const CONFLICTED: StepInput[] = [
  set('a', 'counter'),
  set('b', 'counter'),
  { id: 'peek', type: 'CACHE', action: 'get', parameters: { key: 'counter' }, dependsOn: ['a'] },
  set('c', 'slot:{x}'),
  set('d', 'slot:{y}'),
  {
    id: 'e',
    type: 'RELATIONSHIP',
    action: 'create',
    parameters: { from: 'n:{x}', to: 'm', type: 'LINKED' },
  },
  {
    id: 'f',
    type: 'RELATIONSHIP',
    action: 'create',
    parameters: { from: 'n:{x}', to: 'm', type: 'LINKED' },
  },
  set('g', 'copy:{steps.peek.output.value}', ['peek']),
  set('h', 'copy:{steps.peek.output.value}', ['peek']),
];

describe('write conflicts', () => {
  it('warns at create time and later of conflicts that hold for every input', async () => {
    const app = await redis.app();
    const created = dataOf(
      await gql(app, CreateWithWarnings, {
        input: { id: 'racy', name: 'racy', category: 'USER', steps: CONFLICTED },
      }),
    ).createPattern;
    const warnings = [
      {
        code: 'WRITE_WRITE_CONFLICT',
        steps: ['a', 'b'],
        key: 'counter',
        edge: null,
        message:
          'steps "a" and "b" may run at the same time (neither depends on the other) and both write key "counter", for every input',
      },
      {
        code: 'READ_WRITE_CONFLICT',
        steps: ['b', 'peek'],
        key: 'counter',
        edge: null,
        message:
          'steps "b" and "peek" may run at the same time (neither depends on the other) and "b" writes key "counter", which "peek" reads, for every input',
      },
      {
        code: 'WRITE_WRITE_CONFLICT',
        steps: ['e', 'f'],
        key: null,
        edge: { from: 'n:{x}', to: 'm', type: 'LINKED' },
        message:
          'steps "e" and "f" may run at the same time (neither depends on the other) and both create relationship n:{x} -[LINKED]-> m, for every input',
      },
    ];
    expect(created).toEqual({ id: 'racy', version: 1, warnings });
    expect(dataOf(await gql(app, PatternWarnings, { id: 'racy' })).pattern).toEqual({
      version: 1,
      warnings: warnings.map(({ message: _, ...rest }) => rest),
    });
  });

  it('flags what collides for this input, and says what it could not compare', async () => {
    const app = await redis.app();
    await gql(app, CreateWithWarnings, {
      input: { id: 'racy', name: 'racy', category: 'USER', steps: CONFLICTED },
    });
    const plan = dataOf(
      await gql(app, PlanEffects, { id: 'racy', input: { x: 1, y: 1 } }),
    ).planPattern;
    expect(plan.conflicts).toEqual([
      {
        kind: 'WRITE_WRITE',
        steps: ['a', 'b'],
        target: 'KEY',
        key: 'counter',
        edge: null,
        inputIndependent: true,
      },
      {
        kind: 'READ_WRITE',
        steps: ['b', 'peek'],
        target: 'KEY',
        key: 'counter',
        edge: null,
        inputIndependent: true,
      },
      {
        kind: 'WRITE_WRITE',
        steps: ['c', 'd'],
        target: 'KEY',
        key: 'slot:1',
        edge: null,
        inputIndependent: false,
      },
      {
        kind: 'WRITE_WRITE',
        steps: ['e', 'f'],
        target: 'RELATIONSHIP',
        key: null,
        edge: { from: 'n:1', to: 'm', type: 'LINKED' },
        inputIndependent: true,
      },
    ]);
    expect(plan.conflictCount).toBe(4);
    expect(plan.conflictsComplete).toBe(false);
    expect(plan.unresolved).toEqual(
      ['g', 'h'].map((stepId) => ({
        stepId,
        what: 'written key',
        template: 'copy:{steps.peek.output.value}',
        reason: "reads another step's output",
      })),
    );
    expect(plan.effects.find((step) => step.stepId === 'g')?.writes).toEqual([
      {
        action: 'SET',
        key: {
          template: 'copy:{steps.peek.output.value}',
          value: null,
          resolved: false,
          reason: "reads another step's output",
        },
      },
    ]);
    // Other slots: c and d no longer meet.
    const apart = dataOf(
      await gql(app, PlanEffects, { id: 'racy', input: { x: 1, y: 2 } }),
    ).planPattern;
    expect(apart.conflicts.map((conflict) => conflict.steps)).toEqual([
      ['a', 'b'],
      ['b', 'peek'],
      ['e', 'f'],
    ]);
  });

  it('touches nothing: no key changes, and the plan costs one round trip', async () => {
    const counter = new RoundTripCounter();
    const prefix = uniquePrefix('plan-effects');
    const app = await redis.app({ keyPrefix: prefix }, { onRedisClient: counter.attach });
    await gql(app, CreateWithWarnings, {
      input: { id: 'racy', name: 'racy', category: 'USER', steps: CONFLICTED },
    });
    const before = await snapshot(prefix);
    expect(before.size).toBeGreaterThan(0);
    const trips = await counter.count(() =>
      gql(app, PlanEffects, {
        id: 'user_onboarding',
        input: { id: 'u', user_data: 1, wallet_id: 'w', referrer_id: 'r' },
      }).then((result) => dataOf(result)),
    );
    const racyTrips = await counter.count(() =>
      gql(app, PlanEffects, { id: 'racy', input: { x: 1, y: 1 } }).then((result) => dataOf(result)),
    );
    expect(await snapshot(prefix)).toEqual(before);
    expect([trips, racyTrips]).toEqual([1, 1]);
  });
});
