/** EventBus.read on each adapter: snapshots of the log, bounded, paired with `since` replays. */
import { describe, expect, it } from 'vitest';
import type {
  EventBus,
  EventBusSettings,
  EventHeader,
  NexusEvent,
} from '../../src/domain/events/event.js';
import { PUSH } from '../../src/domain/events/push.js';

/** Publishes `names` as CUSTOM events in one tick (one batch on Redis), in order. */
async function publishAll(bus: EventBus, names: string[], audience?: string): Promise<void> {
  await Promise.all(names.map((name) => bus.publish({ type: 'CUSTOM', name, audience })));
}

const range = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix}${i}`);
const namesOf = (events: NexusEvent[]) => events.map((event) => event.name);

export function describeEventLogReads(
  makeBus: (settings?: Partial<EventBusSettings>) => Promise<EventBus>,
): void {
  describe('read', () => {
    it('reads an empty log as nothing, with no cursor', async () => {
      const bus = await makeBus();
      expect(await bus.read({ since: null, limit: 10 })).toEqual({
        events: [],
        cursor: null,
        hasMore: false,
      });
      expect(await bus.read({ since: '0-0', limit: 10 })).toEqual({
        events: [],
        cursor: '0-0',
        hasMore: false,
      });
    });

    it('reads the newest matching events oldest first, the cursor at the newest entry of the log', async () => {
      const bus = await makeBus();
      await publishAll(bus, range('e', 600));
      await bus.publish({ type: 'CUSTOM', name: 'last', audience: 'bob' });
      const newestId = (await bus.read({ since: null, limit: 1 })).cursor;
      const page = await bus.read({
        since: null,
        limit: 300,
        keep: (event) => event.audience !== 'bob',
      });
      expect(namesOf(page.events)).toEqual(range('e', 600).slice(300));
      // The newest entry (not kept) is where a subscription picks up.
      expect(page.cursor).toBe(newestId);
      expect(page.events.at(-1)?.id).not.toBe(newestId);
      expect(page.hasMore).toBe(false);
    });

    it('reads forward after `since` page by page: every event once, in order', async () => {
      const bus = await makeBus();
      await publishAll(bus, range('e', 700));
      const names: Array<string | null | undefined> = [];
      let since = '0-0';
      let reads = 0;
      for (;;) {
        const page = await bus.read({ since, limit: 256 });
        reads += 1;
        names.push(...namesOf(page.events));
        expect(page.cursor).toBe(page.events.at(-1)?.id ?? since);
        since = page.cursor ?? since;
        if (!page.hasMore) break;
      }
      expect(names).toEqual(range('e', 700));
      expect(reads).toBe(3);
      // Exactly at the end: nothing more, and the cursor stays.
      expect(await bus.read({ since, limit: 10 })).toEqual({
        events: [],
        cursor: since,
        hasMore: false,
      });
    });

    it('tells whether more follow when the page fills at the end of a page of the log', async () => {
      const bus = await makeBus();
      await publishAll(bus, range('e', 512));
      const first = await bus.read({ since: '0-0', limit: 256 });
      expect(first.hasMore).toBe(true);
      const second = await bus.read({ since: first.cursor ?? '', limit: 256 });
      expect(namesOf(second.events)).toEqual(range('e', 512).slice(256));
      expect(second.hasMore).toBe(false);
    });

    it('stops a selective read at its budget, with the cursor at the last entry examined', async () => {
      const bus = await makeBus();
      await publishAll(bus, range('noise', 900), 'bob');
      await bus.publish({ type: 'CUSTOM', name: 'wanted' });
      const examined: string[] = [];
      const admits = (header: EventHeader) => header.audience == null;
      const page = await bus.read({
        since: '0-0',
        limit: 10,
        maxExamined: 400,
        admits,
        keep: (event) => {
          examined.push(event.name ?? '');
          return true;
        },
      });
      expect(page.events).toEqual([]);
      expect(page.hasMore).toBe(true);
      // What `admits` refused was never parsed, so never reached `keep`.
      expect(examined).toEqual([]);
      const all = await bus.read({ since: '0-0', limit: 1_000 });
      expect(page.cursor).toBe(all.events[399]?.id);
      // Reading on from the cursor finds the rest, within its own budget each time.
      let since = page.cursor ?? '';
      const found: NexusEvent[] = [];
      let reads = 1;
      for (;;) {
        const next = await bus.read({ since, limit: 10, maxExamined: 400, admits });
        reads += 1;
        found.push(...next.events);
        since = next.cursor ?? since;
        if (!next.hasMore) break;
      }
      expect(namesOf(found)).toEqual(['wanted']);
      expect(reads).toBe(3);
      // Without `since`, the budget bounds the look back the same way.
      const back = await bus.read({ since: null, limit: 10, maxExamined: 100, admits });
      expect(namesOf(back.events)).toEqual(['wanted']);
      const none = await bus.read({
        since: null,
        limit: 10,
        maxExamined: 100,
        keep: (event) => event.name === 'noise0',
      });
      expect(none.events).toEqual([]);
      expect(none.cursor).toBe(found[0]?.id);
    });

    it('pairs with a subscription from its cursor while events are published: none missing, none twice', async () => {
      const bus = await makeBus();
      await publishAll(bus, range('before', 50));
      let publishing = true;
      let published = 0;
      const publisher = (async () => {
        while (publishing) {
          await publishAll(bus, [`live${published++}`]);
          // The memory bus publishes in microtasks alone: yield, so the reads below interleave.
          await new Promise((resolve) => setImmediate(resolve));
        }
      })();
      // Read while the publisher runs: the snapshot ends wherever the log was at that moment.
      while (published < 20) await new Promise((resolve) => setImmediate(resolve));
      const snapshot = await bus.read({ since: null, limit: 500 });
      const seen: string[] = [];
      let received!: () => void;
      const enough = new Promise<void>((resolve) => {
        received = resolve;
      });
      let target = Number.POSITIVE_INFINITY;
      const stop = bus.subscribe(snapshot.cursor ?? '0-0')[PUSH]({
        next: (event) => {
          seen.push(event.name ?? '');
          if (seen.length >= target) received();
        },
        error: () => {},
        complete: () => {},
      });
      while (published < 80) await new Promise((resolve) => setImmediate(resolve));
      publishing = false;
      await publisher;
      const total = 50 + published;
      target = total - snapshot.events.length;
      if (seen.length >= target) received();
      await enough;
      stop();
      const names = [...namesOf(snapshot.events), ...seen];
      expect(names).toEqual([...range('before', 50), ...range('live', published)]);
    });
  });
}
