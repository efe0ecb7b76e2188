/** `src/main.ts` as a process, the way `npm start` runs it. */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { uniquePrefix } from '../helpers/prefix.js';
import { useRedisApps } from '../helpers/redis-app.js';
import { freePort } from '../helpers/redis-server.js';

const redis = useRedisApps('main');
const root = fileURLToPath(new URL('../..', import.meta.url));
const running: ChildProcessWithoutNullStreams[] = [];

afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function startMain(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env },
  });
  running.push(child);
  const lines: string[] = [];
  let buffered = '';
  const waiters: Array<{ match: RegExp; resolve: (line: string) => void }> = [];
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      for (const waiter of [...waiters]) {
        if (waiter.match.test(line)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(line);
        }
      }
    }
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return {
    child,
    lines,
    stderr: () => stderr,
    exited,
    waitForLine: (match: RegExp) =>
      new Promise<string>((resolve, reject) => {
        const found = lines.find((line) => match.test(line));
        if (found) return resolve(found);
        waiters.push({ match, resolve });
        void exited.then((code) => reject(new Error(`exited (${code}) first: ${stderr}`)));
      }),
  };
}

async function query(port: number, body: string) {
  const response = await fetch(`http://localhost:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  return response.json();
}

describe('npm start (src/main.ts)', () => {
  it('stops on bad configuration with one line naming the variable', async () => {
    const main = startMain({ PORT: 'abc' });
    expect(await main.exited).toBe(1);
    expect(main.stderr().trim()).toBe('Invalid configuration: PORT must be a number (got "abc")');
    const malformed = startMain({ REDIS_URL: 'not a url' });
    expect(await malformed.exited).toBe(1);
    expect(malformed.stderr().trim().split('\n')).toHaveLength(1);
    expect(malformed.stderr()).toContain('REDIS_URL');
  });

  it('says in its first log line that it runs embedded, serves, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const main = startMain({ PORT: String(port) });
    await main.waitForLine(/Nexus is serving GraphQL/);
    expect(JSON.parse(main.lines[0] ?? '{}').msg).toMatch(/embedded in-memory/);
    expect(await query(port, '{"query":"{ patterns { totalCount } }"}')).toEqual({
      data: { patterns: { totalCount: 2 } },
    });
    main.child.kill('SIGTERM');
    expect(await main.exited).toBe(0);
  });

  it('runs on Redis when REDIS_URL is set', async () => {
    const port = await freePort();
    const main = startMain({
      PORT: String(port),
      REDIS_URL: redis.server.url,
      NEXUS_KEY_PREFIX: uniquePrefix('main'),
    });
    await main.waitForLine(/Nexus is serving GraphQL/);
    expect(JSON.parse(main.lines[0] ?? '{}').msg).toBe('storage: Redis');
    expect(
      await query(port, '{"query":"{ pattern(id: \\"user_onboarding\\") { origin } }"}'),
    ).toEqual({
      data: { pattern: { origin: 'SYSTEM' } },
    });
    main.child.kill('SIGINT');
    expect(await main.exited).toBe(0);
  });
});
