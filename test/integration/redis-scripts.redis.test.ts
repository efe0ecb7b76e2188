/**
 * Nexus's Lua scripts as client commands: run alone, in auto-pipelines, explicit pipelines and
 * transactions, and again after the server forgot them, without ioredis copying them onto every
 * pipeline it makes (one per round trip under auto-pipelining).
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineScripts, type ScriptedRedis } from '../../src/infra/redis/scripts.js';
import { deleteKeysWithPrefix, uniquePrefix } from '../helpers/prefix.js';
import { type RedisServer, startRedisServer } from '../helpers/redis-server.js';

const prefix = uniquePrefix('scripts');
const stepsKey = (name: string) => `${prefix}${name}:steps`;
let server: RedisServer;
let redis: ScriptedRedis;

beforeAll(async () => {
  server = await startRedisServer();
  const client = new Redis(server.url, { enableAutoPipelining: true });
  defineScripts(client);
  redis = client;
});

afterAll(async () => {
  await deleteKeysWithPrefix(redis, prefix);
  redis.disconnect();
  await server.stop();
});

describe('Nexus scripts on an ioredis client', () => {
  it('are not copied onto the pipelines the client makes', () => {
    const pipeline = redis.pipeline();
    const transaction = redis.multi();
    for (const made of [pipeline, transaction]) {
      expect(Object.hasOwn(made, 'saveSteps')).toBe(false);
      expect(Object.hasOwn(made, 'finishExecution')).toBe(false);
      expect(typeof (made as unknown as Record<string, unknown>).saveSteps).toBe('function');
    }
    transaction.discard();
  });

  it('run alone and in auto-pipelines, with their replies', async () => {
    // Issued in one tick: they share an auto-pipeline.
    const replies = await Promise.all([
      redis.saveSteps(1, stepsKey('auto'), '1', 's1', 'a'),
      redis.saveSteps(1, stepsKey('auto'), '1', 's2', 'b'),
      redis.hset(stepsKey('auto'), ':attempts', '2'),
      redis.saveSteps(1, stepsKey('auto'), '1', 's3', 'c'),
    ]);
    expect(replies).toEqual([1, 1, 1, 0]);
    expect(await redis.hgetall(stepsKey('auto'))).toEqual({ s1: 'a', s2: 'b', ':attempts': '2' });
  });

  it('run in explicit pipelines and transactions', async () => {
    const piped = await (redis.pipeline() as unknown as ScriptedPipeline)
      .saveSteps(1, stepsKey('pipeline'), '1', 's1', 'p')
      .exec();
    expect(piped).toEqual([[null, 1]]);
    const transacted = await (redis.multi() as unknown as ScriptedPipeline)
      .saveSteps(1, stepsKey('multi'), '1', 's1', 'm')
      .exec();
    expect(transacted).toEqual([[null, 1]]);
    expect(await redis.hget(stepsKey('pipeline'), 's1')).toBe('p');
    expect(await redis.hget(stepsKey('multi'), 's1')).toBe('m');
  });

  it('run again after the server has forgotten them', async () => {
    await redis.saveSteps(1, stepsKey('flushed'), '1', 's1', 'before');
    await redis.script('FLUSH');
    expect(await redis.saveSteps(1, stepsKey('flushed'), '1', 's1', 'after')).toBe(1);
    expect(await redis.hget(stepsKey('flushed'), 's1')).toBe('after');
  });

  it('are the commands of the client that defined them, not of another one', async () => {
    const other = new Redis(server.url, { lazyConnect: true });
    const pipeline = other.pipeline() as unknown as ScriptedPipeline;
    expect(() => pipeline.saveSteps(1, stepsKey('other'), '1', 's1', 'x')).toThrow(TypeError);
    other.disconnect();
  });
});

/** A pipeline of a scripted client, with the script commands it finds on its prototype. */
interface ScriptedPipeline {
  saveSteps(numberOfKeys: number, ...keysThenArgs: string[]): ScriptedPipeline;
  exec(): Promise<Array<[Error | null, unknown]> | null>;
}
