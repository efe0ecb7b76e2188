/**
 * Nexus's Lua scripts as client commands: run alone, in auto-pipelines, explicit pipelines and
 * transactions, and again after the server forgot them, without ioredis copying them onto every
 * pipeline it makes (one per round trip under auto-pipelining).
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineScripts, type ScriptedRedis } from '../../src/infra/redis/scripts.js';
import { executionAt } from '../helpers/executions.js';
import { deleteKeysWithPrefix, uniquePrefix } from '../helpers/prefix.js';
import { type RedisServer, startRedisServer } from '../helpers/redis-server.js';
import { until } from '../helpers/until.js';

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
      redis.saveSteps(1, stepsKey('auto'), '1', 2, 's1', 'a'),
      redis.saveSteps(1, stepsKey('auto'), '1', 2, 's2', 'b'),
      redis.hset(stepsKey('auto'), ':attempts', '2'),
      redis.saveSteps(1, stepsKey('auto'), '1', 2, 's3', 'c'),
    ]);
    expect(replies).toEqual([[1], [1], 1, [0]]);
    expect(await redis.hgetall(stepsKey('auto'))).toEqual({ s1: 'a', s2: 'b', ':attempts': '2' });
  });

  it('run in explicit pipelines and transactions', async () => {
    const piped = await (redis.pipeline() as unknown as ScriptedPipeline)
      .saveSteps(1, stepsKey('pipeline'), '1', 2, 's1', 'p')
      .exec();
    expect(piped).toEqual([[null, [1]]]);
    const transacted = await (redis.multi() as unknown as ScriptedPipeline)
      .saveSteps(1, stepsKey('multi'), '1', 2, 's1', 'm')
      .exec();
    expect(transacted).toEqual([[null, [1]]]);
    expect(await redis.hget(stepsKey('pipeline'), 's1')).toBe('p');
    expect(await redis.hget(stepsKey('multi'), 's1')).toBe('m');
  });

  it('run again after the server has forgotten them', async () => {
    await redis.saveSteps(1, stepsKey('flushed'), '1', 2, 's1', 'before');
    await redis.script('FLUSH');
    expect(await redis.saveSteps(1, stepsKey('flushed'), '1', 2, 's1', 'after')).toEqual([1]);
    expect(await redis.hget(stepsKey('flushed'), 's1')).toBe('after');
  });

  it('are the commands of the client that defined them, not of another one', async () => {
    const other = new Redis(server.url, { lazyConnect: true });
    const pipeline = other.pipeline() as unknown as ScriptedPipeline;
    expect(() => pipeline.saveSteps(1, stepsKey('other'), '1', 2, 's1', 'x')).toThrow(TypeError);
    other.disconnect();
  });
});

/** A pipeline of a scripted client, with the script commands it finds on its prototype. */
interface ScriptedPipeline {
  saveSteps(numberOfKeys: number, ...keysThenArgs: Array<string | number>): ScriptedPipeline;
  exec(): Promise<Array<[Error | null, unknown]> | null>;
}

describe('step saves of several runs', () => {
  it('share one script call per tick, each run fenced on its own', async () => {
    const { RedisExecutionStore } = await import('../../src/infra/redis/redis-execution-store.js');
    const { RedisKeys } = await import('../../src/infra/redis/keys.js');
    const { pendingStep } = await import('../../src/domain/execution/execution.js');
    const keys = new RedisKeys(`${prefix}store:`);
    const store = new RedisExecutionStore(redis, keys);
    // Run b was taken over: its token is now 2.
    await redis.hset(keys.executionSteps('b'), ':attempts', '2');
    const monitor = await redis.duplicate().monitor();
    const calls: string[] = [];
    let pinged = false;
    monitor.on('monitor', (_time: string, args: string[]) => {
      const name = args[0]?.toLowerCase();
      if (name === 'evalsha' || name === 'eval')
        calls.push(args.slice(2, 2 + Number(args[2]) + 1).join(' '));
      if (name === 'ping') pinged = true;
    });
    const done = { ...pendingStep('s1'), status: 'SUCCEEDED' as const, attempts: 1 };
    const saved = await Promise.all([
      store.saveSteps('a', 1, [done]),
      store.saveSteps('b', 1, [done]),
      store.saveSteps('c', 1, [done, { ...done, stepId: 's2' }]),
    ]);
    expect(saved).toEqual([true, false, true]);
    expect(await redis.hkeys(keys.executionSteps('a'))).toEqual(['s1']);
    expect(await redis.hkeys(keys.executionSteps('b'))).toEqual([':attempts']);
    expect((await redis.hkeys(keys.executionSteps('c'))).sort()).toEqual(['s1', 's2']);
    // MONITOR reports in the order Redis ran them: once the ping is seen, so are the saves.
    await redis.ping();
    await until(() => pinged);
    monitor.disconnect();
    expect(calls).toEqual([
      [3, keys.executionSteps('a'), keys.executionSteps('b'), keys.executionSteps('c')].join(' '),
    ]);
  });
});

describe('a step save and the next command of the store', () => {
  it('reach Redis in the order they were made, though the save waits for the end of the tick', async () => {
    const { RedisExecutionStore } = await import('../../src/infra/redis/redis-execution-store.js');
    const { RedisKeys } = await import('../../src/infra/redis/keys.js');
    const { pendingStep } = await import('../../src/domain/execution/execution.js');
    const keys = new RedisKeys(`${prefix}order:`);
    const store = new RedisExecutionStore(redis, keys);
    await redis.hset(keys.executionSteps('r'), ':attempts', '1');
    const done = { ...pendingStep('s1'), status: 'SUCCEEDED' as const, attempts: 1 };
    const ended = executionAt('r', 'alice', Date.now(), {
      status: 'SUCCEEDED',
      steps: [done],
      durationMs: 0,
    });
    ended.finishedAt = ended.startedAt;
    // As a run's end is written: its last steps, and in the same tick the end that fences them.
    const [saved] = await Promise.all([
      store.saveSteps('r', 1, [done]),
      store.finish(ended, 'RUNNING', null, 'end-1'),
    ]);
    expect(saved).toBe(true);
    expect(await redis.hget(keys.executionSteps('r'), 's1')).not.toBeNull();
    expect(await redis.hget(keys.executionSteps('r'), ':attempts')).toBe('end');
  });
});
