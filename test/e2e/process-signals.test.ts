/**
 * `npm start` and `npm run dev` as a process manager runs them: the signal goes to the npm
 * process, and must reach the server beneath it (npm → node for start; npm → tsx → node for
 * dev), which drains and exits, releasing its port; npm then exits with the server's status.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdir, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../scripts/build-server.js';
import { deleteKeysWithPrefix, uniquePrefix } from '../helpers/prefix.js';
import { useRedisApps } from '../helpers/redis-app.js';
import { freePort } from '../helpers/redis-server.js';

const redis = useRedisApps('signals');
const root = fileURLToPath(new URL('../..', import.meta.url));
const running: ChildProcessWithoutNullStreams[] = [];
const serverPids: number[] = [];

afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const pid of serverPids.splice(0)) if (alive(pid)) process.kill(pid, 'SIGKILL');
});

/** The newest modification time under `directory`, in ms. */
async function newestUnder(directory: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(directory, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, (await stat(`${entry.parentPath}/${entry.name}`)).mtimeMs);
  }
  return newest;
}

// `npm ci` builds dist/ (prepare); a checkout edited since is built again here, so the test
// runs the server of the sources it sits beside.
beforeAll(async () => {
  const built = await stat(`${root}dist/main.js`).then(
    (file) => file.mtimeMs,
    () => 0,
  );
  if (built < (await newestUnder(`${root}src`))) await buildServer();
}, 180_000);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function npm(script: string, env: Record<string, string>) {
  const child = spawn('npm', script === 'start' ? ['start'] : ['run', script], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'info', ...env },
  });
  running.push(child);
  let output = '';
  const changed: Array<() => void> = [];
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    for (const wake of changed.splice(0)) wake();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = once(child, 'exit').then(([code, signal]) => ({ code, signal }));
  /** The first JSON log line whose message matches. */
  const logLine = async (match: RegExp): Promise<{ pid: number; msg: string; signal?: string }> => {
    for (;;) {
      for (const line of output.split('\n')) {
        if (!line.startsWith('{')) continue;
        const parsed = JSON.parse(line) as { pid: number; msg: string; signal?: string };
        if (match.test(parsed.msg)) return parsed;
      }
      const more = new Promise<void>((resolve) => changed.push(resolve));
      const ended = await Promise.race([more.then(() => false), exited.then(() => true)]);
      if (ended) throw new Error(`npm exited before logging ${match}: ${output}`);
    }
  };
  return { child, exited, logLine, output: () => output };
}

/** Polls until `pid` is gone (the server's exit is not ours to wait on: npm is its parent). */
async function gone(pid: number, deadlineMs = 15_000): Promise<boolean> {
  const deadline = Date.now() + deadlineMs;
  while (alive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

/** Whether a new listener can take `port` (the old server released it). */
async function portFree(port: number): Promise<boolean> {
  const probe = createServer();
  const result = await new Promise<boolean>((resolve) => {
    probe.once('error', () => resolve(false));
    probe.listen(port, () => resolve(true));
  });
  if (result) await new Promise((resolve) => probe.close(resolve));
  return result;
}

async function query(port: number) {
  const response = await fetch(`http://localhost:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"query":"{ pattern(id: \\"user_onboarding\\") { origin } }"}',
  });
  return response.json();
}

describe('signals to npm reach the server', () => {
  it.each([
    ['start', 'SIGTERM'],
    ['start', 'SIGINT'],
    ['dev', 'SIGTERM'],
  ] as const)(
    'npm %s, %s: the server drains, exits and frees its port',
    async (script, signal) => {
      const port = await freePort();
      const run = npm(script, { PORT: String(port) });
      const serving = await run.logLine(/Nexus is serving GraphQL/);
      serverPids.push(serving.pid);
      expect(serving.pid).not.toBe(run.child.pid);
      expect(await query(port)).toEqual({ data: { pattern: { origin: 'SYSTEM' } } });

      run.child.kill(signal);
      expect(await run.exited).toEqual({ code: 0, signal: null });
      expect((await run.logLine(/shutting down/)).signal).toBe(signal);
      expect(await gone(serving.pid)).toBe(true);
      expect(await portFree(port)).toBe(true);
    },
    90_000,
  );

  it('npm start runs the built server on Redis, its Lua scripts read from dist/', async () => {
    const port = await freePort();
    const prefix = uniquePrefix('signals');
    const run = npm('start', {
      PORT: String(port),
      REDIS_URL: redis.server.url,
      NEXUS_KEY_PREFIX: prefix,
    });
    const serving = await run.logLine(/Nexus is serving GraphQL/);
    serverPids.push(serving.pid);
    // The system patterns were written by create-pattern.lua.
    expect(await query(port)).toEqual({ data: { pattern: { origin: 'SYSTEM' } } });
    expect(run.output()).toContain('node --enable-source-maps dist/main.js');
    run.child.kill('SIGTERM');
    expect(await run.exited).toEqual({ code: 0, signal: null });
    expect(await gone(serving.pid)).toBe(true);
    await deleteKeysWithPrefix(redis.admin, prefix);
  }, 90_000);
});
