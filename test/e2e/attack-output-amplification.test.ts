/**
 * Adversarial: NEXUS_MAX_RENDERED_BYTES stops templates from multiplying an input, but a step's
 * output is not bounded: a PIPELINE of gets of one key holding a value just under the bound
 * returns it once per op, so a request of ~60 KB makes an execution record of many megabytes
 * (kept in Redis for the retention, and sent to whoever reads the execution).
 */
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import { signToken } from '../../src/server/authenticate.js';
import { dataOf, gql } from '../helpers/app.js';
import { LocalEventPublisher } from '../helpers/local-events.js';
import { useRedisApps } from '../helpers/redis-app.js';
import { ExecutePattern } from './execution-operations.js';
import { CreatePattern } from './operations.js';

const redis = useRedisApps('attack-output');
const SECRET = 'test-secret-that-is-long-enough-0123456789';
const MAX_RENDERED = 64 * 1024;

describe('adversarial: outputs that multiply the input', () => {
  it('keeps an execution record within a small multiple of the rendered-size bound', async () => {
    const events = new LocalEventPublisher();
    const app = await redis.app(
      { jwtSecret: SECRET, execution: { maxRenderedBytes: MAX_RENDERED } } as Partial<Config>,
      { events },
    );
    const ended = new Promise<void>((resolve) => {
      const stop = events.listen((event) => {
        if (event.type !== 'PATTERN_EXECUTED' || event.patternId !== 'echo') return;
        stop();
        resolve();
      });
    });
    const mallory = await signToken(SECRET, { sub: 'mallory' });
    dataOf(
      await gql(
        app,
        CreatePattern,
        {
          input: {
            id: 'echo',
            name: 'One value read 300 times',
            category: 'USER',
            steps: [
              {
                id: 'put',
                type: 'CACHE',
                action: 'set',
                parameters: { key: 'k', value: '{blob}' },
              },
              {
                id: 'read',
                type: 'PIPELINE',
                action: 'exec',
                dependsOn: ['put'],
                parameters: {
                  ops: Array.from({ length: 300 }, () => ({ action: 'get', key: 'k' })),
                },
              },
            ],
          },
        },
        mallory,
      ),
    );
    const blob = 'x'.repeat(60 * 1024);
    const run = dataOf(
      await gql(app, ExecutePattern, { id: 'echo', mode: 'ASYNC', input: { blob } }, mallory),
    );
    const id = run.executePattern.id;
    await ended;
    const keys = await redis.admin.keys(`*exec:${id}*`);
    let bytes = 0;
    for (const key of keys) bytes += Number(await redis.admin.call('MEMORY', 'USAGE', key));
    // Input and output together may be a few times the bound, not a few hundred.
    expect(bytes).toBeLessThan(10 * MAX_RENDERED);
  });
});
