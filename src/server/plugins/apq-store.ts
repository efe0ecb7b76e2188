/**
 * The queries clients registered through automatic persisted queries, by hash. Any user may
 * register, so the store is bounded twice: by entries and by the bytes of their text. Past
 * either bound an entry of the user holding the most (entries, or bytes) goes, that user's
 * least recently used: one user registering without end only ever evicts their own queries
 * once they hold the largest share, never empties the store of everybody else's (a global LRU
 * would let a thousand unique hashes push every other user's out). With one user it is a plain
 * LRU. A query evicted costs its client one more round trip (it is told PersistedQueryNotFound
 * and sends the text again), never an error.
 */
export interface ApqStoreLimits {
  maxEntries: number;
  maxBytes: number;
}

/** Bytes an entry is charged: its text as UTF-8 plus its key (a 64-character hash). */
function entryBytes(hash: string, query: string): number {
  return Buffer.byteLength(query, 'utf8') + hash.length;
}

/** One user's entries; a Map iterates in insertion order: re-inserting on use keeps the oldest first. */
interface Holding {
  queries: Map<string, string>;
  bytes: number;
}

export class ApqStore {
  /** Who registered each hash (its first registrant holds it). */
  private readonly owners = new Map<string, string>();
  private readonly holdings = new Map<string, Holding>();
  private bytes = 0;

  constructor(private readonly limits: ApqStoreLimits) {}

  get(hash: string): string | undefined {
    const owner = this.owners.get(hash);
    const queries = owner === undefined ? undefined : this.holdings.get(owner)?.queries;
    const query = queries?.get(hash);
    if (queries === undefined || query === undefined) return undefined;
    queries.delete(hash);
    queries.set(hash, query);
    return query;
  }

  /**
   * Keeps `query` under `hash`, charged to `owner`; a hash already kept is only marked used.
   * False when the query alone is larger than the whole store (it is not kept).
   */
  set(hash: string, query: string, owner: string): boolean {
    if (this.get(hash) !== undefined) return true;
    const size = entryBytes(hash, query);
    if (size > this.limits.maxBytes) return false;
    let holding = this.holdings.get(owner);
    if (holding === undefined) {
      holding = { queries: new Map(), bytes: 0 };
      this.holdings.set(owner, holding);
    }
    holding.queries.set(hash, query);
    holding.bytes += size;
    this.owners.set(hash, owner);
    this.bytes += size;
    while (this.owners.size > this.limits.maxEntries) this.evictFrom((h) => h.queries.size);
    while (this.bytes > this.limits.maxBytes) this.evictFrom((h) => h.bytes);
    return true;
  }

  get size(): number {
    return this.owners.size;
  }

  /** Bytes charged for the entries kept (never above maxBytes). */
  get byteSize(): number {
    return this.bytes;
  }

  /** Drops the least recently used entry of the owner holding the most by `measure`. */
  private evictFrom(measure: (holding: Holding) => number): void {
    let largest: [string, Holding] | undefined;
    for (const candidate of this.holdings) {
      if (largest === undefined || measure(candidate[1]) > measure(largest[1])) largest = candidate;
    }
    if (largest === undefined) return;
    const [owner, holding] = largest;
    const oldest = holding.queries.entries().next().value;
    if (oldest === undefined) return;
    const [hash, query] = oldest;
    const size = entryBytes(hash, query);
    holding.queries.delete(hash);
    holding.bytes -= size;
    this.bytes -= size;
    this.owners.delete(hash);
    if (holding.queries.size === 0) this.holdings.delete(owner);
  }
}
