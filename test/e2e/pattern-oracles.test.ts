/**
 * Patterns a caller may not read are absent from every answer: recursion checks do not walk
 * through them (nor name them), a taken id says only that it is taken, and versions of a
 * pattern that does not exist for the caller do not exist either.
 */
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { signToken } from '../../src/server/authenticate.js';
import type { CreatePatternInput } from '../gql/graphql.js';
import { dataOf, errorsOf, gql, type Result } from '../helpers/app.js';
import { useRedisApps } from '../helpers/redis-app.js';
import { CreatePattern, GetPattern, UpdatePattern } from './operations.js';

const redis = useRedisApps('pattern-oracles');
const SECRET = 'test-secret-that-is-long-enough-0123456789';

async function secured(): Promise<{ app: App; alice: string; bob: string; admin: string }> {
  return {
    app: await redis.app({ jwtSecret: SECRET }),
    alice: await signToken(SECRET, { sub: 'alice' }),
    bob: await signToken(SECRET, { sub: 'bob' }),
    admin: await signToken(SECRET, { sub: 'root', roles: ['admin'] }),
  };
}

/** A pattern of one step: a PATTERN step running `target` when given, else a DELAY. */
function pattern(
  id: string,
  target?: string,
  overrides: Partial<CreatePatternInput> = {},
): CreatePatternInput {
  const step = target
    ? {
        id: 'child',
        type: 'PATTERN' as const,
        action: 'execute',
        parameters: { pattern_id: target },
      }
    : { id: 'wait', type: 'DELAY' as const, action: 'wait', parameters: { ms: 1 } };
  return { id, name: `Pattern ${id}`, category: 'NOTIFICATION', steps: [step], ...overrides };
}

function messages(result: Result<unknown>): string[] {
  return errorsOf(result).map((error) => `${error.extensions?.code}: ${error.message}`);
}

describe('patterns the caller may not read', () => {
  it("are not walked or named by the recursion check: another user's loop is no answer", async () => {
    const { app, alice, bob } = await secured();
    dataOf(await gql(app, CreatePattern, { input: pattern('bob_ref', 'zz_target') }, bob));
    // For alice, bob_ref is the same as an id nobody has: her pattern is created either way
    // (it could never run bob's pattern), and nothing about bob_ref comes back.
    const created = await gql(
      app,
      CreatePattern,
      { input: pattern('zz_target', 'bob_ref') },
      alice,
    );
    expect(JSON.stringify(created)).not.toContain('recursive');
    expect(dataOf(created).createPattern.id).toBe('zz_target');
    dataOf(await gql(app, CreatePattern, { input: pattern('zz_other', 'nobody_has_this') }, alice));
    const updated = await gql(
      app,
      UpdatePattern,
      { id: 'zz_other', input: { steps: pattern('zz_other', 'bob_ref').steps } },
      alice,
    );
    expect(dataOf(updated).updatePattern.version).toBe(2);
  });

  it('leaves loops through patterns the caller reads refused and named', async () => {
    const { app, alice, admin } = await secured();
    dataOf(
      await gql(
        app,
        CreatePattern,
        { input: pattern('shared', 'mine', { origin: 'SYSTEM' }) },
        admin,
      ),
    );
    expect(
      messages(await gql(app, CreatePattern, { input: pattern('mine', 'shared') }, alice)),
    ).toEqual([
      'BAD_USER_INPUT: Invalid input: input.steps.0.parameters.pattern_id: would make the pattern recursive: mine → shared → mine',
    ]);
  });

  it("answer a taken id with CONFLICT naming only the id, whoever's it is", async () => {
    const { app, alice, bob, admin } = await secured();
    dataOf(await gql(app, CreatePattern, { input: pattern('bobs_private') }, bob));
    dataOf(await gql(app, CreatePattern, { input: pattern('alices_own') }, alice));
    dataOf(
      await gql(
        app,
        CreatePattern,
        { input: pattern('hidden_system', undefined, { origin: 'SYSTEM', isActive: false }) },
        admin,
      ),
    );
    const taken = async (id: string) =>
      messages(await gql(app, CreatePattern, { input: pattern(id) }, alice));
    for (const id of ['bobs_private', 'alices_own', 'hidden_system']) {
      expect(await taken(id)).toEqual([`CONFLICT: the pattern id "${id}" is taken`]);
    }
  });

  it('have no readable versions: an inactive system pattern is absent at every version', async () => {
    const { app, alice, admin } = await secured();
    dataOf(
      await gql(
        app,
        CreatePattern,
        { input: pattern('retired', undefined, { origin: 'SYSTEM' }) },
        admin,
      ),
    );
    dataOf(await gql(app, UpdatePattern, { id: 'retired', input: { isActive: false } }, admin));
    expect(dataOf(await gql(app, GetPattern, { id: 'retired' }, alice)).pattern).toBeNull();
    expect(
      dataOf(await gql(app, GetPattern, { id: 'retired', version: 1 }, alice)).pattern,
    ).toBeNull();
    const forAdmin = dataOf(
      await gql(app, GetPattern, { id: 'retired', version: 1 }, admin),
    ).pattern;
    expect(forAdmin?.versions.map((v) => v.version)).toEqual([1, 2]);
  });
});
