/**
 * The queries clients registered through automatic persisted queries, by hash. Anyone may
 * register, so the store is bounded twice: by entries and by the bytes of their text; past
 * either bound the least recently used go first. A query evicted costs its client one more
 * round trip (it is told PersistedQueryNotFound and sends the text again), never an error.
 */
export interface ApqStoreLimits {
  maxEntries: number;
  maxBytes: number;
}

/** Bytes an entry is charged: its text as UTF-8 plus its key (a 64-character hash). */
function entryBytes(hash: string, query: string): number {
  return Buffer.byteLength(query, 'utf8') + hash.length;
}

export class ApqStore {
  /** A Map iterates in insertion order: re-inserting on use keeps the oldest first. */
  private readonly entries = new Map<string, string>();
  private bytes = 0;

  constructor(private readonly limits: ApqStoreLimits) {}

  get(hash: string): string | undefined {
    const query = this.entries.get(hash);
    if (query === undefined) return undefined;
    this.entries.delete(hash);
    this.entries.set(hash, query);
    return query;
  }

  /** False when the query alone is larger than the whole store (it is not kept). */
  set(hash: string, query: string): boolean {
    const size = entryBytes(hash, query);
    if (size > this.limits.maxBytes) return false;
    this.delete(hash);
    this.entries.set(hash, query);
    this.bytes += size;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.limits.maxEntries && this.bytes <= this.limits.maxBytes) break;
      this.delete(oldest);
    }
    return true;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Bytes charged for the entries kept (never above maxBytes). */
  get byteSize(): number {
    return this.bytes;
  }

  private delete(hash: string): void {
    const query = this.entries.get(hash);
    if (query === undefined) return;
    this.entries.delete(hash);
    this.bytes -= entryBytes(hash, query);
  }
}
