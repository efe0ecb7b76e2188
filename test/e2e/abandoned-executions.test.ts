/**
 * An execution left RUNNING by a process that died, and that cannot continue (here: the version
 * it ran was deleted since), is found by another process (its lease runs out) and ended FAILED
 * "abandoned". The dying process is a real one, killed with SIGKILL. (Runs that can continue are
 * taken over: durable-takeover.test.ts.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEV_ADMIN } from '../../src/domain/shared/viewer.js';
import { dataOf, gql, testConfig } from '../helpers/app.js';
import { type NexusProcess, postGraphQL, startNexusProcess } from '../helpers/nexus-process.js';
import { uniquePrefix } from '../helpers/prefix.js';
import { useRedisApps } from '../helpers/redis-app.js';
import { ExecutePattern, GetExecution } from './execution-operations.js';

const redis = useRedisApps('abandoned');
const children: NexusProcess[] = [];
afterEach(async () => {
  await Promise.all(children.splice(0).map((child) => child.kill()));
});

const post = (port: number, query: string, variables: Record<string, unknown>) =>
  postGraphQL<Record<string, { id: string; status: string }>>(port, query, variables);

describe('abandoned executions', () => {
  it('are ended FAILED "abandoned" once the lease of their dead process runs out', async () => {
    const createForever = (port: number) =>
      post(port, 'mutation($input: CreatePatternInput!) { createPattern(input: $input) { id } }', {
        input: {
          id: 'forever',
          name: 'forever',
          category: 'USER',
          steps: [
            {
              id: 'wait',
              type: 'DELAY',
              action: 'wait',
              parameters: { ms: 300000 },
              timeoutMs: 300000,
            },
          ],
        },
      });
    const keyPrefix = uniquePrefix('abandoned');
    const env = {
      NEXUS_EXECUTION_LEASE_MS: '300',
      REDIS_URL: redis.server.url,
      NEXUS_KEY_PREFIX: keyPrefix,
    };
    const doomed = await startNexusProcess(env, { track: children });
    const port = doomed.port;
    await createForever(port);
    const started = await post(
      port,
      'mutation { executePattern(id: "forever", mode: ASYNC) { id status } }',
      {},
    );
    const id = started.data?.executePattern?.id ?? '';

    // Another instance on the same Redis, sweeping every 300 ms.
    const survivor = await redis.app({
      keyPrefix,
      execution: { ...testConfig().execution, leaseMs: 300 },
    });
    // Read past GraphQL: Execution.pattern of a deleted pattern is an error there.
    const status = () => survivor.services.executions.get(DEV_ADMIN, id);
    // Wait until the doomed process has really started the run, then kill it.
    await until(async () => (await status())?.status === 'RUNNING');
    // The version it runs goes away: nobody can continue the run.
    await post(port, 'mutation { deletePattern(id: "forever") }', {});
    await doomed.kill();

    await until(async () => (await status())?.status === 'FAILED');
    const ended = await status();
    expect(ended?.status).toBe('FAILED');
    expect(ended?.error).toMatch(/^abandoned: version 1 of pattern "forever" is gone/);
    expect(ended?.steps[0]).toMatchObject({ status: 'FAILED' });
    expect(ended?.steps[0]?.error).toMatch(/^abandoned: .*unknown/);
    // Counted once the end is announced, just after the record.
    await until(async () =>
      /nexus_executions_total\{status="FAILED"\} 1/.test(
        await (await survivor.yoga.fetch('http://nexus.test/metrics')).text(),
      ),
    );
    // Still running ones are left alone: a live run keeps renewing its lease.
    const address = survivor.server.address();
    await createForever(typeof address === 'object' && address ? address.port : 0);
    const live = dataOf(
      await gql(survivor, ExecutePattern, { id: 'forever', mode: 'ASYNC' }),
    ).executePattern;
    await until(
      async () =>
        dataOf(await gql(survivor, GetExecution, { id: live.id })).execution?.status === 'RUNNING',
    );
    expect(await survivor.services.executions.sweepAbandoned()).toBe(0);
  });
});

/** Polls a condition another process changes; bounded (10 s), not a fixed sleep. */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('condition not reached within 10 s');
}
