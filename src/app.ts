/** createApp: chooses the adapters, builds the services and serves HTTP + graphql-ws. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga } from 'graphql-yoga';
import type { Redis } from 'ioredis';
import type { Config } from './config.js';
import type { AuditLog } from './domain/audit/audit-log.js';
import { AuditService } from './domain/audit/audit-service.js';
import type { EventBus, EventBusSettings, EventPublisher } from './domain/events/event.js';
import { SubscriptionQuota } from './domain/events/subscription-quota.js';
import { ExecutionService } from './domain/execution/execution-service.js';
import type { ExecutionStore } from './domain/execution/execution-store.js';
import type { KeyValueSpace } from './domain/execution/key-value-store.js';
import { GraphService } from './domain/graph/graph-service.js';
import type { GraphStore } from './domain/graph/graph-store.js';
import { patternInputParser } from './domain/pattern/pattern-input.js';
import { PatternService } from './domain/pattern/pattern-service.js';
import type { PatternStore } from './domain/pattern/pattern-store.js';
import { SYSTEM_PATTERNS } from './domain/pattern/system-patterns.js';
import type { RateLimiter } from './domain/security/rate-limiter.js';
import { type Clock, systemClock } from './domain/shared/clock.js';
import { SYSTEM_VIEWER } from './domain/shared/viewer.js';
import { MemoryAuditLog } from './infra/memory/memory-audit-log.js';
import { MemoryEventBus } from './infra/memory/memory-event-bus.js';
import { MemoryExecutionStore } from './infra/memory/memory-execution-store.js';
import { MemoryGraphStore } from './infra/memory/memory-graph-store.js';
import { MemoryKeyValueSpace } from './infra/memory/memory-key-value-store.js';
import { MemoryPatternStore } from './infra/memory/memory-pattern-store.js';
import { MemoryRateLimiter } from './infra/memory/memory-rate-limiter.js';
import {
  createRedisClient,
  dropWhenUnresponsive,
  failFastWhenDisconnected,
  isConnectionError,
  isRedisReachable,
} from './infra/redis/client.js';
import { RedisKeys } from './infra/redis/keys.js';
import { RedisAuditLog } from './infra/redis/redis-audit-log.js';
import { type EventBusObserver, RedisEventBus } from './infra/redis/redis-event-bus.js';
import { RedisExecutionStore } from './infra/redis/redis-execution-store.js';
import { RedisGraphStore } from './infra/redis/redis-graph-store.js';
import { RedisKeyValueSpace } from './infra/redis/redis-key-value-store.js';
import { RedisPatternStore } from './infra/redis/redis-pattern-store.js';
import { RedisRateLimiter } from './infra/redis/redis-rate-limiter.js';
import { schema } from './schema/index.js';
import { createAuthenticator } from './server/authenticate.js';
import { createContextFactory } from './server/context.js';
import { createErrorMasker, MASKED_MESSAGE } from './server/graphql-errors.js';
import { answerClientErrors } from './server/http/client-errors.js';
import {
  admitBody,
  httpServerOptions,
  limitConnections,
  refuseOversizedBody,
} from './server/http/http-limits.js';
import { limitJsonDepth } from './server/json-depth.js';
import { createLogger, type Logger, yogaLogger } from './server/logger.js';
import { createMetrics } from './server/metrics.js';
import { useAuditTrail } from './server/plugins/use-audit-trail.js';
import { useJsonErrorBodies } from './server/plugins/use-json-error-bodies.js';
import { useMetricsGuard } from './server/plugins/use-metrics-guard.js';
import { useMutationRateLimit } from './server/plugins/use-mutation-rate-limit.js';
import { useNestingLimit } from './server/plugins/use-nesting-limit.js';
import { useQueryArmor } from './server/plugins/use-query-armor.js';
import { useReadiness } from './server/plugins/use-readiness.js';
import type { Services } from './server/services.js';
import { useSharedSubscriptionExecution } from './server/ws/shared-subscriptions.js';
import {
  attachGraphQLWebSocket,
  DEFAULT_WEBSOCKET_LIMITS,
  type WebSocketLimits,
} from './server/ws/websocket.js';

export interface AppOptions {
  logger?: Logger;
  clock?: Clock;
  /** How long stop() lets in-flight HTTP requests finish before closing their sockets. */
  drainTimeoutMs?: number;
  /** Also told of every event (tests watch events in process); the bus still gets each one. */
  events?: EventPublisher;
  /** How far one subscriber may fall behind (events queued) before its connection is closed. */
  maxQueuedEvents?: number;
  /** graphql-ws limits (connections, operations per connection, payload, init timeout, pings). */
  webSocketLimits?: Partial<WebSocketLimits>;
  /** Called with each Redis client the app creates (instrumentation, e.g. counting round trips). */
  onRedisClient?: (client: Redis) => void;
}

interface Storage {
  kind: 'redis' | 'memory';
  patterns: PatternStore;
  graph: GraphStore;
  executions: ExecutionStore;
  kv: KeyValueSpace;
  audit: AuditLog;
  /** A limiter of `points` per `windowSeconds` per key, shared across instances on Redis. */
  rateLimiter(name: string, points: number, windowSeconds: number): RateLimiter;
  events(clock: Clock, observer: EventBusObserver): EventBus;
  startEvents(): Promise<void>;
  isReady(): Promise<boolean>;
  /** Whether an error means the store could not be reached (SERVICE_UNAVAILABLE). */
  isUnavailable(error: unknown): boolean;
  onReconnect(listener: () => void): void;
  close(): Promise<void>;
}

/**
 * How long a Redis command may go unanswered before it fails as SERVICE_UNAVAILABLE: a backstop
 * (a frozen Redis is dropped within about 2 s by the responsiveness probe), long enough that a
 * process busy for a moment does not fail commands whose replies are already waiting.
 */
const COMMAND_TIMEOUT_MS = 5_000;
/** How far one subscriber may fall behind. */
const MAX_QUEUED_EVENTS = 1_000;
/** Bracket nesting accepted in a document: far past any real query, far below stack limits. */
const NESTING_LIMIT = 64;

export function createApp(config: Config, options: AppOptions = {}) {
  const logger = options.logger ?? createLogger(config.logLevel);
  const storage = createStorage(config, logger, options.onRedisClient, {
    maxLength: config.security.eventLogLength,
    maxBytes: config.security.eventLogBytes,
    maxQueued: options.maxQueuedEvents ?? MAX_QUEUED_EVENTS,
    maxEventBytes: config.security.maxEventBytes,
    maxReplays: config.security.replaysPerProcess,
  });
  const clock = options.clock ?? systemClock;
  const authenticator = createAuthenticator(config.jwtSecret);
  if (authenticator.development) {
    logger.warn(
      'NEXUS_JWT_SECRET is not set: development mode, every caller is the admin "dev"; never expose this server',
    );
  }
  const metrics = createMetrics();
  const bus = storage.events(clock, {
    publishFailed: (error) => logger.warn({ err: error }, 'could not publish an event'),
    subscriberLost: () => {
      metrics.eventSubscriberLost();
      logger.warn(
        'Redis closed the event subscriber connection; live events resume, and the gap is read back from the log, once it is back',
      );
    },
    recovered: (events) => {
      metrics.eventsRecovered(events);
      logger.info({ events }, 'event subscriber back; events published meanwhile delivered');
    },
    recoveryFailed: (error) =>
      logger.warn({ err: error }, 'could not read back the events missed while disconnected'),
  });
  // Tests may watch events in process; the bus still receives every event.
  const events: EventPublisher = options.events
    ? {
        publish: async (event) => {
          await Promise.all([options.events?.publish(event), bus.publish(event)]);
        },
      }
    : bus;
  const mutationRate = storage.rateLimiter('mutations', config.security.mutationsPerMinute, 60);
  const patterns = new PatternService(
    storage.patterns,
    clock,
    events,
    patternInputParser({
      maxSteps: config.security.maxSteps,
      maxJsonBytes: config.security.maxJsonBytes,
      maxStepTimeoutMs: config.execution.maxStepTimeoutMs,
    }),
  );
  const graph = new GraphService(storage.graph, clock, events, undefined, {
    maxDepth: config.security.maxTraversalDepth,
    maxCycleSearchSteps: config.security.maxCycleSearchSteps,
    maxAcyclicCheckEntities: config.security.maxAcyclicCheckEntities,
  });
  const services: Services = {
    patterns,
    graph,
    events: bus,
    subscriptions: new SubscriptionQuota({
      perUser: config.security.subscriptionsPerUser,
      replaysPerConnection: config.security.replaysPerConnection,
      replaysPerUser: config.security.replaysPerUser,
    }),
    audit: new AuditService(storage.audit),
    executions: new ExecutionService({
      patterns,
      graph,
      executions: storage.executions,
      kv: storage.kv,
      events,
      clock,
      runRate: mutationRate,
      settings: {
        ...config.execution,
        idempotencyTtlSeconds: 86_400,
        maxCompositeDepth: 5,
        maxConcurrentPerUser: config.security.maxConcurrentExecutionsPerUser,
      },
      onError: (error, context) => logger.error({ err: error }, `executor: ${context}`),
      onFinished: (execution) => metrics.executionEnded(execution),
      onStepSettled: (type, result) => metrics.stepSettled(type, result),
    }),
  };
  let sweeper: NodeJS.Timeout | undefined;
  const sweepAbandoned = async () => {
    try {
      const ended = await services.executions.sweepAbandoned();
      if (ended > 0) logger.warn({ ended }, 'ended executions abandoned by a process that stopped');
    } catch (error) {
      logger.warn({ err: error }, 'could not sweep abandoned executions');
    }
  };

  const maskError = createErrorMasker(logger, (error) => storage.isUnavailable(error));
  const yoga = createYoga({
    schema: limitJsonDepth(schema, config.security.maxJsonDepth),
    context: createContextFactory({ services, authenticator }),
    graphiql: config.security.graphiql ? { title: 'Nexus', subscriptionsProtocol: 'WS' } : false,
    // One operation per request: a batch would multiply every per-operation limit.
    batching: false,
    landingPage: false,
    // Served from the package, not a CDN: GraphiQL works offline and behind strict networks.
    renderGraphiQL,
    maskedErrors: { maskError },
    logging: yogaLogger(logger),
    healthCheckEndpoint: '/health',
    plugins: [
      useReadiness('/ready', () => storage.isReady()),
      useMetricsGuard('/metrics', authenticator),
      metrics.plugin,
      useSharedSubscriptionExecution(),
      useNestingLimit(NESTING_LIMIT),
      useJsonErrorBodies(),
      ...useQueryArmor(config.security),
      useMutationRateLimit(mutationRate),
      useAuditTrail(storage.audit, clock, logger),
    ],
  });

  const maxBody = config.security.maxBodyBytes;
  const server: Server = createServer(httpServerOptions(config.security), (request, response) => {
    if (refuseOversizedBody(request, response, maxBody)) return;
    const admitted = admitBody(
      request,
      response,
      authenticator,
      config.security.maxAnonymousBodyBytes,
    );
    if (admitted === true) void yoga(request, response);
    else if (admitted !== false) {
      void admitted.then((ok) => {
        if (ok) void yoga(request, response);
      });
    }
  });
  answerClientErrors(server);
  limitConnections(server, config.security.maxConnections, logger);
  const websocket = attachGraphQLWebSocket(server, yoga, {
    authenticator,
    limits: {
      ...DEFAULT_WEBSOCKET_LIMITS,
      maxQueuedMessages: options.maxQueuedEvents ?? MAX_QUEUED_EVENTS,
      ...options.webSocketLimits,
    },
    maskError: (error) => maskError(error, MASKED_MESSAGE),
    onInternalError: (error) => logger.error({ err: error }, 'graphql-ws: internal error'),
  });
  let stopping: Promise<void> | undefined;

  const seedSystemPatterns = async (): Promise<boolean> => {
    try {
      const created = await services.patterns.ensureExists(SYSTEM_VIEWER, SYSTEM_PATTERNS);
      if (created.length > 0) logger.info({ created }, 'created system patterns');
      return true;
    } catch (error) {
      logger.warn(
        { err: error },
        'could not check the system patterns yet; will retry on reconnect',
      );
      return false;
    }
  };

  return {
    yoga,
    server,
    services,
    storage: storage.kind,

    /** Listens (port 0 picks a free one), then makes sure the system patterns exist. */
    async start(port: number = config.port): Promise<{ port: number; url: string }> {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, () => {
          server.off('error', reject);
          resolve();
        });
      });
      await storage.startEvents();
      await seedSystemPatterns();
      await sweepAbandoned();
      sweeper = setInterval(() => void sweepAbandoned(), config.execution.leaseMs);
      // A Redis that comes back empty (flushed, replaced, no persistence) gets them again.
      storage.onReconnect(() => void seedSystemPatterns());
      const actual = (server.address() as AddressInfo).port;
      const url = `http://localhost:${actual}${yoga.graphqlEndpoint}`;
      logger.info({ url }, 'Nexus is serving GraphQL');
      return { port: actual, url };
    },

    /** Stops accepting, lets in-flight requests finish, closes sockets and Redis. Idempotent. */
    stop(): Promise<void> {
      stopping ??= (async () => {
        const drain = setTimeout(
          () => server.closeAllConnections(),
          options.drainTimeoutMs ?? 5_000,
        );
        const closed = new Promise<void>((resolve) => {
          if (!server.listening) return resolve();
          server.close(() => resolve());
        });
        server.closeIdleConnections();
        await websocket.close();
        await closed;
        clearTimeout(drain);
        clearInterval(sweeper);
        // Runs still going are cancelled and record their end before Redis closes.
        await services.executions.shutdown();
        await yoga.dispose();
        await storage.close();
      })();
      return stopping;
    },
  };
}

export type App = ReturnType<typeof createApp>;

function createStorage(
  config: Config,
  logger: Logger,
  onRedisClient: AppOptions['onRedisClient'],
  eventSettings: EventBusSettings,
): Storage {
  if (config.redisUrl === undefined) {
    logger.info(
      'storage: embedded in-memory adapters (one process, nothing kept across restarts); set REDIS_URL to use Redis',
    );
    const patterns = new MemoryPatternStore();
    return {
      kind: 'memory',
      patterns,
      graph: new MemoryGraphStore(),
      executions: new MemoryExecutionStore((id) => patterns.currentVersion(id)),
      kv: new MemoryKeyValueSpace(),
      audit: new MemoryAuditLog(config.security.auditLogLength),
      rateLimiter: (_name, points, windowSeconds) => new MemoryRateLimiter(points, windowSeconds),
      events: (clock) => new MemoryEventBus(clock, eventSettings),
      startEvents: async () => {},
      isReady: async () => true,
      isUnavailable: () => false,
      onReconnect: () => {},
      close: async () => {},
    };
  }
  // A Redis that stops answering with the connection still open (frozen, partitioned) must not
  // hang commands (the subscriber connection only listens).
  // Commands in flight when a connection drops fail (SERVICE_UNAVAILABLE) rather than being
  // sent again on the next one: a write whose reply was lost may have happened, and resending it
  // could apply it twice; the caller, or the run's end-write retry, decides.
  const redis: Redis = createRedisClient(config.redisUrl, 'nexus', {
    commandTimeout: COMMAND_TIMEOUT_MS,
    autoResendUnfulfilledCommands: false,
  });
  failFastWhenDisconnected(redis);
  const probe: Redis = createRedisClient(config.redisUrl, 'nexus-probe', {
    enableOfflineQueue: false,
  });
  probe.on('error', () => {});
  const stopWatching = dropWhenUnresponsive(redis, probe, () =>
    logger.warn('redis stopped answering; reconnecting'),
  );
  onRedisClient?.(redis);
  // Subscribed connections can do nothing else: events get a client of their own.
  const subscriber: Redis = createRedisClient(config.redisUrl, 'nexus-events');
  subscriber.on('error', (error: Error) =>
    logger.warn({ err: error.message }, 'redis subscriber error'),
  );
  let bus: RedisEventBus | undefined;
  logger.info({ redis: redactUrl(config.redisUrl), prefix: config.keyPrefix }, 'storage: Redis');
  redis.on('error', (error: Error) =>
    logger.warn({ err: error.message }, 'redis connection error'),
  );
  const keys = new RedisKeys(config.keyPrefix);
  return {
    kind: 'redis',
    patterns: new RedisPatternStore(redis, keys),
    graph: new RedisGraphStore(redis, keys),
    executions: new RedisExecutionStore(redis, keys),
    kv: new RedisKeyValueSpace(redis, keys),
    audit: new RedisAuditLog(redis, keys, config.security.auditLogLength),
    rateLimiter: (name, points, windowSeconds) =>
      new RedisRateLimiter(redis, keys.rateLimit(name), points, windowSeconds),
    events: (clock, observer) => {
      bus ??= new RedisEventBus(redis, subscriber, keys, clock, eventSettings, observer);
      return bus;
    },
    startEvents: async () => bus?.start(),
    isReady: () => isRedisReachable(redis),
    isUnavailable: (error) => isConnectionError(error) || redis.status !== 'ready',
    onReconnect: (listener) => redis.on('ready', listener),
    close: async () => {
      stopWatching();
      redis.removeAllListeners('ready');
      await Promise.all([
        redis.quit().catch(() => redis.disconnect()),
        probe.quit().catch(() => probe.disconnect()),
        subscriber.quit().catch(() => subscriber.disconnect()),
      ]);
    },
  };
}

function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
