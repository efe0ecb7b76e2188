/**
 * A Nexus server as a child process (src/main.ts or a test entry point) on a free port: the one
 * way tests start one, wait for its log lines, talk GraphQL to it and stop or kill it.
 */
import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { freePort } from './redis-server.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The log line a process prints once it takes work: GraphQL served, or queued runs taken. */
export const READY = /Nexus is (serving GraphQL|running queued work)/;

export interface NexusProcess {
  readonly port: number;
  readonly child: ChildProcessByStdio<null, Readable, Readable>;
  /** Log lines (JSON) printed so far. */
  readonly lines: string[];
  /** Resolves with the exit code (null when a signal ended it). */
  readonly exited: Promise<number | null>;
  /** What it printed to stderr so far. */
  stderr(): string;
  /** The first line matching, printed already or yet to come; rejects if it exits first. */
  waitForLine(match: RegExp): Promise<string>;
  /** The GraphQL response's data; throws on errors. */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** A graphql-ws subscription: every result until it completes. */
  subscribe<T>(
    query: string,
    variables: Record<string, unknown>,
    onResult: (data: T) => void,
  ): Promise<void>;
  /** SIGTERM, then waits for the exit; resolves with the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL, then waits for the exit. */
  kill(): Promise<number | null>;
}

export interface NexusProcessOptions {
  /** The entry point, relative to the repository root. */
  script?: string;
  /** Where the handle goes as soon as it is spawned, so that an afterEach ends it. */
  track?: NexusProcess[];
}

/**
 * Spawns without waiting for readiness (for processes expected to fail at start). `env` comes
 * last, so it may override PORT and LOG_LEVEL.
 */
export async function spawnNexusProcess(
  env: Record<string, string>,
  { script = 'src/main.ts', track }: NexusProcessOptions = {},
): Promise<NexusProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let buffered = '';
  let stderr = '';
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
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  const handle: NexusProcess = {
    port,
    child,
    lines,
    exited,
    stderr: () => stderr,
    waitForLine: (match) =>
      new Promise<string>((resolve, reject) => {
        const found = lines.find((line) => match.test(line));
        if (found) return resolve(found);
        waiters.push({ match, resolve });
        void exited.then((code) =>
          reject(new Error(`exited (${code}) first: ${stderr}\n${lines.join('\n')}`)),
        );
      }),
    async gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
      const body = await postGraphQL<T>(port, query, variables);
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data as T;
    },
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
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
  };
  track?.push(handle);
  return handle;
}

/** Spawns, and resolves once the process prints its `ready` line. */
export async function startNexusProcess(
  env: Record<string, string>,
  { ready = READY, ...options }: NexusProcessOptions & { ready?: RegExp } = {},
): Promise<NexusProcess> {
  const handle = await spawnNexusProcess(env, options);
  await handle.waitForLine(ready);
  return handle;
}

/** POSTs a GraphQL operation to a process (development mode: the caller is the admin). */
export async function postGraphQL<T = Record<string, unknown>>(
  port: number,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ data?: T; errors?: Array<{ message: string }> }> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
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
