import type { Redis } from 'ioredis';
import type {
  AuditEntry,
  AuditEntryInput,
  AuditLog,
  AuditPage,
  AuditQuery,
} from '../../domain/audit/audit-log.js';
import type { RedisKeys } from './keys.js';
import { LuaScript } from './lua-script.js';

const appendScript = new LuaScript('append-audit');
/** Entries read per XREVRANGE while filtering. */
const CHUNK = 500;

type StreamEntry = [id: string, fields: string[]];

/**
 * The audit trail as capped Redis streams: the whole log, plus one stream per actor and per
 * action carrying the same ids, so a filter reads only its own entries.
 */
export class RedisAuditLog implements AuditLog {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly maxLength: number,
  ) {}

  async append(entries: readonly AuditEntryInput[]): Promise<void> {
    if (entries.length === 0) return;
    const keys = [this.keys.auditLog()];
    for (const entry of entries) {
      keys.push(this.keys.auditByActor(entry.actor), this.keys.auditByAction(entry.action));
    }
    await appendScript.run(this.redis, keys, [
      this.maxLength,
      ...entries.map((entry) => JSON.stringify(entry)),
    ]);
  }

  async list(query: AuditQuery): Promise<AuditPage> {
    const stream =
      query.actor !== null
        ? this.keys.auditByActor(query.actor)
        : query.action !== null
          ? this.keys.auditByAction(query.action)
          : this.keys.auditLog();
    // With one filter (or none) the chosen stream holds exactly the matches.
    const residual = query.actor !== null && query.action !== null ? query.action : null;
    const keep = (entry: AuditEntry) => residual === null || entry.action === residual;

    const items: AuditEntry[] = [];
    let end = query.before === null ? '+' : `(${query.before}`;
    while (items.length <= query.limit) {
      const batch = (await this.redis.xrevrange(stream, end, '-', 'COUNT', CHUNK)) as StreamEntry[];
      for (const raw of batch) {
        const entry = parseEntry(raw);
        if (entry && keep(entry) && items.length <= query.limit) items.push(entry);
      }
      const last = batch[batch.length - 1];
      if (batch.length < CHUNK || !last) break;
      end = `(${last[0]}`;
    }
    const hasMore = items.length > query.limit;
    if (hasMore) items.pop();
    const totalCount =
      residual === null ? await this.redis.xlen(stream) : await this.count(stream, keep);
    return { items, totalCount, hasMore };
  }

  private async count(stream: string, keep: (entry: AuditEntry) => boolean): Promise<number> {
    let total = 0;
    let end = '+';
    for (;;) {
      const batch = (await this.redis.xrevrange(stream, end, '-', 'COUNT', CHUNK)) as StreamEntry[];
      for (const raw of batch) {
        const entry = parseEntry(raw);
        if (entry && keep(entry)) total += 1;
      }
      const last = batch[batch.length - 1];
      if (batch.length < CHUNK || !last) return total;
      end = `(${last[0]}`;
    }
  }
}

function parseEntry([id, fields]: StreamEntry): AuditEntry | null {
  const index = fields.indexOf('e');
  const json = index >= 0 ? fields[index + 1] : undefined;
  if (json === undefined) return null;
  return { ...(JSON.parse(json) as AuditEntryInput), id };
}
