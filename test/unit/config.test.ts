import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    expect(loadConfig({})).toEqual({
      port: 4000,
      host: '127.0.0.1',
      redisUrl: undefined,
      keyPrefix: 'nexus:',
      redisCommandTimeoutMs: 5_000,
      drainTimeoutMs: 5_000,
      jwtSecret: undefined,
      logLevel: 'info',
      nodeEnv: 'development',
      role: 'all',
      workerConcurrency: 32,
      schedulesPerUser: 20,
      execution: {
        stepConcurrency: 16,
        processConcurrency: 256,
        userStepConcurrency: 64,
        maxRunsPerExecution: 100,
        maxRenderedBytes: 262_144,
        retryBaseMs: 100,
        retryCapMs: 10_000,
        defaultStepTimeoutMs: 30_000,
        maxStepTimeoutMs: 300_000,
        executionTimeoutMs: 60_000,
        retentionSeconds: 7 * 86_400,
        leaseMs: 30_000,
        maxTakeovers: 3,
        idempotencyTtlSeconds: 86_400,
        maxCompositeDepth: 5,
      },
      security: {
        corsOrigins: [],
        loopbackOrigins: true,
        introspection: true,
        graphiql: true,
        dashboard: true,
        maxConcurrentExecutionsPerUser: 10,
        mutationsPerMinute: 600,
        maxQueryDepth: 12,
        maxAliases: 30,
        maxTokens: 5_000,
        maxDirectives: 20,
        maxQueryCost: 10_000,
        maxBodyBytes: 1024 * 1024,
        auditLogLength: 100_000,
        maxSteps: 100,
        maxJsonBytes: 64 * 1024,
        maxJsonDepth: 32,
        maxTraversalDepth: 10,
        maxCycleSearchSteps: 1_000_000,
        maxAcyclicCheckEntities: 5_000,
        headersTimeoutMs: 10_000,
        requestTimeoutMs: 30_000,
        keepAliveTimeoutMs: 5_000,
        maxConnections: 1_024,
        maxAnonymousBodyBytes: 16 * 1024,
        maxEventBytes: 64 * 1024,
        eventLogLength: 10_000,
        eventLogBytes: 32 * 1024 * 1024,
        subscriptionsPerUser: 500,
        replaysPerConnection: 4,
        replaysPerUser: 8,
        replaysPerProcess: 8,
        maxQueuedEvents: 1_000,
        maxNestingDepth: 64,
      },
      persistedOperations: {
        manifestPath: undefined,
        persistedOnly: false,
        apq: true,
        apqMaxEntries: 1_000,
        apqMaxBytes: 4 * 1024 * 1024,
      },
    });
  });

  it('turns introspection and GraphiQL off in production unless asked for', () => {
    const secret = { NEXUS_JWT_SECRET: 'x'.repeat(32) };
    expect(loadConfig({ ...secret, NODE_ENV: 'production' }).security).toMatchObject({
      introspection: false,
      graphiql: false,
    });
    expect(
      loadConfig({ ...secret, NODE_ENV: 'production', NEXUS_INTROSPECTION: 'true' }).security
        .introspection,
    ).toBe(true);
    expect(loadConfig({ NEXUS_GRAPHIQL: 'false' }).security.graphiql).toBe(false);
    expect(loadConfig({ ...secret, NODE_ENV: 'production' }).security.dashboard).toBe(true);
    expect(loadConfig({ NEXUS_DASHBOARD: 'false' }).security.dashboard).toBe(false);
    expect(() => loadConfig({ NEXUS_GRAPHIQL: 'maybe' })).toThrow(
      /NEXUS_GRAPHIQL must be true or false/,
    );
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      REDIS_URL: 'rediss://user:pw@cache.internal:6380/2',
      NEXUS_KEY_PREFIX: 'staging:',
      NEXUS_JWT_SECRET: 's'.repeat(32),
      LOG_LEVEL: 'debug',
      NODE_ENV: 'production',
    });
    expect(config).toMatchObject({ port: 8080, keyPrefix: 'staging:', logLevel: 'debug' });
    expect(config.redisUrl).toBe('rediss://user:pw@cache.internal:6380/2');
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', REDIS_URL: '' })).toMatchObject({
      port: 4000,
      redisUrl: undefined,
    });
  });

  it.each([
    ['PORT', 'abc', /^Invalid configuration: PORT must be a number \(got "abc"\)$/],
    ['PORT', '70000', /PORT must be between 0 and 65535/],
    ['REDIS_URL', 'localhost:6379', /REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/],
    ['REDIS_URL', 'http://localhost:6379', /REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/],
    ['NEXUS_KEY_PREFIX', 'has space', /NEXUS_KEY_PREFIX must be/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of/],
    ['NEXUS_JWT_SECRET', 'short', /NEXUS_JWT_SECRET must be at least 32 characters$/],
  ])('rejects %s=%s with one line naming it', (name, value, message) => {
    const attempt = () => loadConfig({ [name]: value });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      expect(String((error as Error).message)).not.toContain('\n');
    }
  });

  it('refuses production without a JWT secret, and never echoes the secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/NEXUS_JWT_SECRET is required/);
    expect(() => loadConfig({ NEXUS_JWT_SECRET: 'top-secret' })).not.toThrow(/top-secret/);
  });

  it("never echoes a refused URL's credentials", () => {
    for (const [name, value] of [
      ['REDIS_URL', 'http://:hunter2@redis.internal:6379'],
      ['REDIS_URL', 'redis//default:hunter2@redis.internal:6379'],
      ['OTEL_EXPORTER_OTLP_ENDPOINT', 'ftp://user:hunter2@collector:4318'],
    ] as const) {
      const attempt = () => loadConfig({ [name]: value });
      expect(attempt, value).toThrow(new RegExp(`${name} must be`));
      expect(attempt, value).not.toThrow(/hunter2/);
    }
    expect(() => loadConfig({ REDIS_URL: 'http://:hunter2@redis.internal:6379' })).toThrow(
      '(got "http://***@redis.internal:6379")',
    );
  });

  it('refuses a headers timeout longer than the request timeout', () => {
    const env = { NEXUS_HEADERS_TIMEOUT_MS: '5000', NEXUS_REQUEST_TIMEOUT_MS: '1000' };
    expect(() => loadConfig(env)).toThrow(
      'NEXUS_HEADERS_TIMEOUT_MS must not be larger than NEXUS_REQUEST_TIMEOUT_MS',
    );
    expect(loadConfig({ ...env, NEXUS_HEADERS_TIMEOUT_MS: '1000' }).security.headersTimeoutMs).toBe(
      1000,
    );
  });
});
