/**
 * OpenTelemetry spans, read back from an in-memory exporter: an operation that executes a
 * pattern gives an operation span continuing the caller's traceparent, an execution span
 * beneath it, a span per step attempt beneath that, and Redis command spans.
 */
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { Client } from 'graphql-ws';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp, createStorage } from '../../src/app.js';
import { testConfig } from '../helpers/app.js';
import { deleteKeysWithPrefix, uniquePrefix } from '../helpers/prefix.js';
import { type RedisServer, startRedisServer } from '../helpers/redis-server.js';
import { connectWs, subscribeWs } from '../helpers/ws-client.js';

let server: RedisServer;
const apps: App[] = [];
const clients: Client[] = [];
const prefixes: string[] = [];
beforeAll(async () => {
  server = await startRedisServer();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
  await Promise.all(apps.splice(0).map((app) => app.stop()));
  const admin = new Redis(server.url);
  for (const prefix of prefixes.splice(0)) await deleteKeysWithPrefix(admin, prefix);
  await admin.quit();
});
afterAll(async () => {
  await server.stop();
});

const TRACING = {
  exporter: 'otlp' as const,
  endpoint: 'http://127.0.0.1:9/v1/traces',
  headers: {},
  serviceName: 'nexus-test',
  sampler: 'parentbased_always_on' as const,
  samplerRatio: 1,
};

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT_SPAN = '00f067aa0ba902b7';

describe('tracing', () => {
  it('nests execution and step spans under the operation span, with Redis commands', async () => {
    const exporter = new InMemorySpanExporter();
    const keyPrefix = uniquePrefix('tracing');
    prefixes.push(keyPrefix);
    const config = {
      ...testConfig({ redisUrl: server.url, keyPrefix }),
      tracing: {
        exporter: 'otlp' as const,
        endpoint: 'http://127.0.0.1:9/v1/traces',
        headers: {},
        serviceName: 'nexus-test',
        sampler: 'parentbased_always_on' as const,
        samplerRatio: 1,
      },
    };
    const app = createApp(config, { spanExporter: exporter });
    apps.push(app);
    const { url } = await app.start(0);
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        traceparent: `00-${TRACE_ID}-${PARENT_SPAN}-01`,
      },
      body: JSON.stringify({
        query:
          'mutation Run { executePattern(id: "user_onboarding", mode: SYNC, input: { id: "u1", user_data: { name: "A" }, wallet_id: "w1", referrer_id: "r1" }) { id status } }',
      }),
    });
    expect(response.status).toBe(200);
    const spans = exporter.getFinishedSpans();
    const byParent = (span: ReadableSpan) =>
      spans.filter((child) => child.parentSpanContext?.spanId === span.spanContext().spanId);

    const operation = spans.find((span) => span.name === 'mutation Run');
    expect(operation).toBeDefined();
    if (!operation) return;
    expect(operation.spanContext().traceId).toBe(TRACE_ID);
    expect(operation.parentSpanContext?.spanId).toBe(PARENT_SPAN);
    expect(operation.attributes).toMatchObject({
      'graphql.operation.name': 'Run',
      'graphql.operation.type': 'mutation',
    });

    const execution = byParent(operation).find((span) => span.name.startsWith('execution '));
    expect(execution?.attributes).toMatchObject({ 'nexus.pattern.id': 'user_onboarding' });
    expect(execution?.attributes['nexus.execution.status']).toBeTypeOf('string');
    if (!execution) return;
    const steps = byParent(execution);
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) {
      expect(step.attributes).toMatchObject({
        'nexus.pattern.id': 'user_onboarding',
        'nexus.step.attempt': 1,
      });
      expect(step.attributes['nexus.step.id']).toBeTypeOf('string');
      expect(step.attributes['nexus.step.type']).toBeTypeOf('string');
      expect(step.attributes['nexus.step.status']).toBeTypeOf('string');
    }
    const redisSpans = spans.filter((span) => span.attributes['db.system.name'] === 'redis');
    expect(redisSpans.length).toBeGreaterThan(0);
    for (const span of redisSpans) expect(span.spanContext().traceId).toBe(TRACE_ID);
  });

  it("names a span by the operation's name only when it is a name of at most 100 characters", async () => {
    const exporter = new InMemorySpanExporter();
    const app = createApp({ ...testConfig(), tracing: TRACING }, { spanExporter: exporter });
    apps.push(app);
    const { url } = await app.start(0);
    const long = `Q${'x'.repeat(50_000)}`;
    for (const name of ['Short', long]) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `query ${name} { __typename }` }),
      });
      expect(response.status).toBe(200);
    }
    const operations = exporter
      .getFinishedSpans()
      .filter((span) => span.attributes['graphql.operation.type'] === 'query');
    expect(operations.map((span) => span.name)).toEqual(['query Short', 'query']);
    expect(operations.map((span) => span.attributes['graphql.operation.name'])).toEqual([
      'Short',
      undefined,
    ]);
  });

  it("records a graphql-ws operation's errors as its client gets them (masked, with their code)", async () => {
    const exporter = new InMemorySpanExporter();
    const app = createApp(
      { ...testConfig(), tracing: TRACING },
      {
        spanExporter: exporter,
        storage: (settings) => {
          const storage = createStorage(settings);
          storage.graph.stats = () => Promise.reject(new Error('internal detail: socket /var/x'));
          return storage;
        },
      },
    );
    apps.push(app);
    await app.start(0);
    const client = connectWs(app, clients);
    const sent = await subscribeWs(client, '{ graphStats { entityCount } }').outcome();
    expect(sent.errors.map((error) => error.message)).toEqual(['Unexpected error.']);
    const events = exporter
      .getFinishedSpans()
      .flatMap((span) => span.events.filter((event) => event.name === 'graphql.error'));
    expect(events.map((event) => event.attributes)).toEqual([
      {
        'graphql.error.message': 'Unexpected error.',
        'graphql.error.code': 'INTERNAL_SERVER_ERROR',
        'graphql.error.path': 'graphStats',
      },
    ]);
  });

  it('when off, wraps no Redis client and registers no span work', async () => {
    const keyPrefix = uniquePrefix('tracing-off');
    prefixes.push(keyPrefix);
    let client: Redis | undefined;
    const app = createApp(testConfig({ redisUrl: server.url, keyPrefix }), {
      storage: (settings) => {
        return createStorage({
          ...settings,
          onRedisClient: (c) => {
            settings.onRedisClient?.(c);
            client = c;
          },
        });
      },
    });
    apps.push(app);
    await app.start(0);
    expect(client?.sendCommand).toBe(Redis.prototype.sendCommand);
  });
});
