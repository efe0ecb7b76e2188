/** What every event bus adapter does with `since` replay and live events, read or pushed. */
import { describe, expect, it } from 'vitest';
import type { EventBus, NexusEvent } from '../../src/domain/events/event.js';
import { mapStream, PUSH } from '../../src/domain/events/push.js';
import { compareStreamIds } from '../../src/domain/shared/stream-ids.js';

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
    /** Resolves once `count` events (or an error) have arrived. */
    received: (count: number) =>
      new Promise<void>((resolve) => {
        waiters.push({ count, resolve });
        settle();
      }),
  };
}

const custom = (name: string) => ({ type: 'CUSTOM' as const, name });

export function describeEventBusContract(adapter: string, makeBus: () => Promise<EventBus>): void {
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
  });
}
