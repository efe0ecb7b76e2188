import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { scenarios } from '/work/main/bench/scenarios.js';
import { RedisKeys } from '/work/main/src/infra/redis/keys.js';
import { RedisPatternStore } from '/work/main/src/infra/redis/redis-pattern-store.js';
import { freePort, startRedisServer } from '/work/main/test/helpers/redis-server.js';

const rs = await startRedisServer();
const redis = new Redis(rs.url);
const store = new RedisPatternStore(redis, new RedisKeys('bench:'));
const sc = scenarios[0]!;
for (const p of sc.patterns) await store.create(p);
const port = await freePort();
const child = spawn(
  process.execPath,
  ['--cpu-prof', '--cpu-prof-dir=/tmp/prof', '--import', 'tsx', process.argv[2]!],
  {
    cwd: '/work/main',
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      REDIS_URL: rs.url,
      NEXUS_KEY_PREFIX: 'bench:',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
await new Promise((r) => setTimeout(r, 2500));
const res = await autocannon({
  url: `http://127.0.0.1:${port}/graphql`,
  method: 'POST',
  connections: 50,
  duration: 5,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: sc.query, variables: sc.variables }),
});
console.log(process.argv[2], res.requests.average, res.non2xx);
child.kill('SIGINT');
await new Promise((r) => child.once('exit', r));
await redis.quit();
await rs.stop();
