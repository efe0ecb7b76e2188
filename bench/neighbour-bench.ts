/**
 * Noisy neighbour: another user's 1-step SYNC run, alone (the baseline) and while one user runs
 * each execution attack, in the configuration production uses (Redis, JWT, the default limits).
 * Reported as latency p50 / max and the ratio to the baseline's p50. Loopback only, bounded: each
 * measurement gives up after 95 s.
 *
 *   BENCH_ONLY=neighbour npm run bench
 *
 * Attacks: `nested` = 100 PATTERN steps → 100 PATTERN steps → a CACHE set (10 000 runs asked
 * for); `sleepy` = 100 PATTERN steps → 100 DELAY steps of 300 s; `amplify` = a PIPELINE of 1000
 * ops each holding "{p}" with a 100 KiB `p`, four at once.
 */
import { loadConfig } from '../src/config.js';
import { signToken } from '../src/server/authenticate.js';
import { createTestApp } from '../test/helpers/app.js';
import { amplifyingPipeline, longDelays, patternCalls } from '../test/helpers/hostile-steps.js';
import { startRedisServer } from '../test/helpers/redis-server.js';

const SECRET = 'bench-secret-that-is-long-enough-0123456789';
const GIVE_UP_MS = 95_000;
const EXECUTE =
  'mutation($id: ID!, $mode: ExecutionMode!, $input: JSON) { executePattern(id: $id, mode: $mode, input: $input) { id status } }';

type Steps = unknown[];
const set: Steps = [
  { id: 'set', type: 'CACHE', action: 'set', parameters: { key: 'k', value: 1 } },
];

export async function runNeighbourBench(): Promise<void> {
  const server = await startRedisServer();
  // Production's limits (the defaults), with a secret so that users are told apart.
  const production = loadConfig({ NEXUS_JWT_SECRET: SECRET, LOG_LEVEL: 'silent' });
  const app = createTestApp({
    ...production,
    redisUrl: server.url,
    execution: production.execution,
    security: production.security,
  });
  const { url } = await app.start(0);
  const post = async (token: string, query: string, variables: unknown = {}) => {
    const started = performance.now();
    try {
      const response = await fetch(url, {
        method: 'POST',
        signal: AbortSignal.timeout(GIVE_UP_MS),
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return { ms: performance.now() - started, body: (await response.json()) as Answer };
    } catch {
      return { ms: performance.now() - started, body: null };
    }
  };
  const mallory = await signToken(SECRET, { sub: 'mallory' });
  const alice = await signToken(SECRET, { sub: 'alice' });
  const create = (token: string, id: string, steps: Steps) =>
    post(token, 'mutation($i: CreatePatternInput!) { createPattern(input: $i) { id } }', {
      i: { id, name: id, category: 'USER', steps },
    });
  await create(alice, 'quick', set);
  await create(mallory, 'leaf', set);
  await create(mallory, 'mid', patternCalls(100, 'leaf', 300_000));
  await create(mallory, 'nested', patternCalls(100, 'mid', 300_000));
  await create(mallory, 'naps', longDelays(100, 300_000));
  await create(mallory, 'sleepy', patternCalls(100, 'naps', 300_000));
  await create(mallory, 'amplify', amplifyingPipeline());

  const measure = async (rounds: number) => {
    const ms: number[] = [];
    const outcomes = new Map<string, number>();
    for (let i = 0; i < rounds; i++) {
      const { ms: took, body } = await post(alice, EXECUTE, { id: 'quick', mode: 'SYNC' });
      ms.push(took);
      const outcome =
        body === null
          ? 'no answer'
          : (body.data?.executePattern?.status ?? body.errors?.[0]?.extensions?.code ?? '?');
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      if (body === null) break;
    }
    ms.sort((a, b) => a - b);
    return { p50: ms[Math.floor(ms.length / 2)] ?? 0, max: ms.at(-1) ?? 0, outcomes };
  };
  const report = (label: string, result: Awaited<ReturnType<typeof measure>>, base: number) =>
    console.log(
      `${label.padEnd(38)} p50 ${result.p50.toFixed(1).padStart(8)} ms  max ${result.max
        .toFixed(1)
        .padStart(
          8,
        )} ms  p50 ratio ${(result.p50 / base).toFixed(2).padStart(6)}  ${JSON.stringify([...result.outcomes])}`,
    );

  console.log("\nNoisy neighbour: another user's 1-step SYNC run (Redis, JWT, default limits)");
  const baseline = await measure(30);
  report('baseline', baseline, baseline.p50);
  const attacks: Array<[string, () => Promise<unknown>]> = [
    ['nested 100 × 100 PATTERN', () => post(mallory, EXECUTE, { id: 'nested', mode: 'ASYNC' })],
    [
      'sleepy 100 PATTERN × 100 DELAY',
      () => post(mallory, EXECUTE, { id: 'sleepy', mode: 'ASYNC' }),
    ],
    [
      'amplify 1000 × 100 KiB',
      () =>
        Promise.all(
          Array.from({ length: 4 }, () =>
            post(mallory, EXECUTE, {
              id: 'amplify',
              mode: 'ASYNC',
              input: { p: 'p'.repeat(100 * 1024) },
            }),
          ),
        ),
    ],
  ];
  for (const [label, attack] of attacks) {
    await attack();
    report(`under ${label}`, await measure(10), baseline.p50);
  }
  const recorded = await post(mallory, '{ executions(first: 1) { totalCount } }');
  console.log(`executions recorded for the attacker: ${JSON.stringify(recorded.body?.data)}`);
  await app.stop();
  await server.stop();
}

interface Answer {
  data?: { executePattern?: { status?: string } } | null;
  errors?: Array<{ extensions?: { code?: string } }>;
}
