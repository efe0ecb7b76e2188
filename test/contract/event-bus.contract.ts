/** What every event bus adapter does with `since` replay and live events, read or pushed. */
import { describe, expect, it } from 'vitest';
import type { EventBus, EventBusSettings, NexusEvent } from '../../src/domain/events/event.js';
import { mapStream, PUSH } from '../../src/domain/events/push.js';
import { compareStreamIds } from '../../src/domain/shared/stream-ids.js';
import { describeEventLogReads } from './event-log-read.contract.js';

/** A sink that records names and lets a test wait for the n-th event. */
function recorder() {
  const names: string[] = [];
  const errors: Error[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const settle = () => {
    for (const waiter of waiters.splice(0)) {
      if (names.length >= waiter.count || errors.length > 0) waiter.resolve();
      else waiters.push(waiter);
    }
  };
  return {
    names,
    errors,
    sink: {
      next: (event: NexusEvent) => {
        names.push(event.name ?? '');
        settle();
      },
      error: (error: Error) => {
        errors.push(error);
        settle();
      },
      complete: () => {},
    },
    /** Resolves once the names so far pass `when` (or an error arrived). */
    until: (when: (names: string[]) => boolean) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (when(names) || errors.length > 0) resolve();
          else waiters.push({ count: names.length + 1, resolve: check });
        };
        check();
      }),
    /** Resolves once `count` events (or an error) have arrived. */
    received: (count: number) =>
      new Promise<void>((resolve) => {
        waiters.push({ count, resolve });
        settle();
      }),
  };
}

const custom = (name: string, blob?: string) => ({
  type: 'CUSTOM' as const,
  name,
  ...(blob === undefined ? {} : { payload: { blob } }),
});

/** What the factories build their buses with, unless a test asks for other settings. */
export const CONTRACT_BUS_SETTINGS: EventBusSettings = {
  maxLength: 1_000,
  maxBytes: 1024 * 1024,
  maxQueued: 100,
  maxEventBytes: 64 * 1024,
  maxReplays: 8,
};

export function describeEventBusContract(
  adapter: string,
  makeBus: (settings?: Partial<EventBusSettings>) => Promise<EventBus>,
): void {
  describe(`event bus contract: ${adapter}`, () => {
    it('pushes the replay after `since`, then live events, with no gap and no duplicate at the seam', async () => {
      const bus = await makeBus();
      await bus.publish(custom('one'));
      await bus.publish(custom('two'));
      const seen = recorder();
      // On Redis, 'three' is logged before the replay reads the log and also reaches the live
      // listener, registered before that read: it must come exactly once.
      const publishing = bus.publish(custom('three'));
      const stop = bus.subscribe('0-0')[PUSH](seen.sink);
      await publishing;
      await bus.publish(custom('four'));
      await seen.received(4);
      await bus.publish(custom('five'));
      await seen.received(5);
      stop();
      expect(seen.names).toEqual(['one', 'two', 'three', 'four', 'five']);
    });

    it('pushes only what `keep` accepts, and nothing once stopped', async () => {
      const bus = await makeBus();
      const kept = recorder();
      const everything = recorder();
      const stopKept = bus
        .subscribe(null, { keep: (event) => event.name !== 'skip' })
        [PUSH](kept.sink);
      const stopEverything = bus.subscribe(null)[PUSH](everything.sink);
      await bus.publish(custom('skip'));
      await bus.publish(custom('keep'));
      await everything.received(2);
      await kept.received(1);
      stopKept();
      await bus.publish(custom('after'));
      await everything.received(3);
      stopEverything();
      expect(kept.names).toEqual(['keep']);
      expect(everything.names).toEqual(['skip', 'keep', 'after']);
    });

    it('reads the same events through the iterator as it pushes', async () => {
      const bus = await makeBus();
      await bus.publish(custom('a'));
      const stream = bus.subscribe('0-0');
      const pushed = recorder();
      const stop = bus.subscribe('0-0')[PUSH](pushed.sink);
      await bus.publish(custom('b'));
      const read: string[] = [];
      for await (const event of stream) {
        read.push(event.name ?? '');
        if (read.length === 2) break;
      }
      await pushed.received(2);
      stop();
      expect(read).toEqual(['a', 'b']);
      expect(pushed.names).toEqual(read);
    });

    it('maps a stream either way, and stops the source when the mapped stream stops', async () => {
      const bus = await makeBus();
      await bus.publish(custom('m1'));
      const names: string[] = [];
      let arrived = () => {};
      const two = new Promise<void>((resolve) => {
        arrived = () => names.length === 2 && resolve();
      });
      const stop = mapStream(bus.subscribe('0-0'), (event) => event.name?.toUpperCase())[PUSH]({
        next: (name) => {
          names.push(name ?? '');
          arrived();
        },
        error: () => {},
        complete: () => {},
      });
      const read = mapStream(bus.subscribe('0-0'), (event) => event.name?.toUpperCase());
      await bus.publish(custom('m2'));
      await two;
      stop();
      expect(names).toEqual(['M1', 'M2']);
      expect((await read.next()).value).toBe('M1');
      expect((await read.next()).value).toBe('M2');
      await read.return?.();
      expect(await read.next()).toEqual({ value: undefined, done: true });
    });

    it('delivers events published together in order, each with its own log id, and replays them', async () => {
      const bus = await makeBus();
      const live: NexusEvent[] = [];
      let arrived = () => {};
      const all = new Promise<void>((resolve) => {
        arrived = () => live.length === 5 && resolve();
      });
      const stop = bus.subscribe(null)[PUSH]({
        next: (event) => {
          live.push(event);
          arrived();
        },
        error: () => {},
        complete: () => {},
      });
      // One tick: on Redis, one script call and one channel message for the five.
      await Promise.all(['b1', 'b2', 'b3', 'b4', 'b5'].map((name) => bus.publish(custom(name))));
      await all;
      stop();
      expect(live.map((event) => event.name)).toEqual(['b1', 'b2', 'b3', 'b4', 'b5']);
      const ids = live.map((event) => event.id);
      expect(new Set(ids).size).toBe(5);
      expect([...ids].sort(compareStreamIds)).toEqual(ids);
      const replayed = recorder();
      const stopReplay = bus.subscribe(ids[1] ?? '')[PUSH](replayed.sink);
      await replayed.received(3);
      stopReplay();
      expect(replayed.names).toEqual(['b3', 'b4', 'b5']);
    });

    it('hands the replay over at the pace the sink asks for, live events queued behind it', async () => {
      const bus = await makeBus();
      for (const name of ['r1', 'r2', 'r3']) await bus.publish(custom(name));
      const names: string[] = [];
      let release = () => {};
      let gate: Promise<void> | null = new Promise<void>((resolve) => {
        release = resolve;
      });
      let arrived = () => {};
      const four = new Promise<void>((resolve) => {
        arrived = () => names.length === 4 && resolve();
      });
      const stop = bus.subscribe('0-0')[PUSH]({
        next: (event) => {
          names.push(event.name ?? '');
          arrived();
        },
        error: () => {},
        complete: () => {},
        // Takes one event, then asks to wait until released.
        whenReady: () => (names.length >= 1 ? gate : null),
      });
      const held = new Promise<void>((resolve) => setImmediate(resolve));
      await bus.publish(custom('live'));
      await held;
      expect(names).toEqual(['r1']);
      gate = null;
      release();
      await four;
      stop();
      expect(names).toEqual(['r1', 'r2', 'r3', 'live']);
    });

    it('counts only live events towards the limit, not a long replay', async () => {
      const bus = await makeBus();
      // The factories allow 100 queued events; the log holds more than that.
      for (let i = 0; i < 150; i++) await bus.publish(custom(`old${i}`));
      const stream = bus.subscribe('0-0');
      const first = await stream.next();
      const seen = recorder();
      const stop = bus.subscribe(null)[PUSH](seen.sink);
      await bus.publish(custom('new'));
      await seen.received(1);
      stop();
      let count = first.done ? 0 : 1;
      for await (const event of stream) {
        count += 1;
        if (event.name === 'new') break;
      }
      expect(count).toBe(151);
    });

    it('ends only the stream of a sink that throws; the others go on', async () => {
      const bus = await makeBus();
      const healthy = recorder();
      const failures: Error[] = [];
      bus.subscribe(null)[PUSH]({
        next: () => {
          throw new Error('sink broke');
        },
        error: (error) => failures.push(error),
        complete: () => {},
      });
      const stop = bus.subscribe(null)[PUSH](healthy.sink);
      await bus.publish(custom('x'));
      await bus.publish(custom('y'));
      await healthy.received(2);
      stop();
      expect(healthy.names).toEqual(['x', 'y']);
      expect(failures.map((e) => e.message)).toEqual(['sink broke']);
    });

    it('refuses an event whose payload is past maxEventBytes with LIMIT_EXCEEDED, and sends nothing', async () => {
      const bus = await makeBus({ maxEventBytes: 1000 });
      const seen = recorder();
      const stop = bus.subscribe(null)[PUSH](seen.sink);
      const refused = await bus
        .publish({ type: 'CUSTOM', name: 'big', payload: { blob: 'x'.repeat(1000) } })
        .then(
          () => null,
          (error: { code?: string }) => error.code,
        );
      expect(refused).toBe('LIMIT_EXCEEDED');
      // The envelope does not count: a payload of just under the limit goes.
      await bus.publish({ type: 'CUSTOM', name: 'fits', payload: { blob: 'x'.repeat(980) } });
      await seen.received(1);
      stop();
      expect(seen.names).toEqual(['fits']);
    });

    it('keeps no more of the log than maxBytes allows, dropping the oldest first', async () => {
      const bus = await makeBus({ maxBytes: 10_000 });
      const blob = 'x'.repeat(900);
      for (let i = 0; i < 40; i++) await bus.publish(custom(`e${i}`, blob));
      const replayed = recorder();
      const stop = bus.subscribe('0-0')[PUSH](replayed.sink);
      await bus.publish(custom('end'));
      await replayed.received(1);
      await replayed.until((names) => names.includes('end'));
      stop();
      const kept = replayed.names.filter((name) => name !== 'end');
      // About ten events of ~1 KB fit; the newest are the ones kept, in order.
      expect(kept.length).toBeGreaterThanOrEqual(7);
      expect(kept.length).toBeLessThanOrEqual(10);
      expect(kept).toEqual(
        Array.from({ length: kept.length }, (_, i) => `e${40 - kept.length + i}`),
      );
    });

    it('loses nothing when more live events arrive during a replay than a subscriber may queue', async () => {
      // The factories allow 100 queued events.
      const bus = await makeBus();
      for (let i = 0; i < 300; i++) await bus.publish(custom(`old${i}`));
      const names: string[] = [];
      let release = () => {};
      let gate: Promise<void> | null = new Promise<void>((resolve) => {
        release = () => {
          gate = null;
          resolve();
        };
      });
      let arrived = () => {};
      const all = new Promise<void>((resolve) => {
        arrived = () => names.at(-1) === 'new249' && resolve();
      });
      let caughtUp = 0;
      let ended = 0;
      const stop = bus
        .subscribe('0-0', {
          keep: (event) => event.type === 'CUSTOM',
          onCaughtUp: () => {
            caughtUp += 1;
          },
          onEnd: () => {
            ended += 1;
          },
        })
        [PUSH]({
          next: (event) => {
            names.push(event.name ?? '');
            arrived();
          },
          error: (error) => names.push(`error: ${error.message}`),
          complete: () => {},
          whenReady: () => (names.length >= 1 ? gate : null),
        });
      // Held after its first event, mid-replay, while 250 live events come.
      const live = recorder();
      const stopLive = bus.subscribe(null)[PUSH](live.sink);
      for (let i = 0; i < 250; i++) await bus.publish(custom(`new${i}`));
      await live.received(250);
      stopLive();
      expect(caughtUp).toBe(0);
      release();
      await all;
      stop();
      expect(names).toEqual([
        ...Array.from({ length: 300 }, (_, i) => `old${i}`),
        ...Array.from({ length: 250 }, (_, i) => `new${i}`),
      ]);
      expect([caughtUp, ended]).toEqual([1, 1]);
    });

    it('never hands a replay what `admits` refuses', async () => {
      const bus = await makeBus();
      await bus.publish({ type: 'CUSTOM', name: 'mine', audience: 'alice' });
      await bus.publish({ type: 'CUSTOM', name: 'theirs', audience: 'bob' });
      await bus.publish({ type: 'PROGRESS', name: 'progress', audience: 'alice' });
      await bus.publish({ type: 'CUSTOM', name: 'everyone' });
      const seen = recorder();
      const stop = bus
        .subscribe('0-0', {
          admits: (header) =>
            header.type === 'CUSTOM' && (header.audience === null || header.audience === 'alice'),
        })
        [PUSH](seen.sink);
      await bus.publish(custom('live'));
      await seen.until((names) => names.includes('live'));
      stop();
      expect(seen.names).toEqual(['mine', 'everyone', 'live']);
    });

    describeEventLogReads(makeBus);
  });
}
