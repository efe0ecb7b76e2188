import type { EventHeader, NexusEvent, SubscribeOptions } from './event.js';

/** Entries one read examines at most, unless it asks for fewer: bounds a selective filter's cost. */
export const MAX_EXAMINED_PER_READ = 5_000;

/** Entries fetched from the log at a time. */
const PAGE = 256;

/** A snapshot read of the event log (EventBus.read). */
export interface EventLogQuery {
  /** Read forward from just after this id; null: the newest events. */
  since: string | null;
  /** Events wanted (those `admits` and `keep` pass). */
  limit: number;
  /** Entries examined at most (default MAX_EXAMINED_PER_READ). */
  maxExamined?: number;
  /** Checked on an entry's header before it is parsed (see SubscribeOptions.admits). */
  admits?: SubscribeOptions['admits'];
  /** Checked on the parsed event. */
  keep?: SubscribeOptions['keep'];
}

export interface EventLogSlice {
  /** Oldest first. */
  events: NexusEvent[];
  /**
   * Where the read got to, to pass as `since` to continue with no gap and no duplicate. Without
   * `since`: the newest id in the log when it was read (kept or not). With `since`: the id of the
   * last entry examined (`since` itself when nothing followed it). Null only for an empty log.
   */
  cursor: string | null;
  /** Entries follow `cursor` in the log (always false without `since`). */
  hasMore: boolean;
}

/** One entry as an adapter reads it: its header, if the log keeps one, and its event on demand. */
export interface LogEntry {
  id: string;
  header: EventHeader | null;
  event(): NexusEvent;
}

/** How an adapter hands out its log, a page at a time. */
export interface LogPages {
  /** Up to `count` entries after `id`, oldest first. */
  after(id: string, count: number): Promise<LogEntry[]>;
  /** Up to `count` entries before `id` (null: from the newest), newest first. */
  before(id: string | null, count: number): Promise<LogEntry[]>;
}

/** The read both adapters share: pages until `limit` events matched or the budget is spent. */
export async function readLog(pages: LogPages, query: EventLogQuery): Promise<EventLogSlice> {
  const budget = Math.max(1, query.maxExamined ?? MAX_EXAMINED_PER_READ);
  const limit = Math.max(1, query.limit);
  const matches = (entry: LogEntry): NexusEvent | null => {
    if (query.admits && entry.header && !query.admits(entry.header)) return null;
    const event = entry.event();
    return !query.keep || query.keep(event) ? event : null;
  };
  return query.since === null
    ? newest(pages, limit, budget, matches)
    : forward(pages, query.since, limit, budget, matches);
}

async function forward(
  pages: LogPages,
  since: string,
  limit: number,
  budget: number,
  matches: (entry: LogEntry) => NexusEvent | null,
): Promise<EventLogSlice> {
  const events: NexusEvent[] = [];
  let cursor = since;
  let examined = 0;
  for (;;) {
    const want = Math.min(PAGE, budget - examined);
    // One entry more than is examined: it tells whether the log goes on, and is never parsed.
    const page = await pages.after(cursor, want + 1);
    const end = Math.min(want, page.length);
    for (let i = 0; i < end; i++) {
      const entry = page[i] as LogEntry;
      examined += 1;
      cursor = entry.id;
      const event = matches(entry);
      if (event) events.push(event);
      if (events.length >= limit) return { events, cursor, hasMore: i + 1 < page.length };
    }
    if (page.length <= want) return { events, cursor, hasMore: false };
    if (examined >= budget) return { events, cursor, hasMore: true };
  }
}

async function newest(
  pages: LogPages,
  limit: number,
  budget: number,
  matches: (entry: LogEntry) => NexusEvent | null,
): Promise<EventLogSlice> {
  const events: NexusEvent[] = [];
  let cursor: string | null = null;
  let before: string | null = null;
  let examined = 0;
  while (events.length < limit && examined < budget) {
    const want = Math.min(PAGE, budget - examined);
    const page: LogEntry[] = await pages.before(before, want);
    // The first entry of the first page is the newest of the log as it was read: what follows
    // it is what a subscription `since` it will bring, so the two meet with no gap or duplicate.
    cursor ??= page[0]?.id ?? null;
    for (const entry of page) {
      examined += 1;
      const event = matches(entry);
      if (event) events.push(event);
      if (events.length >= limit) break;
    }
    if (page.length < want) break;
    before = page.at(-1)?.id ?? null;
  }
  return { events: events.reverse(), cursor, hasMore: false };
}
