import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';

export type RedisArg = string | number;

/** A Lua script from `./lua/<name>.lua`, run with EVALSHA and loaded on NOSCRIPT. */
export class LuaScript {
  readonly sha: string;
  private readonly source: string;

  constructor(readonly name: string) {
    this.source = readFileSync(new URL(`./lua/${name}.lua`, import.meta.url), 'utf8');
    this.sha = createHash('sha1').update(this.source).digest('hex');
  }

  async run(redis: Redis, keys: readonly string[], args: readonly RedisArg[]): Promise<unknown> {
    try {
      return await redis.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return redis.eval(this.source, keys.length, ...keys, ...args);
    }
  }
}
