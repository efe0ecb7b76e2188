/**
 * The Redis event bus under pressure: replays read in pages at the reader's pace and only so
 * many at once, events and the log bounded in bytes, and no gap when Redis drops the pub/sub
 * connection.
 */
import { Writable } from 'node:stream';
import type { Redis } from 'ioredis';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { SecurityConfig } from '../../src/config.js';
import type { NexusEvent, NexusEventInput } from '../../src/domain/events/event.js';
import { PUSH, type Sink } from '../../src/domain/events/push.js';
import { RedisKeys } from '../../src/infra/redis/keys.js';
import { uniquePrefix } from '../helpers/prefix.js';
import { useRedisApps } from '../helpers/redis-app.js';

const redis = useRedisApps('eventlog');

type CustomEvent = Extract<NexusEventInput, { type: 'CUSTOM' }>;
const custom = (name: string, extra: Partial<CustomEvent> = {}): CustomEvent => ({
  type: 'CUSTOM',
  name,
  ...extra,
});

type Read = (...args: string[]) => Promise<unknown[]>;

/** An app whose main Redis client reports the length of every XRANGE reply (as text or bytes). */
async function appCountingReads(security: Partial<SecurityConfig> = {}) {
  const reads: number[] = [];
  const inFlight = { now: 0, max: 0 };
  let client: Redis | undefined;
  const app = await redis.app(
    { security: security as SecurityConfig },
    {
      onRedisClient: (redisClient) => {
        client = redisClient;
        const commands = redisClient as unknown as Record<'xrange' | 'xrangeBuffer', Read>;
        for (const name of ['xrange', 'xrangeBuffer'] as const) {
          const read = commands[name].bind(redisClient);
          commands[name] = (...args) => {
            inFlight.now += 1;
            inFlight.max = Math.max(inFlight.max, inFlight.now);
            return read(...args).then((entries) => {
              inFlight.now -= 1;
              reads.push(entries.length);
              return entries;
            });
          };
        }
      },
    },
  );
  if (!client) throw new Error('no client');
  const main = client;
  // Commands on one connection are answered in order: once this PING is back, every command
  // issued before it (an XRANGE a replay has sent, say) has been answered too.
  return { app, reads, inFlight, settled: () => main.ping() };
}

/** A sink that records names, lets a test wait for the n-th, and can hold the stream back. */
function recorder() {
  const names: string[] = [];
  const waiters: Array<{ when: () => boolean; resolve: () => void }> = [];
  let gate: Promise<void> | null = null;
  let open = () => {};
  const settle = () => {
    for (const waiter of waiters.splice(0)) {
      if (waiter.when()) waiter.resolve();
      else waiters.push(waiter);
    }
  };
  const sink: Sink<NexusEvent> = {
    next: (event) => {
      names.push(event.name ?? '');
      settle();
    },
    error: (error) => {
      names.push(`error: ${error.message}`);
      settle();
    },
    complete: () => {},
    whenReady: () => gate,
  };
  return {
    names,
    sink,
    until: (when: () => boolean) =>
      new Promise<void>((resolve) => {
        waiters.push({ when, resolve });
        settle();
      }),
    /** From now on the sink says it is busy until `release`. */
    hold() {
      gate = new Promise<void>((resolve) => {
        open = resolve;
      });
    },
    release() {
      gate = null;
      open();
    },
  };
}

const onlyCustom = (event: NexusEvent) => event.type === 'CUSTOM';

describe('replays', () => {
  it('read the log in pages, the next page only once the reader has taken the last', async () => {
    const { app, reads, settled } = await appCountingReads();
    const bus = app.services.events;
    for (let i = 0; i < 1000; i += 100)
      await Promise.all(
        Array.from({ length: 100 }, (_, j) => bus.publish(custom(`e${i + j}`, { payload: { i } }))),
      );
    const seen = recorder();
    seen.hold();
    const stop = bus.subscribe('0-0', { keep: onlyCustom })[PUSH](seen.sink);
    await settled();
    await settled();
    // Held back before its first event: what was read is at most one page.
    expect(reads.length).toBe(1);
    expect(reads[0]).toBeLessThanOrEqual(256);
    seen.release();
    await seen.until(() => seen.names.length === 1000);
    stop();
    expect(seen.names).toEqual(Array.from({ length: 1000 }, (_, i) => `e${i}`));
    expect(Math.max(...reads)).toBeLessThanOrEqual(256);
    // Every entry once (the app's own PATTERN_CHANGED events at start among them).
    expect(reads.reduce((sum, n) => sum + n, 0)).toBe(1002);
  });

  it('read at most replaysPerProcess pages at once, and a stalled reader holds up no other', async () => {
    const { app, reads, inFlight } = await appCountingReads({ replaysPerProcess: 2 });
    const bus = app.services.events;
    for (let i = 0; i < 100; i++) await bus.publish(custom(`e${i}`));
    const stalled = recorder();
    stalled.hold();
    const readers = [recorder(), recorder(), recorder()];
    const stopStalled = bus.subscribe('0-0', { keep: onlyCustom })[PUSH](stalled.sink);
    const stops = readers.map((reader) =>
      bus.subscribe('0-0', { keep: onlyCustom })[PUSH](reader.sink),
    );
    // The other three get their whole replays while the first one's reader takes nothing.
    for (const reader of readers) await reader.until(() => reader.names.length === 100);
    expect(stalled.names).toEqual([]);
    expect(inFlight.max).toBe(2);
    // Pages of 16, then larger: several reads per replay, two at a time.
    expect(reads.length).toBeGreaterThan(4 * 2);
    stalled.release();
    await stalled.until(() => stalled.names.length === 100);
    for (const stop of [stopStalled, ...stops]) stop();
  });
});

describe('event size', () => {
  it('refuses an event whose payload is larger than maxEventBytes, with LIMIT_EXCEEDED', async () => {
    const keyPrefix = uniquePrefix('eventlog');
    const app = await redis.app({ keyPrefix, security: { maxEventBytes: 1024 } as SecurityConfig });
    const bus = app.services.events;
    const refused = await bus.publish(custom('big', { payload: { blob: 'x'.repeat(2000) } })).then(
      () => null,
      (error: { code?: string; message: string }) => error,
    );
    expect(refused?.code).toBe('LIMIT_EXCEEDED');
    expect(refused?.message).toMatch(/1024 bytes/);
    await bus.publish(custom('small', { payload: { blob: 'x'.repeat(900) } }));
    const logged = await redis.admin.xrange(new RedisKeys(keyPrefix).eventLog(), '-', '+');
    const names = logged.map(([, fields]) => fields.join(' ').match(/"name":"(\w+)"/)?.[1]);
    expect(names.filter((name) => name === 'big' || name === 'small')).toEqual(['small']);
  });

  it('keeps the log within eventLogBytes as well as eventLogLength, newest first', async () => {
    const keyPrefix = uniquePrefix('eventlog');
    const app = await redis.app({
      keyPrefix,
      security: { eventLogBytes: 20_000, eventLogLength: 1_000 } as SecurityConfig,
    });
    const bus = app.services.events;
    const blob = 'x'.repeat(1000);
    for (let i = 0; i < 100; i++) await bus.publish(custom(`e${i}`, { payload: { blob } }));
    const entries = await redis.admin.xrange(new RedisKeys(keyPrefix).eventLog(), '-', '+');
    const bytes = entries.reduce(
      // What the budget counts: the entries' field values.
      (sum, [, fields]) =>
        sum + fields.reduce((n, field, i) => n + (i % 2 === 1 ? Buffer.byteLength(field) : 0), 0),
      0,
    );
    expect(bytes).toBeLessThanOrEqual(20_000);
    // Only the oldest went: the log still holds about as much as it may.
    expect(bytes).toBeGreaterThan(20_000 - 2 * 1100);
    expect(entries.at(-1)?.[1].join(' ')).toContain('"name":"e99"');
  });
});

describe('a dropped pub/sub connection', () => {
  it('is logged, counted, and the events published meanwhile are delivered live, with no gap', async () => {
    const lines: string[] = [];
    const logger = pino(
      { level: 'warn' },
      new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    const app = await redis.app({}, { logger });
    const bus = app.services.events;
    const seen = recorder();
    const stop = bus.subscribe(null)[PUSH](seen.sink);
    for (const name of ['a1', 'a2', 'a3']) await bus.publish(custom(name));
    await seen.until(() => seen.names.length === 3);

    await redis.admin.call('CLIENT', 'KILL', 'TYPE', 'pubsub');
    // The connection is gone: no subscriber on this instance can receive these live.
    for (const name of ['gap1', 'gap2', 'gap3']) await bus.publish(custom(name));
    // Until the instance is back (reconnecting takes a moment), keep publishing markers.
    let markers = 0;
    while (!seen.names.some((name) => name.startsWith('m')) && markers < 200) {
      await bus.publish(custom(`m${markers}`));
      markers += 1;
      await Promise.race([
        seen.until(() => seen.names.some((name) => name.startsWith('m'))),
        new Promise((resolve) => setTimeout(resolve, 20)),
      ]);
    }
    await bus.publish(custom('last'));
    await seen.until(() => seen.names.includes('last'));
    stop();
    const expected = [
      'a1',
      'a2',
      'a3',
      'gap1',
      'gap2',
      'gap3',
      ...Array.from({ length: markers }, (_, i) => `m${i}`),
      'last',
    ];
    expect(seen.names).toEqual(expected);
    expect(lines.some((line) => /"level":40.*subscriber connection/.test(line))).toBe(true);
    const metrics = await (await app.yoga.fetch('http://nexus.test/metrics')).text();
    expect(metrics).toMatch(/nexus_event_subscriber_disconnects_total 1\b/);
  });
});
