/** What CACHE, PIPELINE and TRANSACTION steps read and write. Keys are already namespaced. */
export interface PreviousValue {
  key: string;
  /** The raw stored value, or null when the key did not exist. */
  value: string | null;
  /** Remaining time to live in ms, or null for none. */
  ttlMs: number | null;
}

export type KeyValueOp =
  | { action: 'get'; key: string }
  | { action: 'set'; key: string; value: string; ttlSeconds: number | null }
  | { action: 'delete'; key: string };

export interface KeyValueStore {
  get(key: string): Promise<string | null>;
  /** Reads what the keys hold now (value and TTL), to undo writes later. */
  snapshot(keys: readonly string[]): Promise<PreviousValue[]>;
  /** Puts keys back as a snapshot found them (deleting those that did not exist). */
  restore(previous: readonly PreviousValue[]): Promise<void>;
  /** All ops in one round trip, not atomic; one result per op (a get's value, else null). */
  pipeline(ops: readonly KeyValueOp[]): Promise<Array<string | null>>;
  /**
   * All ops or none (MULTI/EXEC). With `watch`, 'conflict' when a watched key changed while
   * the transaction was being prepared.
   */
  transaction(
    ops: readonly KeyValueOp[],
    watch: readonly string[],
  ): Promise<Array<string | null> | 'conflict'>;
}

/**
 * Where a namespace's keys live below the step-data prefix: `sys:` for system patterns,
 * `user:<owner>:` for user ones. Neither segment starts the other, and the owner id is escaped
 * (`%` and `:` percent-encoded) so that no two users' segments can overlap, whatever colons
 * their ids hold: `alice:x` + `diary` and `alice` + `x:diary` are different keys.
 */
export function keySpaceSegment(namespace: string | null): string {
  if (namespace === null) return 'sys:';
  return `user:${escapeKeySegment(namespace)}:`;
}

/** A string with no `:` that decodes back to the original (so distinct inputs stay distinct). */
export function escapeKeySegment(text: string): string {
  return text.replaceAll('%', '%25').replaceAll(':', '%3A');
}

/** Hands out the store of one namespace: null for system patterns, the owner for user ones. */
export interface KeyValueSpace {
  of(namespace: string | null): KeyValueStore;
}
