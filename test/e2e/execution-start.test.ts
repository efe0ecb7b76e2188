/**
 * Starting a run: the version of a pattern last read is not read again (one round trip to start
 * a run of a pattern run before), and yet a run always uses the current version, whichever
 * instance changed it.
 */
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import type { StepInput } from '../gql/graphql.js';
import { dataOf, errorsOf, gql } from '../helpers/app.js';
import { uniquePrefix } from '../helpers/prefix.js';
import { useRedisApps } from '../helpers/redis-app.js';
import { RoundTripCounter } from '../helpers/round-trips.js';
import { ExecutePattern } from './execution-operations.js';
import { CreatePattern, DeletePattern, UpdatePattern } from './operations.js';

const redis = useRedisApps('start');

const setTo = (value: string): StepInput[] => [
  { id: 'set', type: 'CACHE', action: 'set', parameters: { key: 'k', value } },
];

async function create(app: App, id: string, steps: StepInput[]) {
  dataOf(await gql(app, CreatePattern, { input: { id, name: id, category: 'USER', steps } }));
}

const run = (app: App, id: string) => gql(app, ExecutePattern, { id, mode: 'SYNC' });

describe('starting an execution', () => {
  it('takes one round trip fewer once the pattern has run here (no second read of it)', async () => {
    const counter = new RoundTripCounter();
    const app = await redis.app({}, { onRedisClient: counter.attach });
    // Every script is loaded by a first run of another pattern, so both runs below find them.
    await create(app, 'warm', setTo('w'));
    dataOf(await run(app, 'warm'));
    await create(app, 'once', setTo('v'));
    const first = await counter.count(async () => dataOf(await run(app, 'once')));
    const second = await counter.count(async () => dataOf(await run(app, 'once')));
    expect(second).toBe(first - 1);
  });

  it('runs the current version after another instance changed, deactivated or deleted it', async () => {
    const keyPrefix = uniquePrefix('start-shared');
    const a = await redis.app({ keyPrefix });
    const b = await redis.app({ keyPrefix });
    await create(a, 'shared', setTo('v1'));
    expect(dataOf(await run(a, 'shared')).executePattern.patternVersion).toBe(1);

    dataOf(await gql(b, UpdatePattern, { id: 'shared', input: { steps: setTo('v2') } }));
    const second = dataOf(await run(a, 'shared')).executePattern;
    expect(second.patternVersion).toBe(2);
    expect(second.status).toBe('SUCCEEDED');

    dataOf(await gql(b, UpdatePattern, { id: 'shared', input: { isActive: false } }));
    const [inactive] = errorsOf(await run(a, 'shared'));
    expect(inactive?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(inactive?.message).toContain('not active');

    dataOf(await gql(b, UpdatePattern, { id: 'shared', input: { isActive: true } }));
    expect(dataOf(await run(a, 'shared')).executePattern.patternVersion).toBe(4);
    dataOf(await gql(b, DeletePattern, { id: 'shared' }));
    const [gone] = errorsOf(await run(a, 'shared'));
    expect(gone?.extensions?.code).toBe('NOT_FOUND');
  });

  it('checks an input against the current version, not the one last run here', async () => {
    const keyPrefix = uniquePrefix('start-input');
    const a = await redis.app({ keyPrefix });
    const b = await redis.app({ keyPrefix });
    await create(a, 'needs', setTo('{amount}'));
    const [missing] = errorsOf(await run(a, 'needs'));
    expect(missing?.extensions?.code).toBe('BAD_USER_INPUT');
    // B drops the placeholder: A's remembered copy would still refuse, the current one runs.
    dataOf(await gql(b, UpdatePattern, { id: 'needs', input: { steps: setTo('fixed') } }));
    expect(dataOf(await run(a, 'needs')).executePattern.status).toBe('SUCCEEDED');
  });
});
