/** `src/main.ts` as a real server process (for tests that kill one), and GraphQL to it. */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { freePort } from './redis-server.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface NexusProcess {
  readonly port: number;
  readonly child: ChildProcess;
  /** Resolves once the process serves GraphQL. */
  readonly ready: Promise<void>;
  /** The GraphQL response's data; throws on errors. */
  gql<T = Record<string, unknown>>(query: string, variables?: unknown): Promise<T>;
  /** SIGKILL, resolved once it exited. */
  kill(): Promise<void>;
  /** SIGTERM, resolved once it exited. */
  stop(): Promise<void>;
  /** A graphql-ws subscription: every result until it completes. */
  subscribe<T>(
    query: string,
    variables: Record<string, unknown>,
    onResult: (data: T) => void,
  ): Promise<void>;
}

export async function startNexusProcess(
  env: Record<string, string>,
  processes: NexusProcess[],
): Promise<NexusProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', PORT: String(port), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = once(child, 'exit');
  const ready = new Promise<void>((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Nexus is serving GraphQL')) {
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    void exited.then(() => reject(new Error(`exited before serving: ${stderr}`)));
  });
  const exit = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  const handle: NexusProcess = {
    port,
    child,
    ready,
    async gql<T>(query: string, variables: unknown = {}): Promise<T> {
      const response = await fetch(`http://localhost:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: T; errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data as T;
    },
    kill: () => exit('SIGKILL'),
    stop: () => exit('SIGTERM'),
    subscribe<T>(query: string, variables: Record<string, unknown>, onResult: (data: T) => void) {
      const client = createClient({
        url: `ws://localhost:${port}/graphql`,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
      });
      return new Promise<void>((resolve, reject) => {
        client.subscribe<Record<string, T>>(
          { query, variables },
          {
            next: (value) => {
              const data = Object.values(value.data ?? {})[0];
              if (data !== undefined) onResult(data);
            },
            error: (error) => {
              void client.dispose();
              reject(error instanceof Error ? error : new Error(JSON.stringify(error)));
            },
            complete: () => {
              void client.dispose();
              resolve();
            },
          },
        );
      });
    },
  };
  processes.push(handle);
  await ready;
  return handle;
}

/** Polls a condition another process changes, every few ms, within a deadline (not a sleep). */
export async function until<T>(
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 20_000,
  everyMs = 10,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
