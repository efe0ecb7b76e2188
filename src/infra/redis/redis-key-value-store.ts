import type { ChainableCommander, Redis } from 'ioredis';
import type {
  KeyValueOp,
  KeyValueSpace,
  KeyValueStore,
  PreviousValue,
} from '../../domain/execution/key-value-store.js';
import type { RedisKeys } from './keys.js';

/** Pattern-step data in Redis, each namespace under its own `kv:` prefix (see keys.ts). */
export class RedisKeyValueSpace implements KeyValueSpace {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  of(namespace: string | null): KeyValueStore {
    return new RedisKeyValueStore(this.redis, this.keys.kvNamespace(namespace));
  }
}

class RedisKeyValueStore implements KeyValueStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  get(key: string): Promise<string | null> {
    return this.redis.get(this.prefix + key);
  }

  async snapshot(keys: readonly string[]): Promise<PreviousValue[]> {
    if (keys.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const key of keys) pipeline.get(this.prefix + key).pttl(this.prefix + key);
    const replies = (await pipeline.exec()) ?? [];
    return keys.map((key, i) => {
      const value = replies[i * 2]?.[1] as string | null;
      const ttl = Number(replies[i * 2 + 1]?.[1]);
      return { key, value, ttlMs: value !== null && ttl > 0 ? ttl : null };
    });
  }

  async restore(previous: readonly PreviousValue[]): Promise<void> {
    if (previous.length === 0) return;
    const multi = this.redis.multi();
    for (const { key, value, ttlMs } of previous) {
      const full = this.prefix + key;
      if (value === null) multi.del(full);
      else if (ttlMs === null) multi.set(full, value);
      else multi.set(full, value, 'PX', ttlMs);
    }
    await checked(multi.exec());
  }

  async pipeline(ops: readonly KeyValueOp[]): Promise<Array<string | null>> {
    const [only] = ops;
    // One op as a plain command: auto-pipelining batches it with other steps' commands, which
    // an explicit pipeline of its own never is.
    if (ops.length === 1 && only) return [await this.single(only)];
    const pipeline = this.redis.pipeline();
    queue(pipeline, ops, this.prefix);
    return results(ops, await checked(pipeline.exec()));
  }

  private async single(op: KeyValueOp): Promise<string | null> {
    const key = this.prefix + op.key;
    if (op.action === 'get') return this.redis.get(key);
    if (op.action === 'delete') await this.redis.del(key);
    else if (op.ttlSeconds === null) await this.redis.set(key, op.value);
    else await this.redis.set(key, op.value, 'EX', op.ttlSeconds);
    return null;
  }

  async transaction(
    ops: readonly KeyValueOp[],
    watch: readonly string[],
  ): Promise<Array<string | null> | 'conflict'> {
    if (watch.length === 0) {
      const multi = this.redis.multi();
      queue(multi, ops, this.prefix);
      return results(ops, await checked(multi.exec()));
    }
    // WATCH belongs to a connection: a short-lived one keeps it away from shared traffic.
    // Its own offline queue: the shared client refuses to queue once it has connected (it fails
    // fast while Redis is down), and a new connection has not connected yet.
    const connection = this.redis.duplicate({ enableOfflineQueue: true });
    try {
      await connection.watch(...watch.map((key) => this.prefix + key));
      const multi = connection.multi();
      queue(multi, ops, this.prefix);
      const replies = await multi.exec();
      return replies === null ? 'conflict' : results(ops, await checked(Promise.resolve(replies)));
    } finally {
      connection.disconnect();
    }
  }
}

function queue(commands: ChainableCommander, ops: readonly KeyValueOp[], prefix: string): void {
  for (const op of ops) {
    const key = prefix + op.key;
    if (op.action === 'get') commands.get(key);
    else if (op.action === 'delete') commands.del(key);
    else if (op.ttlSeconds === null) commands.set(key, op.value);
    else commands.set(key, op.value, 'EX', op.ttlSeconds);
  }
}

async function checked(
  pending: Promise<Array<[Error | null, unknown]> | null>,
): Promise<Array<[Error | null, unknown]>> {
  const replies = (await pending) ?? [];
  for (const [error] of replies) if (error) throw error;
  return replies;
}

function results(
  ops: readonly KeyValueOp[],
  replies: Array<[Error | null, unknown]>,
): Array<string | null> {
  return ops.map((op, i) =>
    op.action === 'get' ? ((replies[i]?.[1] as string | null) ?? null) : null,
  );
}
