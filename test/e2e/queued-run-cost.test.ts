/**
 * What a queued one-step run costs its worker on Redis, counted (not timed): a run an api
 * process stored PENDING and queued, taken by a worker process through runQueued. Counted on the
 * worker's shared connection (Nexus's own commands; BullMQ's fetch and settle are on its own).
 */
import { describe, expect, it } from 'vitest';
import { DEV_ADMIN } from '../../src/domain/shared/viewer.js';
import { RedisKeys } from '../../src/infra/redis/keys.js';
import type { StepInput } from '../gql/graphql.js';
import { dataOf, gql } from '../helpers/app.js';
import { uniquePrefix } from '../helpers/prefix.js';
import { useRedisApps } from '../helpers/redis-app.js';
import { RoundTripCounter } from '../helpers/round-trips.js';
import { until } from '../helpers/until.js';
import { CreatePattern } from './operations.js';

const redis = useRedisApps('queued-cost');

describe('a queued one-step run', () => {
  it('costs its worker 8 commands in at most 4 round trips (no read of the record, of the version it runs or of the current pattern)', async () => {
    const keyPrefix = uniquePrefix('queued-cost');
    const keys = new RedisKeys(keyPrefix);
    // The sweep of expired leases runs on a timer beside the run: not the run's cost.
    const counter = new RoundTripCounter(
      (command) => command.name === 'zrangebyscore' && command.args[0] === keys.executionLeases(),
    );
    const api = await redis.app({ keyPrefix, role: 'api' });
    await redis.app({ keyPrefix, role: 'worker' }, { onRedisClient: counter.attach });
    const steps: StepInput[] = [
      { id: 'mark', type: 'CACHE', action: 'set', parameters: { key: 'k', value: '{n}' } },
    ];
    dataOf(
      await gql(api, CreatePattern, { input: { id: 'one', name: 'one', category: 'USER', steps } }),
    );
    const run = async (n: number) => {
      const started = await api.services.executions.execute(DEV_ADMIN, {
        patternId: 'one',
        input: { n },
        mode: 'ASYNC',
        idempotencyKey: null,
      });
      // Its end announced: the last thing the worker writes for it.
      await until(async () => {
        const [last] = await redis.admin.xrevrange(keys.eventLog(), '+', '-', 'COUNT', 1);
        return last?.[1].includes('PATTERN_EXECUTED') && last[1].join().includes(started.id);
      });
      const [execution] = await api.services.executions.getMany(DEV_ADMIN, [started.id]);
      expect(execution).toMatchObject({ status: 'SUCCEEDED', instance: expect.any(String) });
    };
    // The first run loads the scripts and leaves the pattern's version kept in the worker.
    await run(1);
    const writesBefore = counter.writes;
    const commandsBefore = counter.commands.length;
    await run(2);
    const sent = counter.commands.slice(commandsBefore).map((command) => command.name);
    // The claim (which checks that the version kept is still the current one: a waiting run
    // starts only if its pattern may still run); the step's write, its RUNNING result and the
    // start's events; its SUCCEEDED result, the end's record (which counts the statistics with
    // it), the step's event; the end's event.
    expect(sent.sort()).toEqual([...Array(7).fill('evalsha'), 'set'].sort());
    expect(counter.writes - writesBefore).toBeLessThanOrEqual(4);
    // Nor is the worker sent the events it (or any instance) publishes: it serves no subscriber.
    const channel = keys.eventChannel();
    expect(await redis.admin.pubsub('NUMSUB', channel)).toEqual([channel, 1]);
  });
});
