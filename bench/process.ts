import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort } from '../test/helpers/redis-server.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Runs an entry point on a free port (TypeScript through tsx, a .js file as it is) and resolves
 * once it prints `ready`.
 */
export async function startScript(
  script: string,
  ready: RegExp,
  env: Record<string, string>,
): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  // BENCH_PROFILE=<dir> writes a V8 CPU profile of each server process there.
  const profile = process.env.BENCH_PROFILE;
  const profiling = profile ? ['--cpu-prof', '--cpu-prof-dir', profile] : [];
  const loader = script.endsWith('.js') ? [] : ['--import', 'tsx'];
  const child = spawn(process.execPath, [...profiling, ...loader, script], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}): ${output}`)));
  });
  child.stdout?.resume();
  return { child, port };
}

/** CPU time (user + system) the process has used, in ms, from /proc (Linux). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}
