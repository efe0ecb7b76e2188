import {
  EMPTY_STATS,
  type Pattern,
  type PatternFilter,
  type PatternStats,
  searchText,
} from '../../domain/pattern/pattern.js';
import {
  keysetOf,
  listPosition,
  type PatternListQuery,
  type PatternListResult,
  type PatternStore,
  type WriteOutcome,
} from '../../domain/pattern/pattern-store.js';
import { isListedFor } from '../../domain/shared/access.js';
import { pageAfter } from '../../domain/shared/pagination.js';

interface Entry {
  versions: Pattern[];
  stats: PatternStats;
}

/**
 * The embedded store: one process, nothing kept across restarts. Records are deep-copied
 * in and out, so callers can never mutate what is stored (as with Redis).
 */
export class MemoryPatternStore implements PatternStore {
  private readonly entries = new Map<string, Entry>();

  /** The current version and generation of a pattern, or null when there is none. */
  currentVersion(id: string): { version: number; generation: string } | null {
    const current = this.entries.get(id)?.versions.at(-1);
    return current ? { version: current.version, generation: current.generation } : null;
  }

  async get(id: string): Promise<Pattern | null> {
    const versions = this.entries.get(id)?.versions;
    return versions ? copy(versions[versions.length - 1] ?? null) : null;
  }

  async getMany(ids: readonly string[]): Promise<Array<Pattern | null>> {
    return Promise.all(ids.map((id) => this.get(id)));
  }

  async getVersion(id: string, version: number): Promise<Pattern | null> {
    return copy(this.entries.get(id)?.versions[version - 1] ?? null);
  }

  async listVersions(id: string): Promise<Pattern[]> {
    return (this.entries.get(id)?.versions ?? []).map((pattern) => structuredClone(pattern));
  }

  async list(query: PatternListQuery): Promise<PatternListResult> {
    const current = [...this.entries.values()]
      .map((entry) => entry.versions[entry.versions.length - 1])
      .filter((pattern): pattern is Pattern => pattern !== undefined)
      .filter(
        (pattern) =>
          matches(pattern, query.filter) && isListedFor(query.visibleTo ?? null, pattern),
      );
    const after = query.after && keysetOf(query.after);
    const page = pageAfter(current, (p) => keysetOf(listPosition(p)), after, query.limit);
    return { ...page, items: page.items.map((pattern) => structuredClone(pattern)) };
  }

  async create(pattern: Pattern): Promise<boolean> {
    if (this.entries.has(pattern.id)) return false;
    this.entries.set(pattern.id, {
      versions: [structuredClone(pattern)],
      stats: { ...EMPTY_STATS },
    });
    return true;
  }

  async update(previous: Pattern, next: Pattern): Promise<WriteOutcome> {
    const entry = this.entries.get(previous.id);
    if (!entry) return 'missing';
    if (entry.versions.length !== previous.version) return 'stale';
    entry.versions.push(structuredClone(next));
    return 'ok';
  }

  async delete(current: Pattern): Promise<WriteOutcome> {
    const entry = this.entries.get(current.id);
    if (!entry) return 'missing';
    if (entry.versions.length !== current.version) return 'stale';
    this.entries.delete(current.id);
    return 'ok';
  }

  /**
   * Counts a finished run, only while the pattern exists and (when `generation` is given) is still
   * the one that ran. Called by the embedded execution store with the end it records, as the
   * Redis finish script counts with the end it writes.
   */
  async recordExecution(
    patternId: string,
    generation: string | null,
    succeeded: boolean,
    durationMs: number,
  ): Promise<void> {
    const entry = this.entries.get(patternId);
    if (!entry) return;
    if (generation !== null && entry.versions.at(-1)?.generation !== generation) return;
    const stats = entry.stats;
    stats.usageCount += 1;
    if (succeeded) stats.successCount += 1;
    stats.totalDurationMs += durationMs;
  }

  async getStats(ids: readonly string[]): Promise<PatternStats[]> {
    return ids.map((id) => ({ ...(this.entries.get(id)?.stats ?? EMPTY_STATS) }));
  }
}

function matches(pattern: Pattern, filter: PatternFilter): boolean {
  return (
    (filter.origin === undefined || pattern.origin === filter.origin) &&
    (filter.category === undefined || pattern.category === filter.category) &&
    (filter.isActive === undefined || pattern.isActive === filter.isActive) &&
    (filter.createdBy === undefined || pattern.createdBy === filter.createdBy) &&
    (filter.search === undefined || searchText(pattern).includes(filter.search.toLowerCase()))
  );
}

function copy(pattern: Pattern | null): Pattern | null {
  return pattern ? structuredClone(pattern) : null;
}
