import type { Redis } from 'ioredis';
import type {
  EventHeader,
  NexusEvent,
  NexusEventInput,
  NexusEventType,
  SubscribeOptions,
} from '../../domain/events/event.js';
import type { LogEntry } from '../../domain/events/event-log-read.js';
import type { ReplayPage } from '../../domain/events/replay-then-live.js';
import type { RedisKeys } from './keys.js';

/**
 * A replay's pages aim at this many bytes: the first is small (the entries' size is not known
 * yet), the next sized by the last one's average entry.
 */
const PAGE_BYTES = 32 * 1024;
export const FIRST_PAGE = 16;
export const MAX_PAGE = 64;

/** Reads the event log (a stream) after an id: for replays, and to fill a gap after a loss. */
export class EventLogReader {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  /** Where the log ends now ('0-0' while it is empty). */
  async newestId(): Promise<string> {
    const newest = await this.redis.xrevrange(this.keys.eventLog(), '+', '-', 'COUNT', 1);
    return newest[0]?.[0] ?? '0-0';
  }

  /** Up to `count` entries after `after`; those `admits` refuses are not parsed. */
  async page(
    after: string,
    count: number,
    admits: SubscribeOptions['admits'],
  ): Promise<ReplayPage & { next: number }> {
    // As bytes: only the entries a subscriber may see are decoded and parsed.
    const entries = await this.entriesAfter(after, count);
    const events: NexusEvent[] = [];
    let bytes = 0;
    for (const [id, fields] of entries) {
      const entry = readEntry(fields);
      bytes += entry.json.length;
      if (admits && entry.header && !admits(entry.header)) continue;
      events.push(eventOf(id, entry.json));
    }
    const average = entries.length > 0 ? bytes / entries.length : 0;
    const next =
      average > 0 ? Math.max(1, Math.min(MAX_PAGE, Math.floor(PAGE_BYTES / average))) : count;
    return {
      events,
      lastId: entries.at(-1)?.[0].toString() ?? null,
      end: entries.length < count,
      next,
    };
  }

  /** The raw entries after `after`, at most `count`. */
  entriesAfter(after: string, count: number): Promise<Array<[Buffer, Buffer[]]>> {
    return this.redis.xrangeBuffer(this.keys.eventLog(), `(${after}`, '+', 'COUNT', count);
  }

  /** The raw entries before `before` (null: from the newest), newest first, at most `count`. */
  entriesBefore(before: string | null, count: number): Promise<Array<[Buffer, Buffer[]]>> {
    const end = before === null ? '+' : `(${before}`;
    return this.redis.xrevrangeBuffer(this.keys.eventLog(), end, '-', 'COUNT', count);
  }
}

/** An entry for a snapshot read: its header read at once, its event parsed only when asked. */
export function logEntryOf([rawId, fields]: [Buffer, Buffer[]]): LogEntry {
  const { header, json } = readEntry(fields);
  return { id: rawId.toString(), header, event: () => eventOf(rawId, json) };
}

/** The event an entry holds, with its id. */
export function eventOf(id: Buffer, json: Buffer): NexusEvent {
  const event = JSON.parse(json.toString()) as NexusEventInput;
  return { ...event, id: id.toString() } as NexusEvent;
}

/**
 * An entry's fields: type, audience, event (older entries hold only the event). The three names
 * differ in length (4, 8, 5 bytes), which tells them apart without decoding them.
 */
export function readEntry(fields: Buffer[]): { header: EventHeader | null; json: Buffer } {
  let type: string | undefined;
  let audience: string | undefined;
  let json: Buffer = EMPTY_EVENT;
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const length = (fields[i] as Buffer).length;
    const value = fields[i + 1] as Buffer;
    if (length === 5) json = value;
    else if (length === 4) type = value.toString();
    else if (length === 8) audience = value.length === 0 ? '' : value.toString();
  }
  const header =
    type === undefined ? null : { type: type as NexusEventType, audience: audience || null };
  return { header, json };
}

const EMPTY_EVENT = Buffer.from('{}');
