import type { PatternVisibility } from '../shared/access.js';
import type { KeysetPosition } from '../shared/pagination.js';
import type { Pattern, PatternFilter, PatternStats } from './pattern.js';

/** Keyset position in the listing order: newest `updatedAt` first, then id descending. */
export interface PatternListPosition {
  updatedAtMs: number;
  id: string;
}

export interface PatternListQuery {
  filter: PatternFilter;
  /** Null: every pattern (admins). Otherwise active SYSTEM patterns and the owner's own. */
  visibleTo?: PatternVisibility | null;
  /** Items strictly after this position; null for the first page. */
  after: PatternListPosition | null;
  limit: number;
}

export interface PatternListResult {
  items: Pattern[];
  /** All patterns matching the filter, wherever the cursor is. */
  totalCount: number;
  /** Matching patterns at or before the cursor. */
  countBefore: number;
  hasMore: boolean;
}

/** Outcome of a compare-and-set write against the version the caller read. */
export type WriteOutcome = 'ok' | 'stale' | 'missing';

/**
 * Storage of versioned patterns. Implementations: Redis (the real store) and in-memory.
 * Every write is atomic: the record, its versions and all listing indexes change together.
 * Patterns handed out are read-only: copies, or frozen objects shared between reads (the Redis
 * adapter keeps the last parsed current version), never the store's own state.
 */
export interface PatternStore {
  get(id: string): Promise<Pattern | null>;
  getMany(ids: readonly string[]): Promise<Array<Pattern | null>>;
  getVersion(id: string, version: number): Promise<Pattern | null>;
  /** All versions, oldest first. Empty when the pattern does not exist. */
  listVersions(id: string): Promise<Pattern[]>;
  list(query: PatternListQuery): Promise<PatternListResult>;
  /** Stores version 1. False when the id is taken. */
  create(pattern: Pattern): Promise<boolean>;
  /** Writes `next` (version = previous.version + 1) only if `previous` is still current. */
  update(previous: Pattern, next: Pattern): Promise<WriteOutcome>;
  /** Removes the pattern, every version, its statistics and index entries, if still at `current`. */
  delete(current: Pattern): Promise<WriteOutcome>;
  getStats(ids: readonly string[]): Promise<PatternStats[]>;
}

export function listPosition(pattern: Pattern): PatternListPosition {
  return { updatedAtMs: Date.parse(pattern.updatedAt), id: pattern.id };
}

export function keysetOf(position: PatternListPosition): KeysetPosition {
  return { ms: position.updatedAtMs, id: position.id };
}
