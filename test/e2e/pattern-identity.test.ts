/**
 * A run executes the definition that is current when it starts, with its owner, on every
 * instance: a pattern deleted and created again under the same id is a new pattern, even at
 * the same version number.
 */
import { describe, expect, it } from 'vitest';
import { signToken } from '../../src/server/authenticate.js';
import type { CreatePatternInput } from '../gql/graphql.js';
import { dataOf, errorsOf, gql } from '../helpers/app.js';
import { uniquePrefix } from '../helpers/prefix.js';
import { useRedisApps } from '../helpers/redis-app.js';
import { ExecutePattern } from './execution-operations.js';
import { CreatePattern, DeletePattern, GetPattern } from './operations.js';

const redis = useRedisApps('pattern-identity');
const SECRET = 'test-secret-that-is-long-enough-0123456789';

function withStep(stepId: string): CreatePatternInput {
  return {
    id: 'rc',
    name: 'Recreated',
    category: 'USER',
    steps: [{ id: stepId, type: 'CACHE', action: 'set', parameters: { key: stepId, value: 1 } }],
  };
}

describe('a deleted and re-created pattern', () => {
  it('runs its new definition for the same user', async () => {
    const app = await redis.app({ jwtSecret: SECRET });
    const alice = await signToken(SECRET, { sub: 'alice' });
    dataOf(await gql(app, CreatePattern, { input: withStep('old') }, alice));
    const first = dataOf(await gql(app, ExecutePattern, { id: 'rc', mode: 'SYNC' }, alice));
    expect(first.executePattern.steps.map((step) => step.stepId)).toEqual(['old']);
    dataOf(await gql(app, DeletePattern, { id: 'rc' }, alice));
    dataOf(await gql(app, CreatePattern, { input: withStep('new') }, alice));
    const second = dataOf(await gql(app, ExecutePattern, { id: 'rc', mode: 'SYNC' }, alice));
    expect(second.executePattern.steps.map((step) => step.stepId)).toEqual(['new']);
  });

  it("is another user's pattern: never run with the deleted steps under its new owner", async () => {
    const prefix = uniquePrefix('identity');
    const a = await redis.app({ jwtSecret: SECRET, keyPrefix: prefix });
    const b = await redis.app({ jwtSecret: SECRET, keyPrefix: prefix });
    const alice = await signToken(SECRET, { sub: 'alice' });
    const bob = await signToken(SECRET, { sub: 'bob' });
    dataOf(await gql(a, CreatePattern, { input: withStep('old') }, alice));
    dataOf(await gql(a, ExecutePattern, { id: 'rc', mode: 'SYNC' }, alice));
    dataOf(await gql(b, ExecutePattern, { id: 'rc', mode: 'SYNC' }, alice));
    dataOf(await gql(a, DeletePattern, { id: 'rc' }, alice));
    dataOf(await gql(b, CreatePattern, { input: withStep('new') }, bob));
    // Both instances remember alice's version 1; bob's pattern is also at version 1.
    for (const app of [a, b]) {
      const refused = await gql(app, ExecutePattern, { id: 'rc', mode: 'SYNC' }, alice);
      expect(errorsOf(refused)[0]?.extensions?.code).toBe('NOT_FOUND');
      const bobs = dataOf(await gql(app, ExecutePattern, { id: 'rc', mode: 'SYNC' }, bob));
      expect(bobs.executePattern.steps.map((step) => step.stepId)).toEqual(['new']);
    }
    const stats = dataOf(await gql(a, GetPattern, { id: 'rc' }, bob));
    expect(stats.pattern?.usageCount).toBe(2);
  });
});
