/**
 * `npx tsx bench/replay-attack.ts`: what `since` replays cost everyone else. Starts its own
 * redis-server and Nexus (src/main.ts, JWT on) as a separate process, fills the event log with
 * 10 000 events of ~300 bytes (nine in ten visible only to another user), then opens
 * REPLAY_CONNECTIONS graphql-ws connections (one user each, default "1,3": one run per value)
 * that each start 100 `nexusEvents(since: "0-0")` subscriptions at once. Meanwhile a third user
 * sends a simple query every 10 ms; the figures are that query's latency (p50, p99, max) and
 * the server's RSS growth while the replays run. ATTACK_SECONDS=n keeps the attack going for n
 * seconds (each subscription that settles is asked for again); REPLAY_ENV="NAME=value,..." sets
 * the server's limits.
 */
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import WebSocket from 'ws';
import { systemClock } from '../src/domain/shared/clock.js';
import { RedisKeys } from '../src/infra/redis/keys.js';
import { RedisEventBus } from '../src/infra/redis/redis-event-bus.js';
import { signToken } from '../src/server/authenticate.js';
import { startRedisServer } from '../test/helpers/redis-server.js';
import { NEXUS_MAIN } from './nexus-modules.js';
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
    {
      maxLength: LOG_EVENTS,
      maxBytes: 32 * 1024 * 1024,
      maxQueued: 1_000,
      maxEventBytes: 64 * 1024,
      maxReplays: 8,
    },
    { publishFailed: (error) => console.error(error) },
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

/**
 * With `sustain`, every subscription that settles is replaced by a new one (a caught-up one is
 * completed first): the attack goes on, 100 replays asked for at all times, until the bench ends.
 */
async function attack(
  port: number,
  user: string,
  expected: number,
  sustain: boolean,
): Promise<Attacker> {
  const token = await signToken(SECRET, { sub: user });
  const socket = new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws');
  await once(socket, 'open');
  socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: token } }));
  await once(socket, 'message');
  const attacker: Attacker = { socket, settled: 0, errors: new Map() };
  const received = new Map<string, number>();
  const query = 'subscription { nexusEvents(since: "0-0") { id type name payload } }';
  let nextId = 1;
  const subscribe = () => {
    const id = String(nextId++);
    socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query } }));
  };
  const settled = (id: string, caughtUp: boolean) => {
    attacker.settled += 1;
    if (!sustain || socket.readyState !== socket.OPEN) return;
    if (caughtUp) socket.send(JSON.stringify({ id, type: 'complete' }));
    subscribe();
  };
  socket.on('message', (data) => {
    const text = String(data);
    const id = /"id":"(\d+)"/.exec(text)?.[1] ?? '';
    // A refused subscription gets one `next` carrying the error (then `complete`).
    const refused = text.includes('"errors"') || text.includes('"type":"error"');
    if (text.includes('"type":"next"') && !refused) {
      const count = (received.get(id) ?? 0) + 1;
      received.set(id, count);
      if (count === expected) settled(id, true);
    } else if (refused) {
      settled(id, false);
      const code = /"code":"([A-Z_]+)"/.exec(text)?.[1] ?? 'other';
      attacker.errors.set(code, (attacker.errors.get(code) ?? 0) + 1);
    }
  });
  for (let i = 0; i < SUBSCRIPTIONS; i++) subscribe();
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

/** ATTACK_SECONDS > 0: a sustained attack of that long; 0: one round, until all settled. */
const ATTACK_SECONDS = Number(process.env.ATTACK_SECONDS ?? 0);

async function run(connections: number): Promise<void> {
  const server = await startRedisServer();
  const env = {
    REDIS_URL: server.url,
    NEXUS_KEY_PREFIX: prefix,
    NEXUS_JWT_SECRET: SECRET,
    LOG_LEVEL: 'warn',
    // REPLAY_ENV='NAME=value,...' tries other limits.
    ...Object.fromEntries(
      (process.env.REPLAY_ENV ?? '')
        .split(',')
        .filter(Boolean)
        .map((pair) => pair.split('=')),
    ),
  };
  const visible = await fillLog(server.url);
  const nexus = await startScript(NEXUS_MAIN, /Nexus is serving/, {
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
      Array.from({ length: connections }, (_, i) =>
        attack(nexus.port, `mallory${i}`, visible, ATTACK_SECONDS > 0),
      ),
    );
    const latencies: number[] = [];
    const total = connections * SUBSCRIPTIONS;
    const deadline = started + (ATTACK_SECONDS > 0 ? ATTACK_SECONDS : 120) * 1000;
    while (
      (ATTACK_SECONDS > 0 || attackers.reduce((sum, a) => sum + a.settled, 0) < total) &&
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
      ATTACK_SECONDS > 0
        ? `\n${connections} x ${SUBSCRIPTIONS} replays of ${LOG_EVENTS} events (${visible} visible each), asked for again as each settles, for ${seconds.toFixed(1)} s: ${attackers.reduce((sum, a) => sum + a.settled, 0)} settled`
        : `\n${connections} x ${SUBSCRIPTIONS} replays of ${LOG_EVENTS} events (${visible} visible each): ${seconds.toFixed(1)} s until all settled`,
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
