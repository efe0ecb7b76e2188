/**
 * Templates cannot amplify a request: the rendered size of a step's parameters is bounded, and
 * a step past the bound fails with an error naming it, before it writes anything.
 */
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import type { StepInput } from '../gql/graphql.js';
import { dataOf, gql } from '../helpers/app.js';
import { useRedisApps } from '../helpers/redis-app.js';
import { ExecutePattern } from './execution-operations.js';
import { CreatePattern } from './operations.js';

const redis = useRedisApps('amplification');

describe('rendered parameters', () => {
  it('refuses a step whose parameters grow past the bound once filled in, writing nothing', async () => {
    const app = await redis.app({
      execution: { maxRenderedBytes: 256 * 1024 },
    } as Partial<Config>);
    const ops = Array.from({ length: 1000 }, (_, i) => ({
      action: 'set',
      key: `k${i}`,
      value: '{p}',
    }));
    const steps: StepInput[] = [
      { id: 'amplify', type: 'PIPELINE', action: 'exec', parameters: { ops } },
    ];
    dataOf(
      await gql(app, CreatePattern, {
        input: { id: 'amp', name: 'Amplifier', category: 'USER', steps },
      }),
    );
    // An input within NEXUS_MAX_JSON_BYTES (64 KiB), written 1000 times over by the templates.
    const p = 'x'.repeat(32 * 1024);
    const result = dataOf(
      await gql(app, ExecutePattern, { id: 'amp', input: { p }, mode: 'SYNC' }),
    );
    expect(result.executePattern.status).toBe('FAILED');
    expect(result.executePattern.error).toMatch(/step "amplify".*262144 bytes/);
    expect(await redis.admin.keys('*kv:*')).toEqual([]);
    // Within the bound, the same pattern runs.
    const small = dataOf(
      await gql(app, ExecutePattern, { id: 'amp', input: { p: 'tiny' }, mode: 'SYNC' }),
    );
    expect(small.executePattern.status).toBe('SUCCEEDED');
  });
});
