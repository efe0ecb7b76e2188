/**
 * `npm run bench`: starts its own redis-server, Nexus and the baseline server as separate
 * processes, checks they answer each scenario identically, then measures them in alternating
 * rounds with autocannon and prints Nexus's throughput as a ratio of the baseline's.
 *
 * BENCH_SECONDS (default 5) per round, BENCH_ROUNDS (default 5), BENCH_CONNECTIONS (default 50),
 * BENCH_WARMUP_SECONDS (default 5).
 */
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { RedisKeys } from '../src/infra/redis/keys.js';
import { RedisPatternStore } from '../src/infra/redis/redis-pattern-store.js';
import { startRedisServer } from '../test/helpers/redis-server.js';
import { runCancelBench } from './cancel-bench.js';
import { runExecutorBench } from './executor-bench.js';
import { runGraphBench } from './graph-bench.js';
import { runNeighbourBench } from './neighbour-bench.js';
import { NEXUS_MAIN } from './nexus-modules.js';
import { cpuMs, startScript } from './process.js';
import { runQueueBench } from './queue-bench.js';
import { runRealtimeBench } from './realtime-bench.js';
import { type Scenario, scenarios } from './scenarios.js';
import { runTakeoverBench } from './takeover-bench.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const warmUpSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const _root = fileURLToPath(new URL('..', import.meta.url));
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
  const { child, port } = await startScript(script, readyLine, env);
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

interface Measurement {
  requestsPerSecond: number;
  cpuMsPerRequest: number;
}

async function measure(target: Target, scenario: Scenario, duration: number): Promise<Measurement> {
  const pid = target.process.pid ?? 0;
  const cpuBefore = cpuMs(pid);
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
  return {
    requestsPerSecond: result.requests.average,
    cpuMsPerRequest: (cpuMs(pid) - cpuBefore) / result.requests.total,
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

function formatRow(cells: Array<string | number>, widths: number[]): string {
  return cells
    .map((cell, i) =>
      i === 0 ? String(cell).padEnd(widths[i] ?? 0) : String(cell).padStart(widths[i] ?? 0),
    )
    .join(' ');
}

async function runScenario(
  scenario: Scenario,
  nexus: Target,
  baseline: Target,
): Promise<Array<string | number>> {
  const [ours, theirs] = [await post(nexus.url, scenario), await post(baseline.url, scenario)];
  if (ours !== theirs)
    throw new Error(`answers differ for "${scenario.name}":\n${ours}\n${theirs}`);
  await measure(nexus, scenario, warmUpSeconds);
  await measure(baseline, scenario, warmUpSeconds);
  const results: Record<Target['name'], Measurement[]> = { nexus: [], baseline: [] };
  for (let round = 0; round < rounds; round++) {
    // Alternate the order so that drift (thermal, other load) does not favour one side.
    const order = round % 2 === 0 ? [nexus, baseline] : [baseline, nexus];
    for (const target of order) results[target.name].push(await measure(target, scenario, seconds));
  }
  const rps = (name: Target['name']) => median(results[name].map((m) => m.requestsPerSecond));
  const cpu = (name: Target['name']) => median(results[name].map((m) => m.cpuMsPerRequest));
  return [
    scenario.name,
    rps('nexus').toFixed(0),
    rps('baseline').toFixed(0),
    (rps('nexus') / rps('baseline')).toFixed(2),
    (cpu('nexus') * 1000).toFixed(0),
    (cpu('baseline') * 1000).toFixed(0),
    (cpu('baseline') / cpu('nexus')).toFixed(2),
  ];
}

async function main() {
  const redisServer = await startRedisServer();
  const redis = new Redis(redisServer.url);
  const store = new RedisPatternStore(redis, new RedisKeys(prefix));
  for (const scenario of scenarios)
    for (const pattern of scenario.patterns) await store.create(pattern);

  const env = { REDIS_URL: redisServer.url, NEXUS_KEY_PREFIX: prefix };
  const nexus = await startTarget('nexus', NEXUS_MAIN, /Nexus is serving GraphQL/, {
    ...env,
    LOG_LEVEL: 'info',
  });
  const baseline = await startTarget('baseline', 'bench/baseline-server.ts', /baseline ready/, env);
  try {
    console.log(
      `autocannon: ${connections} connections, ${rounds} alternating rounds of ${seconds}s each (median), after a ${warmUpSeconds}s warm-up each\n`,
    );
    const widths = [28, 12, 15, 7, 17, 20, 10];
    console.log(
      formatRow(
        [
          'scenario',
          'nexus req/s',
          'baseline req/s',
          'ratio',
          'nexus µs CPU/req',
          'baseline µs CPU/req',
          'CPU ratio',
        ],
        widths,
      ),
    );
    for (const scenario of scenarios)
      console.log(formatRow(await runScenario(scenario, nexus, baseline), widths));
    console.log(
      '\nratio: Nexus throughput / baseline throughput. CPU ratio: baseline CPU per request / Nexus CPU per request',
    );
    console.log(
      '(1.00 = same cost; steadier than throughput when client and servers share the cores).',
    );
  } finally {
    for (const target of [nexus, baseline]) {
      target.process.kill('SIGTERM');
      await once(target.process, 'exit');
    }
    await redis.quit();
    await redisServer.stop();
  }
}

async function all() {
  const only = process.env.BENCH_ONLY;
  if (only === undefined || only === 'http') await main();
  if (only === undefined || only === 'graph') await runGraphBench();
  if (only === undefined || only === 'executor') await runExecutorBench();
  if (only === undefined || only === 'neighbour') await runNeighbourBench();
  if (only === undefined || only === 'cancel') await runCancelBench();
  if (only === undefined || only === 'takeover') await runTakeoverBench();
  if (only === undefined || only === 'queue') await runQueueBench();
  if (only === undefined || only === 'realtime') {
    // A comma-separated list runs each rate in turn: below, near and at saturation by default.
    const rates = (process.env.BENCH_EVENTS_PER_SECOND ?? '10,50,80').split(',').map(Number);
    for (const rate of rates) await runRealtimeBench(rate);
  }
}

all().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
