/**
 * Adversarial: a user's step slots bound the work their steps do only if a step that times out
 * stops working. A GRAPH step with a 1 ms timeout and retries gives its slot back at each
 * timeout; if the scan it started runs on, one user has as many whole-graph scans in flight as
 * attempts, past NEXUS_USER_STEP_CONCURRENCY. Counted in Redis commands (HSCAN of the entities).
 */
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import { SYSTEM_VIEWER } from '../../src/domain/shared/viewer.js';
import { signToken } from '../../src/server/authenticate.js';
import { dataOf, gql } from '../helpers/app.js';
import { useRedisApps } from '../helpers/redis-app.js';
import { ExecutePattern } from './execution-operations.js';
import { DetectCycles } from './graph-operations.js';
import { CreatePattern } from './operations.js';

const redis = useRedisApps('attack-timed-out-work');
const SECRET = 'test-secret-that-is-long-enough-0123456789';

async function hscanCalls(): Promise<number> {
  const info = await redis.admin.info('commandstats');
  return Number(/cmdstat_hscan:calls=(\d+)/.exec(info)?.[1] ?? 0);
}

describe('adversarial: work that outlives its step', () => {
  it('leaves no graph scan running once the run whose steps started it has ended', async () => {
    const app = await redis.app({
      jwtSecret: SECRET,
      execution: { processConcurrency: 4, userStepConcurrency: 1 },
    } as Partial<Config>);
    const mallory = await signToken(SECRET, { sub: 'mallory' });
    const alice = await signToken(SECRET, { sub: 'alice' });
    // A chain of 4000 entities: a whole-graph cycle search reads every page of them.
    const graph = app.services.graph;
    for (let i = 0; i < 3999; i += 100) {
      await Promise.all(
        Array.from({ length: Math.min(100, 3999 - i) }, (_, j) =>
          graph.create(SYSTEM_VIEWER, {
            from: `n${i + j}`,
            to: `n${i + j + 1}`,
            type: 'LINKED',
            metadata: {},
          }),
        ),
      );
    }
    // What one complete search costs.
    const before = await hscanCalls();
    dataOf(await gql(app, DetectCycles, {}, alice));
    const perSearch = (await hscanCalls()) - before;
    expect(perSearch).toBeGreaterThan(1);

    dataOf(
      await gql(
        app,
        CreatePattern,
        {
          input: {
            id: 'scan',
            name: 'Scans, times out, retries',
            category: 'USER',
            steps: [
              {
                id: 'cycles',
                type: 'GRAPH',
                action: 'detect_cycles',
                parameters: {},
                timeoutMs: 1,
                retries: 10,
              },
            ],
          },
        },
        mallory,
      ),
    );
    const run = dataOf(await gql(app, ExecutePattern, { id: 'scan', mode: 'SYNC' }, mallory));
    expect(run.executePattern.status).toBe('FAILED');
    expect(run.executePattern.steps[0]?.attempts).toBe(11);

    // Mallory's run is over. One more complete search by alice: if nothing of mallory's is still
    // scanning, it is the only HSCAN traffic meanwhile.
    const ended = await hscanCalls();
    dataOf(await gql(app, DetectCycles, {}, alice));
    expect((await hscanCalls()) - ended).toBe(perSearch);
  });
});
