/**
 * Adversarial: TRANSACTION steps with `watch` keys, against Redis. A watched transaction that
 * nobody disturbs must simply run (no conflict, no error) and write in the runner's key space.
 */
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import { signToken } from '../../src/server/authenticate.js';
import { dataOf, gql } from '../helpers/app.js';
import { useRedisApps } from '../helpers/redis-app.js';
import { ExecutePattern } from './execution-operations.js';
import { CreatePattern } from './operations.js';

const redis = useRedisApps('attack-watch');
const SECRET = 'test-secret-that-is-long-enough-0123456789';

describe('adversarial: watched transactions', () => {
  it('runs an undisturbed TRANSACTION with watch keys and writes its keys', async () => {
    const app = await redis.app({ jwtSecret: SECRET } as Partial<Config>);
    const mallory = await signToken(SECRET, { sub: 'mallory' });
    dataOf(
      await gql(
        app,
        CreatePattern,
        {
          input: {
            id: 'watched',
            name: 'Watched transaction',
            category: 'USER',
            steps: [
              {
                id: 'tx',
                type: 'TRANSACTION',
                action: 'exec',
                parameters: {
                  watch: ['balance'],
                  ops: [{ action: 'set', key: 'balance', value: 10 }],
                },
              },
            ],
          },
        },
        mallory,
      ),
    );
    const run = dataOf(await gql(app, ExecutePattern, { id: 'watched', mode: 'SYNC' }, mallory));
    expect(run.executePattern.steps[0]?.error ?? null).toBeNull();
    expect(run.executePattern.status).toBe('SUCCEEDED');
    const written = await redis.admin.keys('*kv:user:mallory:balance');
    expect(written).toHaveLength(1);
  });
});
