/**
 * Hostile input, generated: 10 000+ operations and request bodies (wrong types, huge strings,
 * deep nesting, random JSON in JSON scalars, cyclic steps, unknown ids, broken bodies, forged
 * tokens, composite fan-outs past the run bound, templates that would amplify their input, users
 * whose ids hold colons) sent over real HTTP. Every answer must be a well-formed GraphQL response whose errors
 * carry a code and no stack, nothing may be an internal error, the server must stay up, and the
 * heap must come back to where it was.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { expect, it } from 'vitest';
import { STEP_TYPES } from '../../src/domain/pattern/pattern.js';
import { signToken } from '../../src/server/authenticate.js';
import { testConfig } from '../helpers/app.js';
import { amplifyingPipeline } from '../helpers/hostile-steps.js';
import { useRedisApps } from '../helpers/redis-app.js';

const redis = useRedisApps('fuzz');
const SECRET = 'fuzz-secret-that-is-long-enough-0123456789';
const OPERATIONS = 10_000;
const CONCURRENCY = 8;

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

/** mulberry32: the same operations on every run, so a failure can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  return { next, int, pick };
}
type Random = ReturnType<typeof random>;

const STRANGE_STRINGS = [
  '',
  ' ',
  '\u0000',
  '{',
  '}{',
  '{steps.x.output}',
  '{__proto__}',
  '../../etc/passwd',
  '"; DROP TABLE x; --',
  '\ud800',
  '🙂'.repeat(50),
  'a'.repeat(300),
  '*',
  'nexus:patterns:docs',
  'user:1',
  '0-0',
  '9999999999999999-0',
];

function randomString(r: Random): string {
  switch (r.int(4)) {
    case 0:
      return r.pick(STRANGE_STRINGS);
    case 1:
      return 'x'.repeat(r.pick([1, 1000, 100_000, 900_000]));
    case 2:
      return Array.from({ length: r.int(40) }, () => String.fromCharCode(r.int(0xffff))).join('');
    default:
      return `${r.pick(['user', 'wallet', 'p', 'x'])}:${r.int(1000)}`;
  }
}

function randomJson(r: Random, depth = 0): unknown {
  const kind = depth > 6 ? r.int(5) : r.int(8);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return r.next() < 0.5;
    case 2:
      return r.pick([0, -1, 1e308, -1e308, 2 ** 53 + 1, 0.1, Number.MAX_SAFE_INTEGER]);
    case 3:
      return randomString(r);
    case 4:
      return r.int(1000);
    case 5:
      return Array.from({ length: r.int(5) }, () => randomJson(r, depth + 1));
    case 6: {
      const out: Record<string, unknown> = {};
      for (let i = 0; i < r.int(5); i++)
        out[r.pick(['__proto__', 'constructor', 'id', 'key', 'steps', randomString(r)])] =
          randomJson(r, depth + 1);
      return out;
    }
    default: {
      // Very deep nesting.
      let value: unknown = 1;
      for (let i = 0; i < r.pick([10, 100, 1000, 5000]); i++)
        value = r.next() < 0.5 ? [value] : { a: value };
      return value;
    }
  }
}

function randomSteps(r: Random): unknown {
  const ids = Array.from({ length: r.int(6) + 1 }, (_, i) =>
    r.next() < 0.1 ? randomString(r) : `s${i}`,
  );
  return ids.map((id, i) => ({
    id,
    type: r.pick<unknown>([...STEP_TYPES, 'NOPE', 7]),
    action: r.pick([
      'get',
      'set',
      'delete',
      'exec',
      'create',
      'traverse',
      'publish',
      'execute',
      'wait',
      '',
    ]),
    // Dependencies in both directions make cycles; some name steps that do not exist.
    dependsOn:
      r.next() < 0.7 ? [r.pick(ids), r.pick(['ghost', ids[(i + 1) % ids.length]])] : undefined,
    parameters: randomJson(r),
    retries: r.pick([0, 1, -1, 11, 1e9, 'x']),
    timeoutMs: r.pick([null, 0, 1, 300_001, 2 ** 40]),
  }));
}

const SUBSCRIPTION = 'subscription { nexusEvents { id } }';

/** One request: a GraphQL body (or a raw string), headers, method. */
interface Attempt {
  body: string | null;
  method?: string;
  contentType?: string;
  authorization?: string | null;
  /** A subscription over SSE: its first frame is read, then the stream is dropped. */
  stream?: boolean;
}

const EXECUTE =
  'mutation($id: ID!, $input: JSON, $mode: ExecutionMode!) { executePattern(id: $id, input: $input, mode: $mode) { id status } }';

/** Patterns the hostile requests below run: nested fan-outs and an amplifying template. */
const HOSTILE_PATTERNS = [
  { id: 'fuzz_leaf', steps: [cacheSet('leaf', 'v')] },
  { id: 'fuzz_mid', steps: calls(12, 'fuzz_leaf') },
  { id: 'fuzz_fan', steps: calls(12, 'fuzz_mid') },
  { id: 'fuzz_amp', steps: amplifyingPipeline() },
];

function cacheSet(key: string, value: string) {
  return { id: 'set', type: 'CACHE', action: 'set', parameters: { key, value } };
}

function calls(count: number, target: string) {
  return Array.from({ length: count }, (_, i) => ({
    id: `c${i}`,
    type: 'PATTERN',
    action: 'execute',
    parameters: { pattern_id: target },
  }));
}

function attempt(r: Random, token: string, users: readonly string[]): Attempt {
  const gqlBody = (query: string, variables?: unknown, operationName?: unknown) =>
    JSON.stringify({ query, variables, operationName });
  switch (r.int(18)) {
    case 17:
      // A replay of the whole log over SSE, dropped after its first frame (a replay flood).
      return {
        body: gqlBody('subscription { nexusEvents(since: "0-0") { id type payload } }'),
        authorization: `Bearer ${r.pick(users)}`,
        stream: true,
      };
    case 14:
      // A template that would multiply its input a thousand times.
      return {
        body: gqlBody(EXECUTE, {
          id: 'fuzz_amp',
          input: { p: 'p'.repeat(r.pick([10, 1000, 100_000, 900_000])) },
          mode: r.pick(['SYNC', 'ASYNC']),
        }),
        authorization: `Bearer ${r.pick(users)}`,
      };
    case 15:
      // 1 + 12 + 144 runs: past the bound on runs per execution.
      return {
        body: gqlBody(EXECUTE, { id: r.pick(['fuzz_fan', 'fuzz_mid']), mode: 'ASYNC' }),
        authorization: `Bearer ${r.pick(users)}`,
      };
    case 16:
      // Users whose ids hold colons writing keys that would collide without escaping.
      return {
        body: gqlBody(
          'mutation($i: CreatePatternInput!) { createPattern(input: $i) { id version } }',
          {
            i: {
              name: randomString(r),
              category: 'USER',
              steps: [cacheSet(`${r.pick(['x:', '', 'a%3A'])}diary`, randomString(r))],
            },
          },
        ),
        authorization: `Bearer ${r.pick(users)}`,
      };
    case 0:
      return {
        body: gqlBody(
          'mutation($i: CreatePatternInput!) { createPattern(input: $i) { id version } }',
          {
            i: {
              id: r.next() < 0.5 ? randomString(r) : undefined,
              name: randomString(r),
              category: r.pick(['FINANCE', 'NOPE', 1]),
              steps: randomSteps(r),
              metadata: randomJson(r),
              origin: r.pick(['SYSTEM', 'USER', 'ROOT']),
            },
          },
        ),
      };
    case 1:
      return {
        body: gqlBody(
          'mutation($id: ID!, $i: UpdatePatternInput!, $v: Int) { updatePattern(id: $id, input: $i, expectedVersion: $v) { id } }',
          {
            id: r.pick(['user_onboarding', 'financial_transaction', randomString(r)]),
            i: {
              steps: r.next() < 0.5 ? randomSteps(r) : undefined,
              metadata: randomJson(r),
              name: r.next() < 0.3 ? null : randomString(r),
            },
            v: r.pick([null, 0, -1, 1, 2 ** 31, 'x']),
          },
        ),
      };
    case 2:
      return {
        body: gqlBody(
          'mutation($id: ID!, $input: JSON, $mode: ExecutionMode!, $k: String) { executePattern(id: $id, input: $input, mode: $mode, idempotencyKey: $k) { id status } }',
          {
            id: r.pick(['user_onboarding', 'financial_transaction', randomString(r)]),
            input: randomJson(r),
            mode: r.pick(['SYNC', 'ASYNC', 'LATER']),
            k: r.next() < 0.5 ? randomString(r) : null,
          },
        ),
      };
    case 3:
      return {
        body: gqlBody(
          'mutation($i: CreateRelationshipInput!) { createRelationship(input: $i) { id } }',
          {
            i: {
              from: randomString(r),
              to: randomString(r),
              type: r.pick(['OWNER', 'LINKED', 'PARENT', 'ENEMY']),
              metadata: randomJson(r),
            },
          },
        ),
      };
    case 4: {
      const field = r.pick([
        `deleteRelationship(id: ${JSON.stringify(randomString(r))})`,
        `cancelExecution(id: ${JSON.stringify(randomString(r))}) { id }`,
        `deletePattern(id: ${JSON.stringify(randomString(r))})`,
      ]);
      return { body: gqlBody(`mutation { ${field} }`) };
    }
    case 5: {
      // Wrong literal types in arguments.
      const value = r.pick([
        '123',
        '"x"',
        'true',
        'null',
        '[1,2]',
        '{a: 1}',
        '-1',
        '1e400',
        'ENUM',
        '$undefined',
      ]);
      const field = r.pick([
        `pattern(id: ${value}) { id }`,
        `patterns(first: ${value}) { totalCount }`,
        `traverse(from: "a", maxDepth: ${value}) { entities { depth } }`,
        `findPath(from: ${value}, to: "b") { length }`,
        `executions(status: ${value}) { totalCount }`,
        `detectCycles(limit: ${value}) { entities { id } }`,
        `entity(id: "a") { relationships(first: ${value}) { totalCount } }`,
        `auditLog(after: ${value}) { totalCount }`,
      ]);
      return { body: gqlBody(`{ ${field} }`) };
    }
    case 6: {
      // Deep nesting, in selections or in list values.
      const levels = r.pick([20, 200, 2000]);
      const query =
        r.next() < 0.5
          ? `{ entity(id: "a") ${'{ neighbors '.repeat(levels)}{ id }${' }'.repeat(levels)} }`
          : `{ pattern(id: ${'['.repeat(levels)}"x"${']'.repeat(levels)}) { id } }`;
      return { body: gqlBody(query) };
    }
    case 7:
      return {
        body: gqlBody('{ patterns(filter: $f, after: $a) { totalCount } }', {
          f: randomJson(r),
          a: randomString(r),
        }),
      };
    case 8: {
      const query = r.pick([
        `query($f: PatternFilter, $a: String) { patterns(filter: $f, first: 5, after: $a) { totalCount edges { cursor } } }`,
        `query($id: ID!) { execution(id: $id) { id } progress(id: $id) { percent } relationship(id: $id) { id } }`,
        `query($id: ID!) { planPattern(id: $id, input: {}) { levels } }`,
        `query($a: ID!, $b: ID!) { findPath(from: $a, to: $b, maxDepth: 10, direction: BOTH) { length } }`,
      ]);
      return {
        body: gqlBody(query, {
          f: randomJson(r),
          a: randomString(r),
          id: randomString(r),
          b: randomString(r),
        }),
      };
    }
    case 9:
      // Broken bodies and envelopes.
      return {
        body: r.pick([
          '',
          '{',
          'null',
          '[]',
          '"query"',
          JSON.stringify({ query: 42 }),
          JSON.stringify({ query: '{ __typename }', variables: [1, 2] }),
          JSON.stringify({ query: '{ __typename }', operationName: 'x'.repeat(10_000) }),
          JSON.stringify({ query: 'query A { __typename } query B { __typename }' }),
          JSON.stringify({ query: '{ __typename }', extensions: randomJson(r) }),
          JSON.stringify([{ query: '{ __typename }' }]),
          randomString(r),
        ]),
      };
    case 10:
      return {
        body: gqlBody(`{ ${'__typename '.repeat(r.pick([10, 10_000]))} }`),
        contentType: r.pick([
          'application/json',
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/graphql',
        ]),
      };
    case 11:
      // Forged, truncated and absent tokens.
      return {
        body: gqlBody('{ graphStats { entityCount } }'),
        authorization: r.pick([
          null,
          'Bearer',
          `Bearer ${token.slice(0, -3)}abc`,
          `Basic ${token}`,
          `Bearer ${'a.b.c'.repeat(3000)}`,
          // Headers carry Latin-1 only.
          randomString(r).replace(/[^\x20-\x7e]/g, '?'),
        ]),
      };
    case 12:
      return { body: gqlBody(SUBSCRIPTION), method: r.pick(['PUT', 'DELETE', 'PATCH']) };
    default:
      return {
        body: gqlBody(
          `{ ${Array.from({ length: r.int(60) }, (_, i) => `a${i}: entity(id: "${i}") { degree }`).join(' ')} }`,
        ),
      };
  }
}

interface WireError {
  message?: unknown;
  extensions?: { code?: unknown };
}

it(`answers ${OPERATIONS} hostile requests with well-formed errors, stays up and returns its memory`, async () => {
  // The production limits on runs, rendered parameters and concurrent executions per user.
  const app = await redis.app({
    jwtSecret: SECRET,
    execution: {
      ...testConfig().execution,
      maxRunsPerExecution: 100,
      maxRenderedBytes: 256 * 1024,
      userStepConcurrency: 64,
    },
    security: { ...testConfig().security, maxConcurrentExecutionsPerUser: 10 },
  });
  const address = app.server.address();
  if (typeof address !== 'object' || address === null) throw new Error('not listening');
  const url = `http://localhost:${address.port}/graphql`;
  const token = await signToken(SECRET, { sub: 'fuzzer', roles: ['admin'], expiresIn: '1h' });
  const users = await Promise.all(
    ['alice', 'alice:x', 'alice%3Ax', ':'].map((sub) => signToken(SECRET, { sub })),
  );
  for (const { id, steps } of HOSTILE_PATTERNS) {
    const created = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: 'mutation($i: CreatePatternInput!) { createPattern(input: $i) { id } }',
        variables: { i: { id, name: id, category: 'USER', origin: 'SYSTEM', steps } },
      }),
    });
    expect(await created.json()).toEqual({ data: { createPattern: { id } } });
  }
  const r = random(20261122);

  const problems: string[] = [];
  const statuses = new Map<number, number>();
  let errorAnswers = 0;
  const send = async (index: number) => {
    const a = attempt(r, token, users);
    const authorization = a.authorization === undefined ? `Bearer ${token}` : a.authorization;
    const response = await fetch(url, {
      method: a.method ?? 'POST',
      headers: {
        'content-type': a.contentType ?? 'application/json',
        accept: a.stream
          ? 'text/event-stream'
          : 'application/graphql-response+json, application/json',
        ...(authorization === null ? {} : { authorization }),
      },
      body: a.body,
    });
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    if (a.stream) {
      const reader = response.body?.getReader();
      const first = reader ? await reader.read() : { value: undefined };
      await reader?.cancel();
      const frame = new TextDecoder().decode(first.value ?? new Uint8Array());
      if (response.status >= 500 || /INTERNAL_SERVER_ERROR/.test(frame)) {
        problems.push(`#${index} SSE replay: status ${response.status} ${frame.slice(0, 200)}`);
      }
      return;
    }
    const text = await response.text();
    const where = `#${index} ${a.method ?? 'POST'} ${String(a.body).slice(0, 120)}`;
    if (response.status >= 500) problems.push(`${where}: status ${response.status}`);
    let body: { data?: unknown; errors?: WireError[] };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      problems.push(`${where}: not JSON: ${text.slice(0, 100)}`);
      return;
    }
    if (!('data' in body) && !Array.isArray(body.errors))
      problems.push(`${where}: neither data nor errors`);
    if (body.errors) {
      errorAnswers += 1;
      for (const error of body.errors) {
        const code = error.extensions?.code;
        if (typeof error.message !== 'string' || typeof code !== 'string') {
          problems.push(`${where}: malformed error ${JSON.stringify(error).slice(0, 200)}`);
        } else if (code === 'INTERNAL_SERVER_ERROR' || /\n\s+at /.test(error.message)) {
          problems.push(`${where}: ${code} ${error.message.slice(0, 200)}`);
        }
      }
    }
  };

  let next = 0;
  const runBatch = async (count: number) => {
    const end = next + count;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < end) await send(next++);
      }),
    );
  };

  const heap = () => {
    collectGarbage();
    return process.memoryUsage().heapUsed / 2 ** 20;
  };
  await runBatch(500); // warm-up: code paths compiled, pools at their working size
  const baseline = heap();
  await runBatch(OPERATIONS / 2);
  const halfway = heap();
  await runBatch(OPERATIONS / 2);
  const end = heap();

  expect(problems.slice(0, 20)).toEqual([]);
  // Nearly every answer is an error (a few generated operations happen to be valid).
  expect(errorAnswers).toBeGreaterThan(OPERATIONS * 0.8);
  const health = await fetch(`http://localhost:${address.port}/health`);
  expect(health.status).toBe(200);
  const still = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ pattern(id: "user_onboarding") { id } }' }),
  });
  expect(await still.json()).toEqual({ data: { pattern: { id: 'user_onboarding' } } });
  // Bounded caches (yoga's parse and validation LRUs) fill during the first half; a leak would
  // keep growing through the second.
  const memory = `heap MiB: ${baseline.toFixed(1)} → ${halfway.toFixed(1)} → ${end.toFixed(1)}`;
  expect(end - halfway, memory).toBeLessThan(4);
  expect(end - baseline, memory).toBeLessThan(32);
  console.info(
    `fuzz: ${memory}; statuses ${JSON.stringify([...statuses])}; errors ${errorAnswers}`,
  );
}, 180_000);
