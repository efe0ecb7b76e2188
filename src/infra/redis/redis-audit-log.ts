import type { Redis } from 'ioredis';
import type {
  AuditEntry,
  AuditEntryInput,
  AuditLog,
  AuditPage,
  AuditQuery,
} from '../../domain/audit/audit-log.js';
import { compareStreamIds } from '../../domain/shared/stream-ids.js';
import type { RedisKeys } from './keys.js';
import { defineScripts, type ScriptedRedis } from './scripts.js';

/** Entries read per XREVRANGE while filtering. */
const CHUNK = 500;

type StreamEntry = [id: string, fields: string[]];

/**
 * The audit trail as capped Redis streams: the whole log, plus one stream per actor and per
 * action carrying the same ids, so a filter reads only its own entries.
 */
export class RedisAuditLog implements AuditLog {
  private readonly redis: ScriptedRedis;

  constructor(
    redis: Redis,
    private readonly keys: RedisKeys,
    private readonly maxLength: number,
  ) {
    defineScripts(redis);
    this.redis = redis;
  }

  async append(entries: readonly AuditEntryInput[]): Promise<void> {
    if (entries.length === 0) return;
    const keys = [this.keys.auditLog()];
    for (const entry of entries) {
      keys.push(this.keys.auditByActor(entry.actor), this.keys.auditByAction(entry.action));
    }
    await this.redis.appendAudit(
      keys.length,
      ...keys,
      this.maxLength,
      ...entries.map((entry) => JSON.stringify(entry)),
    );
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

    // Without a residual filter the page ends early and XLEN counts; with one, a single pass
    // over the stream both counts the matches and collects the page.
    const items: AuditEntry[] = [];
    let matches = 0;
    let end = residual === null && query.before !== null ? `(${query.before}` : '+';
    for (;;) {
      const batch = (await this.redis.xrevrange(stream, end, '-', 'COUNT', CHUNK)) as StreamEntry[];
      for (const raw of batch) {
        const entry = parseEntry(raw);
        if (!entry || !keep(entry)) continue;
        matches += 1;
        const onPage = query.before === null || compareStreamIds(entry.id, query.before) < 0;
        if (onPage && items.length <= query.limit) items.push(entry);
      }
      const last = batch[batch.length - 1];
      if (batch.length < CHUNK || !last) break;
      if (residual === null && items.length > query.limit) break;
      end = `(${last[0]}`;
    }
    const hasMore = items.length > query.limit;
    if (hasMore) items.pop();
    const totalCount = residual === null ? await this.redis.xlen(stream) : matches;
    return { items, totalCount, hasMore };
  }
}

function parseEntry([id, fields]: StreamEntry): AuditEntry | null {
  const index = fields.indexOf('e');
  const json = index >= 0 ? fields[index + 1] : undefined;
  if (json === undefined) return null;
  return { ...(JSON.parse(json) as AuditEntryInput), id };
}
