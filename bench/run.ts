/**
 * `npm run bench`: starts its own redis-server, Nexus and the baseline server as separate
 * processes, checks they answer each scenario identically, then measures them in alternating
 * rounds with autocannon and prints Nexus's throughput as a ratio of the baseline's.
 *
 * BENCH_SECONDS (default 5) per round, BENCH_ROUNDS (default 3), BENCH_CONNECTIONS (default 50).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { RedisKeys } from '../src/infra/redis/keys.js';
import { RedisPatternStore } from '../src/infra/redis/redis-pattern-store.js';
import { freePort, startRedisServer } from '../test/helpers/redis-server.js';
import { type Scenario, scenarios } from './scenarios.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const root = fileURLToPath(new URL('..', import.meta.url));
const prefix = 'bench:';

interface Target {
  name: 'nexus' | 'baseline';
  url: string;
  process: ChildProcess;
}

async function startTarget(
  name: Target['name'],
  script: string,
  readyLine: RegExp,
  env: Record<string, string>,
): Promise<Target> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (readyLine.test(output)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}): ${output}`)));
  });
  child.stdout?.resume();
  return { name, url: `http://127.0.0.1:${port}/graphql`, process: child };
}

async function post(url: string, scenario: Scenario): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: scenario.query, variables: scenario.variables }),
  });
  return response.text();
}

async function measure(target: Target, scenario: Scenario, duration: number): Promise<number> {
  const result = await autocannon({
    url: target.url,
    method: 'POST',
    connections,
    duration,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: scenario.query, variables: scenario.variables }),
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${target.name}: ${result.non2xx} non-2xx responses, ${result.errors} errors`);
  }
  return result.requests.average;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

async function main() {
  const redisServer = await startRedisServer();
  const redis = new Redis(redisServer.url);
  const store = new RedisPatternStore(redis, new RedisKeys(prefix));
  for (const scenario of scenarios)
    for (const pattern of scenario.patterns) await store.create(pattern);

  const env = { REDIS_URL: redisServer.url, NEXUS_KEY_PREFIX: prefix };
  const nexus = await startTarget('nexus', 'src/main.ts', /Nexus is serving GraphQL/, {
    ...env,
    LOG_LEVEL: 'info',
  });
  const baseline = await startTarget('baseline', 'bench/baseline-server.ts', /baseline ready/, env);

  try {
    console.log(
      `autocannon: ${connections} connections, ${rounds} alternating rounds of ${seconds}s each (median), after a 2s warm-up\n`,
    );
    const rows: string[] = [];
    for (const scenario of scenarios) {
      const [ours, theirs] = [await post(nexus.url, scenario), await post(baseline.url, scenario)];
      if (ours !== theirs)
        throw new Error(`answers differ for "${scenario.name}":\n${ours}\n${theirs}`);
      await measure(nexus, scenario, 2);
      await measure(baseline, scenario, 2);
      const results = { nexus: [] as number[], baseline: [] as number[] };
      for (let round = 0; round < rounds; round++) {
        // Alternate the order so that drift (thermal, caches) does not favour one side.
        const order = round % 2 === 0 ? [nexus, baseline] : [baseline, nexus];
        for (const target of order)
          results[target.name].push(await measure(target, scenario, seconds));
      }
      const ours2 = median(results.nexus);
      const theirs2 = median(results.baseline);
      rows.push(
        `${scenario.name.padEnd(28)} ${ours2.toFixed(0).padStart(12)} ${theirs2.toFixed(0).padStart(15)} ${(ours2 / theirs2).toFixed(2).padStart(7)}`,
      );
    }
    console.log(
      `${'scenario'.padEnd(28)} ${'nexus req/s'.padStart(12)} ${'baseline req/s'.padStart(15)} ${'ratio'.padStart(7)}`,
    );
    for (const row of rows) console.log(row);
  } finally {
    for (const target of [nexus, baseline]) {
      target.process.kill('SIGTERM');
      await once(target.process, 'exit');
    }
    await redis.quit();
    await redisServer.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
