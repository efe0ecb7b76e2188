/** What every CancelBroadcast must do; run against each adapter by cancel-broadcast.*.test.ts. */
import { describe, expect, it } from 'vitest';
import type { CancelBroadcast } from '../../src/domain/execution/cancel-broadcast.js';

/**
 * `makePair` gives two broadcasts as two processes would hold them (the memory adapter has one
 * process: both are the same object).
 */
export function describeCancelBroadcastContract(
  adapter: string,
  makePair: () => Promise<{ here: CancelBroadcast; there: CancelBroadcast }>,
) {
  describe(`CancelBroadcast contract: ${adapter}`, () => {
    it('tells the watchers of an execution, in any process, that it is cancelled', async () => {
      const { here, there } = await makePair();
      const heard: string[] = [];
      const heardThere = new Promise<void>((resolve) => {
        there.watch('x1', {
          cancelled: () => {
            heard.push('there');
            resolve();
          },
          missed: () => {},
        });
      });
      const heardHere = new Promise<void>((resolve) => {
        here.watch('x1', {
          cancelled: () => {
            heard.push('here');
            resolve();
          },
          missed: () => {},
        });
      });
      await here.publish('x1');
      await Promise.all([heardThere, heardHere]);
      expect(heard.sort()).toEqual(['here', 'there']);
    });

    it('tells only the watchers of that execution, and none once they stopped watching', async () => {
      const { here, there } = await makePair();
      const heard: string[] = [];
      const stop = there.watch('x2', { cancelled: () => heard.push('x2'), missed: () => {} });
      there.watch('x3', { cancelled: () => heard.push('x3'), missed: () => {} });
      stop();
      // Messages on one channel arrive in order: once x3 is heard, x2 and x4 were passed over.
      const last = new Promise<void>((resolve) => {
        there.watch('x3', { cancelled: resolve, missed: () => {} });
      });
      await here.publish('x2');
      await here.publish('x4');
      await here.publish('x3');
      await last;
      expect(heard).toEqual(['x3']);
    });
  });
}
