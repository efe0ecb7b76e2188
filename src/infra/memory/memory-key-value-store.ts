import {
  type KeyValueOp,
  type KeyValueSpace,
  type KeyValueStore,
  keySpaceSegment,
  type PreviousValue,
} from '../../domain/execution/key-value-store.js';

interface Entry {
  value: string;
  expiresAt: number | null;
}

/** The embedded key-value space for pattern steps: one Map with expiry, keys namespaced. */
export class MemoryKeyValueSpace implements KeyValueSpace {
  private readonly entries = new Map<string, Entry>();

  of(namespace: string | null): KeyValueStore {
    return new MemoryKeyValueStore(this.entries, keySpaceSegment(namespace));
  }
}

class MemoryKeyValueStore implements KeyValueStore {
  constructor(
    private readonly all: Map<string, Entry>,
    private readonly prefix: string,
  ) {}

  async get(key: string): Promise<string | null> {
    return this.live(key)?.value ?? null;
  }

  async snapshot(keys: readonly string[]): Promise<PreviousValue[]> {
    return keys.map((key) => {
      const entry = this.live(key);
      return {
        key,
        value: entry?.value ?? null,
        ttlMs: entry?.expiresAt ? Math.max(1, entry.expiresAt - Date.now()) : null,
      };
    });
  }

  async restore(previous: readonly PreviousValue[]): Promise<void> {
    for (const { key, value, ttlMs } of previous) {
      if (value === null) this.all.delete(this.prefix + key);
      else
        this.all.set(this.prefix + key, {
          value,
          expiresAt: ttlMs === null ? null : Date.now() + ttlMs,
        });
    }
  }

  async pipeline(ops: readonly KeyValueOp[]): Promise<Array<string | null>> {
    return ops.map((op) => this.apply(op));
  }

  async transaction(ops: readonly KeyValueOp[]): Promise<Array<string | null>> {
    // One process, no awaits between ops: all of them happen together.
    return ops.map((op) => this.apply(op));
  }

  private apply(op: KeyValueOp): string | null {
    if (op.action === 'get') return this.live(op.key)?.value ?? null;
    if (op.action === 'delete') this.all.delete(this.prefix + op.key);
    else {
      this.all.set(this.prefix + op.key, {
        value: op.value,
        expiresAt: op.ttlSeconds === null ? null : Date.now() + op.ttlSeconds * 1000,
      });
    }
    return null;
  }

  private live(key: string): Entry | undefined {
    const entry = this.all.get(this.prefix + key);
    if (entry?.expiresAt !== null && entry !== undefined && entry.expiresAt <= Date.now()) {
      this.all.delete(this.prefix + key);
      return undefined;
    }
    return entry;
  }
}
