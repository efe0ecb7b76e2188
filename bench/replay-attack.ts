/**
 * `npx tsx bench/replay-attack.ts`: what `since` replays cost everyone else. Starts its own
 * redis-server and Nexus (src/main.ts, JWT on) as a separate process, fills the event log with
 * 10 000 events of ~300 bytes (nine in ten visible only to another user), then opens
 * REPLAY_CONNECTIONS graphql-ws connections (one user each, default "1,3": one run per value)
 * that each start 100 `nexusEvents(since: "0-0")` subscriptions at once. Meanwhile a third user
 * sends a simple query every 10 ms; the figures are that query's latency (p50, p99, max) and
 * the server's RSS growth while the replays run.
 */
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import WebSocket from 'ws';
import { systemClock } from '../src/domain/shared/clock.js';
import { RedisKeys } from '../src/infra/redis/keys.js';
import { RedisEventBus } from '../src/infra/redis/redis-event-bus.js';
import { signToken } from '../src/security/authenticate.js';
import { startRedisServer } from '../test/helpers/redis-server.js';
import { startScript } from './process.js';

const SECRET = 'replay-attack-bench-secret-0123456789abcdef';
const LOG_EVENTS = 10_000;
const SUBSCRIPTIONS = 100;
const prefix = 'benchreplay:';

function rssKb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
}

async function fillLog(url: string): Promise<number> {
  const publisher = new Redis(url);
  const subscriber = new Redis(url);
  const bus = new RedisEventBus(
    publisher,
    subscriber,
    new RedisKeys(prefix),
    systemClock,
    { maxLength: LOG_EVENTS, maxQueued: 1000 },
    (error) => console.error(error),
  );
  let visible = 0;
  const text = 'x'.repeat(200);
  for (let i = 0; i < LOG_EVENTS; i += 100) {
    await Promise.all(
      Array.from({ length: 100 }, (_, j) => {
        const audience = (i + j) % 10 === 0 ? null : 'owner';
        if (audience === null) visible += 1;
        return bus.publish({ type: 'CUSTOM', name: 'seed', payload: { i: i + j, text }, audience });
      }),
    );
  }
  const bytes = await publisher.memory('USAGE', `${prefix}events:log`);
  console.log(`log: ${await publisher.xlen(`${prefix}events:log`)} events, ~${bytes} bytes`);
  publisher.disconnect();
  subscriber.disconnect();
  return visible;
}

interface Attacker {
  socket: WebSocket;
  /** Subscriptions that got the whole replay or an error. */
  settled: number;
  errors: Map<string, number>;
}

async function attack(port: number, user: string, expected: number): Promise<Attacker> {
  const token = await signToken(SECRET, { sub: user });
  const socket = new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws');
  await once(socket, 'open');
  socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: token } }));
  await once(socket, 'message');
  const attacker: Attacker = { socket, settled: 0, errors: new Map() };
  const received = new Map<string, number>();
  socket.on('message', (data) => {
    const text = String(data);
    const id = /"id":"(\d+)"/.exec(text)?.[1] ?? '';
    if (text.includes('"type":"next"')) {
      const count = (received.get(id) ?? 0) + 1;
      received.set(id, count);
      if (count === expected) attacker.settled += 1;
    } else if (text.includes('"type":"error"')) {
      attacker.settled += 1;
      const code = /"code":"([A-Z_]+)"/.exec(text)?.[1] ?? 'other';
      attacker.errors.set(code, (attacker.errors.get(code) ?? 0) + 1);
    }
  });
  const query = 'subscription { nexusEvents(since: "0-0") { id type name payload } }';
  for (let i = 1; i <= SUBSCRIPTIONS; i++)
    socket.send(JSON.stringify({ id: String(i), type: 'subscribe', payload: { query } }));
  return attacker;
}

async function victimQuery(url: string, token: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ patterns(first: 1) { totalCount } }' }),
  });
  await response.text();
  return performance.now() - started;
}

const pick = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

async function run(connections: number): Promise<void> {
  const server = await startRedisServer();
  const env = {
    REDIS_URL: server.url,
    NEXUS_KEY_PREFIX: prefix,
    NEXUS_JWT_SECRET: SECRET,
    LOG_LEVEL: 'warn',
  };
  const visible = await fillLog(server.url);
  const nexus = await startScript('src/main.ts', /Nexus is serving/, {
    ...env,
    LOG_LEVEL: 'info',
  });
  const pid = nexus.child.pid ?? 0;
  const url = `http://127.0.0.1:${nexus.port}/graphql`;
  try {
    const victim = await signToken(SECRET, { sub: 'victim' });
    for (let i = 0; i < 50; i++) await victimQuery(url, victim); // warm up
    const idle: number[] = [];
    for (let i = 0; i < 100; i++) idle.push(await victimQuery(url, victim));
    const rssBefore = rssKb(pid);
    let rssPeak = rssBefore;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, rssKb(pid));
    }, 50);
    const started = performance.now();
    const attackers = await Promise.all(
      Array.from({ length: connections }, (_, i) => attack(nexus.port, `mallory${i}`, visible)),
    );
    const latencies: number[] = [];
    const total = connections * SUBSCRIPTIONS;
    const deadline = started + 120_000;
    while (
      attackers.reduce((sum, a) => sum + a.settled, 0) < total &&
      performance.now() < deadline
    ) {
      latencies.push(await victimQuery(url, victim));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const errors = new Map<string, number>();
    for (const a of attackers)
      for (const [code, n] of a.errors) errors.set(code, (errors.get(code) ?? 0) + n);
    for (const a of attackers) a.socket.terminate();
    idle.sort((a, b) => a - b);
    latencies.sort((a, b) => a - b);
    const ms = (n: number) => `${n.toFixed(1)} ms`;
    console.log(
      `\n${connections} x ${SUBSCRIPTIONS} replays of ${LOG_EVENTS} events (${visible} visible each): ${seconds.toFixed(1)} s until all settled`,
    );
    console.log(`refused: ${JSON.stringify(Object.fromEntries(errors))}`);
    console.log(`victim idle:   p50 ${ms(pick(idle, 0.5))}  p99 ${ms(pick(idle, 0.99))}`);
    console.log(
      `victim attack: p50 ${ms(pick(latencies, 0.5))}  p99 ${ms(pick(latencies, 0.99))}  max ${ms(latencies.at(-1) ?? 0)}  (${latencies.length} queries)`,
    );
    console.log(
      `server RSS: ${(rssBefore / 1024).toFixed(0)} MiB before, peak +${((rssPeak - rssBefore) / 1024).toFixed(0)} MiB`,
    );
  } finally {
    nexus.child.kill('SIGTERM');
    await once(nexus.child, 'exit');
    await server.stop();
  }
}

for (const connections of (process.env.REPLAY_CONNECTIONS ?? '1,3').split(',').map(Number))
  await run(connections);
