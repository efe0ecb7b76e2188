/**
 * Slow-body attack on a real server (Redis, JWT on), loopback only, bounded in count and time:
 * CONNECTIONS sockets each declare a 1 MiB body and send all of it but the last byte, then
 * hold. Prints the server's RSS before and at its peak, and what became of the sockets.
 *
 *   npx tsx bench/slow-body-attack.ts [anonymous|user] [connections]
 *
 * Extra NEXUS_* variables in the environment are passed to the server (e.g. a short
 * NEXUS_REQUEST_TIMEOUT_MS to see held bodies released).
 */
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { signToken } from '../src/server/authenticate.js';
import { startRedisServer } from '../test/helpers/redis-server.js';
import { NEXUS_MAIN } from './nexus-modules.js';
import { startScript } from './process.js';

const SECRET = 'bench-secret-that-is-long-enough-0123456789';
const BODY_BYTES = 1024 * 1024;
/** The attack's whole budget: sending, then watching the server hold what it got. */
const SEND_DEADLINE_MS = 20_000;
const HOLD_MS = 3_000;

const mode = process.argv[2] === 'user' ? 'user' : 'anonymous';
const connections = Math.min(Number(process.argv[3] ?? 300) || 300, 1_000);

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kib / 1024);
}

function attack(port: number, token: string | null): Promise<{ socket: Socket; sent: boolean }> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let settled = false;
    const settle = (sent: boolean) => {
      if (!settled) resolve({ socket, sent });
      settled = true;
    };
    socket.on('error', () => settle(false));
    socket.on('close', () => settle(false));
    // Read whatever the server answers, so that its closing is seen here.
    socket.resume();
    socket.on('connect', () => {
      const auth = token === null ? '' : `authorization: Bearer ${token}\r\n`;
      socket.write(
        `POST /graphql HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\n${auth}content-length: ${BODY_BYTES}\r\n\r\n`,
      );
      socket.write(Buffer.alloc(BODY_BYTES - 1, 0x20), () => settle(true));
    });
  });
}

async function main(): Promise<void> {
  const redis = await startRedisServer();
  const passthrough = Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] => entry[0].startsWith('NEXUS_') && entry[1] !== undefined,
    ),
  );
  const { child, port } = await startScript(NEXUS_MAIN, /Nexus is serving GraphQL/, {
    REDIS_URL: redis.url,
    NEXUS_JWT_SECRET: SECRET,
    NEXUS_KEY_PREFIX: `bench-slow-${Date.now()}:`,
    LOG_LEVEL: 'info',
    ...passthrough,
  });
  const pid = child.pid ?? 0;
  const token = mode === 'user' ? await signToken(SECRET, { sub: 'mallory' }) : null;
  try {
    // Warm up the paths the attack touches, so that the baseline is not a cold process.
    for (let i = 0; i < 20; i++) {
      await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
    }
    const before = rssMiB(pid);
    const started = Date.now();
    const sockets = await Promise.race([
      Promise.all(Array.from({ length: connections }, () => attack(port, token))),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), SEND_DEADLINE_MS)),
    ]);
    const sendMs = Date.now() - started;
    let peak = rssMiB(pid);
    const holdUntil = Date.now() + HOLD_MS;
    while (Date.now() < holdUntil) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      peak = Math.max(peak, rssMiB(pid));
    }
    const open = sockets?.filter(({ socket }) => !socket.destroyed);
    const last = rssMiB(pid);
    console.log(
      JSON.stringify({
        mode,
        connections,
        fullySent: sockets?.filter((s) => s.sent).length ?? 'deadline',
        openAfterHold: open?.length ?? 'deadline',
        sendMs,
        rssBeforeMiB: before,
        rssPeakMiB: peak,
        rssDeltaMiB: peak - before,
        rssAfterHoldMiB: last,
      }),
    );
    for (const { socket } of sockets ?? []) socket.destroy();
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await redis.stop();
  }
}

await main();
