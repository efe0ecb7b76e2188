import { describe, expect, it } from 'vitest';
import { signToken } from '../../src/server/authenticate.js';
import { dataOf, gql } from '../helpers/app.js';
import { useBothAdapters } from '../helpers/both-adapters.js';
import { connectWs, subscribeWs } from '../helpers/ws-client.js';
import { ExecutePattern } from './execution-operations.js';
import { CreatePattern } from './operations.js';

const { redis, clients, adapters } = useBothAdapters('execprogress');

const wait = (id: string, ms: number, dependsOn: string[] = []) => ({
  id,
  type: 'DELAY' as const,
  action: 'wait',
  parameters: { ms },
  dependsOn,
});

const SHAPES = {
  sequential: [wait('a', 15), wait('b', 15, ['a']), wait('c', 15, ['b'])],
  // b and c run side by side (and finish in the same millisecond more often than not).
  parallel: [wait('a', 10), wait('b', 15, ['a']), wait('c', 15, ['a']), wait('d', 10, ['b', 'c'])],
};

interface Frame {
  status: string;
  percent: number;
  currentStage: string | null;
  stages: Array<{ name: string; status: string }>;
}

const PROGRESS = `subscription($id: ID!) {
  executionProgress(executionId: $id) { status percent currentStage stages { name status } }
}`;

describe.each(adapters)('executionProgress on %s', (_adapter, makeApp) => {
  it.each(Object.keys(SHAPES) as Array<keyof typeof SHAPES>)(
    'sends one frame per change of a %s run, from its start to its end',
    async (shape) => {
      const app = await makeApp();
      const steps = SHAPES[shape];
      const id = `frames-${shape}`;
      dataOf(await gql(app, CreatePattern, { input: { id, name: id, category: 'USER', steps } }));
      for (let run = 0; run < 3; run++) {
        const started = dataOf(await gql(app, ExecutePattern, { id, mode: 'ASYNC' }));
        const frames = await subscribeWs<Frame>(connectWs(app, clients), PROGRESS, {
          id: started.executePattern.id,
        }).rest();
        for (let i = 1; i < frames.length; i++)
          expect(frames[i], `frame ${i} of ${JSON.stringify(frames)}`).not.toEqual(frames[i - 1]);
        const last = frames.at(-1);
        expect(last?.status).toBe('COMPLETED');
        expect(last?.percent).toBe(100);
        const percents = frames.map((frame) => frame.percent);
        expect([...percents].sort((x, y) => x - y)).toEqual(percents);
      }
    },
  );
});

describe('executionProgress of an execution the caller cannot read', () => {
  const SECRET = 'execution-progress-test-secret-0123456789';

  it('answers NOT_FOUND for an unknown id and for another user’s execution', async () => {
    const app = await redis.app({ jwtSecret: SECRET });
    const bob = await signToken(SECRET, { sub: 'bob' });
    const alice = await signToken(SECRET, { sub: 'alice' });
    const steps = [wait('a', 1)];
    dataOf(
      await gql(
        app,
        CreatePattern,
        { input: { id: 'bobs', name: 'bobs', category: 'USER', steps } },
        bob,
      ),
    );
    const bobsRun = dataOf(await gql(app, ExecutePattern, { id: 'bobs', mode: 'SYNC' }, bob));
    for (const [who, id] of [
      ['alice', bobsRun.executePattern.id],
      ['bob', 'no-such-execution'],
    ] as const) {
      const token = who === 'alice' ? alice : bob;
      const outcome = await subscribeWs<Frame>(connectWs(app, clients, token), PROGRESS, {
        id,
      }).outcome();
      expect(outcome.data).toEqual([]);
      expect(outcome.errors.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
    }
    // The owner still gets the progress (finished: one frame).
    const own = await subscribeWs<Frame>(connectWs(app, clients, bob), PROGRESS, {
      id: bobsRun.executePattern.id,
    }).rest();
    expect(own.map((frame) => frame.status)).toEqual(['COMPLETED']);
  });
});
