/** A Nexus server as a child process (src/main.ts or a test entry point) on a free port. */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { freePort } from './redis-server.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface NexusProcess {
  port: number;
  child: ChildProcessWithoutNullStreams;
  /** Log lines (JSON) printed so far. */
  lines: string[];
  waitForLine(match: RegExp): Promise<string>;
  /** SIGTERM, then waits for the exit; resolves with the exit code. */
  stop(): Promise<number | null>;
}

export async function startNexusProcess(
  env: Record<string, string>,
  { script = 'src/main.ts', ready = /Nexus is (serving GraphQL|running queued work)/ } = {},
): Promise<NexusProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', PORT: String(port), ...env },
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
  const waitForLine = (match: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const found = lines.find((line) => match.test(line));
      if (found) return resolve(found);
      waiters.push({ match, resolve });
      void exited.then((code) =>
        reject(new Error(`exited (${code}) first: ${stderr}\n${lines.join('\n')}`)),
      );
    });
  await waitForLine(ready);
  return {
    port,
    child,
    lines,
    waitForLine,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
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
