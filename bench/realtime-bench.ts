import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import WebSocket from 'ws';
import { systemClock } from '../src/domain/shared/clock.js';
import { RedisKeys } from '../src/infra/redis/keys.js';
import { RedisEventBus } from '../src/infra/redis/redis-event-bus.js';
import { startRedisServer } from '../test/helpers/redis-server.js';
import { NEXUS_MAIN } from './nexus-modules.js';
import { startScript } from './process.js';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1000);
const SECONDS = Number(process.env.BENCH_REALTIME_SECONDS ?? 4);
const _root = fileURLToPath(new URL('..', import.meta.url));
const prefix = 'benchrt:';

function rssKb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
}

interface Subscriber {
  socket: WebSocket;
  latencies: number[];
}

/** Opens N sockets; `onOpen` does the protocol's opening, resolving when events can flow. */
async function connect(
  url: string,
  protocol: string | undefined,
  onOpen: (socket: WebSocket) => Promise<void>,
  parse: (data: string) => number | null,
): Promise<Subscriber[]> {
  const subscribers: Subscriber[] = [];
  for (let i = 0; i < SUBSCRIBERS; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, SUBSCRIBERS - i) }, async () => {
        const socket = protocol ? new WebSocket(url, protocol) : new WebSocket(url);
        const subscriber: Subscriber = { socket, latencies: [] };
        await once(socket, 'open');
        await onOpen(socket);
        socket.on('message', (data) => {
          const sentAt = parse(data.toString());
          if (sentAt !== null)
            subscriber.latencies.push(performance.timeOrigin + performance.now() - sentAt);
        });
        subscribers.push(subscriber);
      }),
    );
  }
  return subscribers;
}

async function publishSteadily(bus: RedisEventBus, run: string, rate: number): Promise<number> {
  const total = rate * SECONDS;
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    await bus.publish({
      type: 'CUSTOM',
      name: run,
      payload: { sentAt: performance.timeOrigin + performance.now(), i },
    });
  }
  return total;
}

async function measure(
  subscribers: Subscriber[],
  expected: number,
  publish: () => Promise<number>,
) {
  const started = performance.now();
  await publish();
  // Wait until every subscriber has every event (bounded), then compute.
  const deadline = performance.now() + 10_000;
  while (performance.now() < deadline && subscribers.some((s) => s.latencies.length < expected)) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const seconds = (performance.now() - started) / 1000;
  const all = subscribers.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const pick = (q: number) => all[Math.min(all.length - 1, Math.floor(q * all.length))] ?? 0;
  return {
    deliveries: all.length / seconds,
    p50: pick(0.5),
    p99: pick(0.99),
    lost: expected * subscribers.length - all.length,
  };
}

/** One run at `rate` events per second (fresh servers and subscribers each time). */
export async function runRealtimeBench(rate: number): Promise<void> {
  const server = await startRedisServer();
  const publisher = new Redis(server.url);
  const subscriberClient = new Redis(server.url);
  const bus = new RedisEventBus(
    publisher,
    subscriberClient,
    new RedisKeys(prefix),
    systemClock,
    {
      maxLength: 10_000,
      maxBytes: 32 * 1024 * 1024,
      maxQueued: 1_000,
      maxEventBytes: 64 * 1024,
      maxReplays: 8,
    },
    { publishFailed: (e) => console.error(e) },
  );
  const env = {
    REDIS_URL: server.url,
    NEXUS_KEY_PREFIX: prefix,
    LOG_LEVEL: 'warn',
    // Every subscriber is the development user "dev".
    NEXUS_SUBSCRIPTIONS_PER_USER: String(SUBSCRIBERS),
  };
  const nexus = await startScript(NEXUS_MAIN, /Nexus is serving/, { ...env, LOG_LEVEL: 'info' });
  const relay = await startScript('bench/ws-relay.ts', /relay ready/, env);
  try {
    const expected = rate * SECONDS;
    const nexusIdle = rssKb(nexus.child.pid ?? 0);
    const query = 'subscription { nexusEvents(types: [CUSTOM]) { payload } }';
    const nexusSubs = await connect(
      `ws://127.0.0.1:${nexus.port}/graphql`,
      'graphql-transport-ws',
      async (socket) => {
        socket.send(JSON.stringify({ type: 'connection_init' }));
        await once(socket, 'message');
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }));
      },
      (data) => {
        const message = JSON.parse(data) as {
          type: string;
          payload?: { data?: { nexusEvents?: { payload?: { sentAt?: number } } } };
        };
        return message.type === 'next'
          ? (message.payload?.data?.nexusEvents?.payload?.sentAt ?? null)
          : null;
      },
    );
    // Give the server a moment to register every subscription, then take the memory reading.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const nexusPerSubscriber = ((rssKb(nexus.child.pid ?? 0) - nexusIdle) * 1024) / SUBSCRIBERS;
    const ours = await measure(nexusSubs, expected, () => publishSteadily(bus, 'nexus', rate));
    for (const s of nexusSubs) s.socket.terminate();

    const relayIdle = rssKb(relay.child.pid ?? 0);
    const relaySubs = await connect(
      `ws://127.0.0.1:${relay.port}`,
      undefined,
      async () => {},
      (data) => {
        const event = JSON.parse(data) as { payload?: { sentAt?: number } };
        return event.payload?.sentAt ?? null;
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const relayPerSubscriber = ((rssKb(relay.child.pid ?? 0) - relayIdle) * 1024) / SUBSCRIBERS;
    const theirs = await measure(relaySubs, expected, () => publishSteadily(bus, 'relay', rate));
    for (const s of relaySubs) s.socket.terminate();

    console.log(
      `\nreal-time: ${SUBSCRIBERS} subscribers, ${rate} events/s for ${SECONDS}s (${expected} events each)\n`,
    );
    const row = (name: string, r: typeof ours, memory: number) =>
      console.log(
        `${name.padEnd(12)} ${r.deliveries.toFixed(0).padStart(14)} ${r.p50.toFixed(1).padStart(9)} ${r.p99.toFixed(1).padStart(9)} ${String(r.lost).padStart(6)} ${(memory / 1024).toFixed(1).padStart(14)}`,
      );
    console.log(
      `${'server'.padEnd(12)} ${'deliveries/s'.padStart(14)} ${'p50 ms'.padStart(9)} ${'p99 ms'.padStart(9)} ${'lost'.padStart(6)} ${'KiB/subscriber'.padStart(14)}`,
    );
    row('nexus', ours, nexusPerSubscriber);
    row('ws relay', theirs, relayPerSubscriber);
    console.log(
      `\ndeliveries/s ratio ${(ours.deliveries / theirs.deliveries).toFixed(2)}, p99 ratio ${(ours.p99 / theirs.p99).toFixed(2)}`,
    );
  } finally {
    for (const target of [nexus, relay]) {
      target.child.kill('SIGTERM');
      await once(target.child, 'exit');
    }
    publisher.disconnect();
    subscriberClient.disconnect();
    await server.stop();
  }
}
