/**
 * An execution's input is stored with its record (and, for a delayed start, with its queued
 * job): it is held to NEXUS_MAX_JSON_BYTES like a schedule's input, refused BAD_USER_INPUT at
 * `input` before anything is written, in every mode.
 */
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import { dataOf, gql, testConfig } from '../helpers/app.js';
import { useRedisApps } from '../helpers/redis-app.js';
import { ListExecutions } from './execution-operations.js';
import { CreatePattern } from './operations.js';

const redis = useRedisApps('input-size');
const LIMIT = 1_024;

const EXECUTE = `mutation($input: JSON, $mode: ExecutionMode!, $startAt: DateTime) {
  executePattern(id: "sized", input: $input, mode: $mode, startAt: $startAt) { id status }
}`;

describe("an execution's input", () => {
  it('is refused past NEXUS_MAX_JSON_BYTES in every mode, and nothing is recorded', async () => {
    const app = await redis.app({
      security: { ...testConfig().security, maxJsonBytes: LIMIT } as Config['security'],
    });
    dataOf(
      await gql(app, CreatePattern, {
        input: {
          id: 'sized',
          name: 'sized',
          category: 'USER',
          steps: [{ id: 'w', type: 'DELAY', action: 'wait', parameters: { ms: 1 } }],
        },
      }),
    );
    // {"b":"…"}: 8 bytes around the string.
    const sized = (bytes: number) => ({ b: 'x'.repeat(bytes - 8) });
    const later = new Date(Date.now() + 3_600_000).toISOString();
    for (const variables of [
      { mode: 'SYNC' },
      { mode: 'ASYNC' },
      { mode: 'ASYNC', startAt: later },
    ]) {
      const refused = await app.yoga.fetch('http://nexus/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: EXECUTE,
          variables: { ...variables, input: sized(LIMIT + 1) },
        }),
      });
      const body = (await refused.json()) as {
        errors?: Array<{
          extensions?: { code?: string; issues?: Array<{ path: string[]; message: string }> };
        }>;
      };
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0]?.extensions?.issues).toEqual([
        { path: ['input'], message: `must be at most ${LIMIT} bytes of JSON (got ${LIMIT + 1})` },
      ]);
    }
    const listed = dataOf(await gql(app, ListExecutions, { patternId: 'sized', first: 10 }));
    expect(listed.executions.totalCount).toBe(0);
    // The limit itself is allowed.
    const accepted = await app.yoga.fetch('http://nexus/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: EXECUTE, variables: { mode: 'SYNC', input: sized(LIMIT) } }),
    });
    const done = (await accepted.json()) as { data?: { executePattern?: { status: string } } };
    expect(done.data?.executePattern?.status).toBe('SUCCEEDED');
    const after = dataOf(await gql(app, ListExecutions, { patternId: 'sized', first: 10 }));
    expect(after.executions.totalCount).toBe(1);
  });
});
