import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type ExecutionResult, print } from 'graphql';
import type { Redis } from 'ioredis';
import { type App, type AppOptions, createApp, createStorage } from '../../src/app.js';
import { type Config, DEFAULT_PERSISTED_OPERATIONS } from '../../src/config.js';
import { type LocalEventPublisher, teeEvents } from './local-events.js';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: undefined,
    redisUrl: undefined,
    keyPrefix: 'nexus:',
    redisCommandTimeoutMs: 5_000,
    drainTimeoutMs: 5_000,
    jwtSecret: undefined,
    logLevel: 'silent',
    nodeEnv: 'test',
    role: 'all',
    workerConcurrency: 32,
    schedulesPerUser: 20,
    ...overrides,
    execution: {
      stepConcurrency: 16,
      processConcurrency: 256,
      userStepConcurrency: 256,
      maxRunsPerExecution: 1_000,
      maxRenderedBytes: 1024 * 1024,
      retryBaseMs: 1,
      retryCapMs: 10,
      defaultStepTimeoutMs: 30_000,
      maxStepTimeoutMs: 300_000,
      executionTimeoutMs: 30_000,
      retentionSeconds: 7 * 86_400,
      leaseMs: 30_000,
      maxTakeovers: 3,
      idempotencyTtlSeconds: 86_400,
      maxCompositeDepth: 5,
      ...overrides.execution,
    },
    security: {
      corsOrigins: [],
      loopbackOrigins: true,
      introspection: true,
      graphiql: true,
      dashboard: true,
      // Tests drive many executions and mutations as one user; the limit tests set their own.
      maxConcurrentExecutionsPerUser: 1_000,
      mutationsPerMinute: 1_000_000,
      maxQueryDepth: 12,
      maxAliases: 30,
      maxTokens: 5_000,
      maxDirectives: 20,
      maxQueryCost: 10_000,
      maxBodyBytes: 1024 * 1024,
      auditLogLength: 10_000,
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
      ...overrides.security,
    },
    persistedOperations: { ...DEFAULT_PERSISTED_OPERATIONS, ...overrides.persistedOperations },
  };
}

export interface TestAppOptions extends AppOptions {
  /** Told of every event as the services publish it (the bus still gets each one). */
  events?: LocalEventPublisher;
  /** Called with the shared Redis client (counting round trips, watching commands). */
  onRedisClient?: (client: Redis) => void;
  /** How far one subscriber may fall behind: security.maxQueuedEvents. */
  maxQueuedEvents?: number;
}

export function createTestApp(overrides: Partial<Config> = {}, options: TestAppOptions = {}): App {
  const { events, onRedisClient, maxQueuedEvents, ...appOptions } = options;
  const config = testConfig(overrides);
  if (maxQueuedEvents !== undefined) config.security.maxQueuedEvents = maxQueuedEvents;
  return createApp(config, {
    storage: (settings) => {
      const storage = createStorage({ ...settings, onRedisClient });
      return events ? teeEvents(storage, events) : storage;
    },
    ...appOptions,
  });
}

export interface GraphQLErrorShape {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: {
    code?: string;
    issues?: Array<{ path: Array<string | number>; message: string }>;
    [key: string]: unknown;
  };
}

export interface Result<T> {
  data?: T | null;
  errors?: GraphQLErrorShape[];
}

/** Runs an operation over HTTP through yoga.fetch, as a client would send it (with a token). */
export async function gql<TResult, TVariables>(
  app: App,
  document: TypedDocumentNode<TResult, TVariables>,
  variables?: TVariables,
  token?: string,
): Promise<Result<TResult>> {
  const response = await app.yoga.fetch('http://nexus.test/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify({ query: print(document), variables }),
  });
  return (await response.json()) as ExecutionResult<TResult> as Result<TResult>;
}

/** The errors of a result, failing the test when there are none. */
export function errorsOf(result: Result<unknown>): GraphQLErrorShape[] {
  if (!result.errors || result.errors.length === 0) {
    throw new Error(`expected errors, got ${JSON.stringify(result.data)}`);
  }
  return result.errors;
}

/** The data of a result, failing the test (with the errors) when there are errors. */
export function dataOf<T>(result: Result<T>): T {
  if (result.errors?.length || result.data === undefined || result.data === null) {
    throw new Error(`expected data, got ${JSON.stringify(result.errors)}`);
  }
  return result.data;
}
