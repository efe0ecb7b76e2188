/** Two server processes on one Redis: a subscriber on B sees the mutation sent to A. */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createClient } from 'graphql-ws';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { uniquePrefix } from '../helpers/prefix.js';
import { useRedisApps } from '../helpers/redis-app.js';
import { freePort } from '../helpers/redis-server.js';

const redis = useRedisApps('instances');
const root = fileURLToPath(new URL('../..', import.meta.url));
const processes: ChildProcess[] = [];
afterEach(() => {
  for (const child of processes.splice(0)) if (child.exitCode === null) child.kill('SIGTERM');
});

async function startInstance(env: Record<string, string>): Promise<number> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', PORT: String(port), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  processes.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Nexus is serving GraphQL')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`instance exited (${code})`)));
  });
  return port;
}

describe('two instances', () => {
  it('deliver a mutation made on A to a subscriber on B', async () => {
    const env = { REDIS_URL: redis.server.url, NEXUS_KEY_PREFIX: uniquePrefix('two') };
    const [a, b] = await Promise.all([startInstance(env), startInstance(env)]);
    const client = createClient({
      url: `ws://localhost:${b}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
    });
    try {
      const events = client.iterate<{
        nexusEvents: { type: string; relationship: { from: { id: string } } | null };
      }>({
        query:
          'subscription { nexusEvents(types: [PATTERN_CHANGED, RELATIONSHIP_CREATED], since: "0-0") { type relationship { from { id } } } }',
      });
      // The seeded system patterns come first, from the log: once one arrives the replay is done
      // and B listens live, so what follows can only cross from A through Redis pub/sub.
      const replayed = await events.next();
      expect(replayed.value?.data?.nexusEvents.type).toBe('PATTERN_CHANGED');
      const response = await fetch(`http://localhost:${a}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query:
            'mutation { createRelationship(input: { from: "made:on-a", to: "seen:on-b", type: LINKED }) { id } }',
        }),
      });
      expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
      let live = await events.next();
      while (live.value?.data?.nexusEvents.type === 'PATTERN_CHANGED') live = await events.next();
      expect(live.value?.data?.nexusEvents).toEqual({
        type: 'RELATIONSHIP_CREATED',
        relationship: { from: { id: 'made:on-a' } },
      });
      await events.return?.();
    } finally {
      await client.dispose();
    }
  });
});
