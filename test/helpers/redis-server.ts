/** A real redis-server (from PATH) on a free loopback port, started and stopped by the test. */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RedisServer {
  readonly port: number;
  readonly url: string;
  /** Starts it again on the same port (after stop), for fault tests. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Kills it (SIGKILL: no shutdown, no last write), for crash tests; start() brings it back. */
  kill(): Promise<void>;
  /** Freezes it (SIGSTOP): connections stay open, nothing is answered; resume() thaws it. */
  pause(): void;
  resume(): void;
  /** Stops it and removes what it kept on disk. */
  dispose(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * `persistent`: an append-only file in a temporary folder, written at every command, so that data
 * survives stop() and start() (for outage tests); otherwise nothing is kept.
 */
export async function startRedisServer(
  options: { persistent?: boolean } = {},
): Promise<RedisServer> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const dir = options.persistent ? await mkdtemp(join(tmpdir(), 'nexus-redis-')) : undefined;
  const persistence =
    dir === undefined
      ? ['--appendonly', 'no']
      : ['--appendonly', 'yes', '--appendfsync', 'always', '--dir', dir];

  const start = async () => {
    const proc = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...persistence],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = proc;
    await untilReady(proc);
  };

  const end = async (signal: NodeJS.Signals) => {
    const proc = child;
    child = undefined;
    if (proc) await endProcess(proc, signal);
  };
  const stop = () => end('SIGTERM');
  const kill = () => end('SIGKILL');

  const dispose = async () => {
    await stop();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  };

  await start();
  const pause = () => {
    child?.kill('SIGSTOP');
  };
  const resume = () => {
    child?.kill('SIGCONT');
  };

  return { port, url: `redis://127.0.0.1:${port}`, start, stop, kill, pause, resume, dispose };
}

/**
 * Settles once a redis-server process's log matches `ready` (by default: it accepts
 * connections); rejects if it exits first.
 */
export function untilReady(
  proc: ChildProcess,
  ready: RegExp = /Ready to accept connections/,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        proc.stdout?.off('data', onData);
        proc.stdout?.resume();
        resolve();
      }
    };
    proc.stdout?.on('data', onData);
    proc.once('error', reject);
    proc.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output}`)));
  });
}

/** Sends `signal` and waits for the exit (at once if it has ended already). */
export async function endProcess(proc: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = once(proc, 'exit');
  proc.kill(signal);
  await exited;
}
