import type { Redis } from 'ioredis';
import {
  EMPTY_STATS,
  type Pattern,
  type PatternFilter,
  type PatternStats,
  searchText,
} from '../../domain/pattern/pattern.js';
import {
  listPosition,
  type PatternListQuery,
  type PatternListResult,
  type PatternStore,
  type WriteOutcome,
} from '../../domain/pattern/pattern-store.js';
import type { RedisKeys } from './keys.js';
import { defineScripts, type ScriptedRedis } from './scripts.js';

/** Characters of documents whose parsed current version is kept; past it the cache starts over. */
const CURRENT_CACHE_BYTES = 16 * 1024 * 1024;

/**
 * Patterns in Redis. Current versions live in one hash (a read is one HGET), every version in
 * a per-pattern hash, and the listing order and filters in a ZSET and SETs kept in step by
 * Lua scripts, so no write can leave an index entry without its record.
 */
export class RedisPatternStore implements PatternStore {
  /** The last current version read of each pattern, by id. */
  private readonly current = new Map<string, { doc: string; pattern: Pattern }>();
  private cachedBytes = 0;
  private readonly redis: ScriptedRedis;

  constructor(
    redis: Redis,
    private readonly keys: RedisKeys,
  ) {
    defineScripts(redis);
    this.redis = redis;
  }

  async get(id: string): Promise<Pattern | null> {
    return this.parsedCurrent(id, await this.redis.hget(this.keys.patternDocs(), id));
  }

  async getMany(ids: readonly string[]): Promise<Array<Pattern | null>> {
    if (ids.length === 0) return [];
    const docs = await this.redis.hmget(this.keys.patternDocs(), ...ids);
    return ids.map((id, i) => this.parsedCurrent(id, docs[i] ?? null));
  }

  async getVersion(id: string, version: number): Promise<Pattern | null> {
    return parse(await this.redis.hget(this.keys.patternVersions(id), String(version)));
  }

  async listVersions(id: string): Promise<Pattern[]> {
    const docs = await this.redis.hvals(this.keys.patternVersions(id));
    return docs
      .map(parse)
      .filter((pattern): pattern is Pattern => pattern !== null)
      .sort((a, b) => a.version - b.version);
  }

  async list(query: PatternListQuery): Promise<PatternListResult> {
    const keys = [
      this.keys.patternsByUpdated(),
      this.keys.patternDocs(),
      this.keys.patternSearchText(),
      this.keys.patternIndex('origin', 'SYSTEM'),
      this.keys.patternIndex('active', 'true'),
      this.keys.patternIndex('creator', query.visibleTo?.ownerId ?? ''),
      ...this.filterKeys(query.filter),
    ];
    const [totalCount, countBefore, hasMore, ...docs] = await this.redis.listPatterns(
      keys.length,
      ...keys,
      query.limit,
      query.after ? query.after.updatedAtMs : '',
      query.after ? query.after.id : '',
      query.filter.search?.toLowerCase() ?? '',
      query.visibleTo ? '1' : '0',
    );
    return {
      items: docs.map(parse).filter(isPattern),
      totalCount,
      countBefore,
      hasMore: hasMore === 1,
    };
  }

  async create(pattern: Pattern): Promise<boolean> {
    const keys = [...this.recordKeys(pattern.id), ...this.indexKeys(pattern)];
    const reply = await this.redis.createPattern(
      keys.length,
      ...keys,
      pattern.id,
      JSON.stringify(pattern),
      listPosition(pattern).updatedAtMs,
      searchText(pattern),
      pattern.generation,
    );
    return reply === 1;
  }

  async update(previous: Pattern, next: Pattern): Promise<WriteOutcome> {
    const keys = [
      ...this.recordKeys(previous.id),
      ...this.indexKeys(previous),
      ...this.indexKeys(next),
    ];
    const reply = await this.redis.updatePattern(
      keys.length,
      ...keys,
      previous.id,
      previous.version,
      JSON.stringify(next),
      listPosition(next).updatedAtMs,
      searchText(next),
    );
    return writeOutcome(reply);
  }

  async delete(current: Pattern): Promise<WriteOutcome> {
    const keys = [
      ...this.recordKeys(current.id),
      this.keys.patternStats(current.id),
      ...this.indexKeys(current),
    ];
    return writeOutcome(
      await this.redis.deletePattern(keys.length, ...keys, current.id, current.version),
    );
  }

  async getStats(ids: readonly string[]): Promise<PatternStats[]> {
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.hgetall(this.keys.patternStats(id));
    const replies = (await pipeline.exec()) ?? [];
    return ids.map((_, i) => {
      const [error, hash] = replies[i] ?? [null, null];
      if (error) throw error;
      return toStats(hash);
    });
  }

  /**
   * An unchanged current document is the same (frozen) object as last time: no re-parse, and
   * its steps stay the same objects, so what is derived from them once can be kept.
   */
  private parsedCurrent(id: string, doc: string | null): Pattern | null {
    if (doc === null) return null;
    const known = this.current.get(id);
    if (known?.doc === doc) return known.pattern;
    const pattern = deepFreeze(decode(doc));
    if (this.cachedBytes + doc.length > CURRENT_CACHE_BYTES) {
      this.current.clear();
      this.cachedBytes = 0;
    }
    this.cachedBytes += doc.length - (this.current.get(id)?.doc.length ?? 0);
    this.current.set(id, { doc, pattern });
    return pattern;
  }

  /** KEYS[1..6] shared by the write scripts, in the order their headers list. */
  private recordKeys(id: string): string[] {
    return [
      this.keys.patternDocs(),
      this.keys.patternVersions(id),
      this.keys.patternsByUpdated(),
      this.keys.patternSearchText(),
      this.keys.patternCurrentVersions(),
      this.keys.patternGenerations(),
    ];
  }

  private indexKeys(pattern: Pattern): string[] {
    return [
      this.keys.patternIndex('origin', pattern.origin),
      this.keys.patternIndex('category', pattern.category),
      this.keys.patternIndex('active', String(pattern.isActive)),
      this.keys.patternIndex('creator', pattern.createdBy),
    ];
  }

  private filterKeys(filter: PatternFilter): string[] {
    const keys: string[] = [];
    if (filter.origin !== undefined) keys.push(this.keys.patternIndex('origin', filter.origin));
    if (filter.category !== undefined) {
      keys.push(this.keys.patternIndex('category', filter.category));
    }
    if (filter.isActive !== undefined) {
      keys.push(this.keys.patternIndex('active', String(filter.isActive)));
    }
    if (filter.createdBy !== undefined) {
      keys.push(this.keys.patternIndex('creator', filter.createdBy));
    }
    return keys;
  }
}

function parse(doc: string | null): Pattern | null {
  return doc === null ? null : decode(doc);
}

/** A stored document; those written before generations existed have the empty one. */
function decode(doc: string): Pattern {
  return { generation: '', ...(JSON.parse(doc) as Omit<Pattern, 'generation'>) };
}

function isPattern(value: Pattern | null): value is Pattern {
  return value !== null;
}

function writeOutcome(reply: unknown): WriteOutcome {
  if (reply === 'ok' || reply === 'stale' || reply === 'missing') return reply;
  throw new Error(`unexpected reply from a pattern write script: ${String(reply)}`);
}

function toStats(hash: unknown): PatternStats {
  if (typeof hash !== 'object' || hash === null) return { ...EMPTY_STATS };
  const fields = hash as Record<string, string | undefined>;
  return {
    usageCount: Number(fields.usageCount ?? 0),
    successCount: Number(fields.successCount ?? 0),
    totalDurationMs: Number(fields.totalDurationMs ?? 0),
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
