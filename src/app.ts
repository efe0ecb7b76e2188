/** createApp: chooses the storage, builds the services and serves HTTP + graphql-ws. */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { Redis } from 'ioredis';
import { type Config, type NexusRole, redisConnectionOf } from './config.js';
import { AuditService } from './domain/audit/audit-service.js';
import { SubscriptionQuota } from './domain/events/subscription-quota.js';
import { ExecutionService } from './domain/execution/execution-service.js';
import type { QueuedRunHandler } from './domain/execution/run-queue.js';
import { GraphService } from './domain/graph/graph-service.js';
import {
  DEFAULT_PORTABILITY_LIMITS,
  type PortabilityLimits,
} from './domain/pattern/pattern-document.js';
import { patternInputParser } from './domain/pattern/pattern-input.js';
import { PatternService } from './domain/pattern/pattern-service.js';
import { SYSTEM_PATTERNS } from './domain/pattern/system-patterns.js';
import type { QueueEngine } from './domain/queue/queue-engine.js';
import { tickIdempotencyKey } from './domain/schedule/schedule.js';
import { ScheduleService } from './domain/schedule/schedule-service.js';
import type { RateLimiter } from './domain/security/rate-limiter.js';
import { type Clock, systemClock } from './domain/shared/clock.js';
import { SYSTEM_VIEWER } from './domain/shared/viewer.js';
import type { Storage } from './domain/storage.js';
import { createMemoryEngine } from './infra/memory/create-memory-engine.js';
import { createMemoryStorage } from './infra/memory/create-memory-storage.js';
import { createBullmqEngine } from './infra/queue/create-bullmq-engine.js';
import { redisConnectionOptions } from './infra/redis/client.js';
import { createRedisStorage } from './infra/redis/create-redis-storage.js';
import { RedisKeys } from './infra/redis/keys.js';
import type { EventBusObserver } from './infra/redis/redis-event-bus.js';
import { OtelRunTracer } from './infra/tracing/otel-run-tracer.js';
import { traceRedisCommands } from './infra/tracing/redis-command-spans.js';
import { schema } from './schema/index.js';
import { type Authenticator, createAuthenticator } from './server/authenticate.js';
import { createNexusYoga } from './server/create-yoga.js';
import { reportEventBus } from './server/event-bus-reports.js';
import { createErrorMasker, MASKED_MESSAGE } from './server/graphql-errors.js';
import { logAccess } from './server/http/access-log.js';
import { closeHttpServer, createHttpServer, listen } from './server/http/http-server.js';
import { operationalRoutesOnly } from './server/http/operational-routes.js';
import { createOriginPolicy } from './server/http/origin-policy.js';
import { createLogger, type Logger } from './server/logger.js';
import { createMetrics } from './server/metrics.js';
import { ApqStore } from './server/plugins/apq-store.js';
import { loadManifest } from './server/plugins/persisted-manifest.js';
import type { PersistedOperationsOptions } from './server/plugins/use-persisted-operations.js';
import type { Services } from './server/services.js';
import { startTracing, type Tracing } from './server/tracing/tracing.js';
import {
  attachGraphQLWebSocket,
  DEFAULT_WEBSOCKET_LIMITS,
  type WebSocketLimits,
} from './server/ws/websocket.js';

type Metrics = ReturnType<typeof createMetrics>;

/** Room left in a request body for the importPatterns operation around its document. */
const OPERATION_RESERVE_BYTES = 8 * 1024;

export interface AppOptions {
  logger?: Logger;
  clock?: Clock;
  /** graphql-ws limits (connections, operations per connection, payload, init timeout, pings). */
  webSocketLimits?: Partial<WebSocketLimits>;
  /**
   * Builds the storage; `createStorage` (Redis when REDIS_URL is set, else embedded) unless
   * given. A caller may wrap what `createStorage` returns, e.g. to watch the events published.
   */
  storage?: (settings: StorageSettings) => Storage;
  /** Where spans go when tracing is on (config.tracing) instead of the configured exporter. */
  spanExporter?: SpanExporter;
  /**
   * What this process's worker does with a queued run (roles `all` and `worker`); see
   * `ExecutionService.runQueued` (claim, then run or resume here) unless given.
   */
  runQueued?: (services: Services) => QueuedRunHandler;
  /** Builds the queue engine; `createQueueEngine` (BullMQ when Redis is configured, else embedded) unless given. */
  queue?: (config: Config) => QueueEngine;
}

/** What the storage is built from. */
export interface StorageSettings {
  config: Config;
  logger: Logger;
  clock: Clock;
  /** What the Redis event bus reports (its subscriber connection lost, the gap read back). */
  eventObserver: EventBusObserver;
  /** Called with the shared Redis client once created (instrumentation, e.g. round trips). */
  onRedisClient?: (client: Redis) => void;
}

export function createApp(config: Config, options: AppOptions = {}) {
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  const metrics = createMetrics();
  const eventObserver = reportEventBus(logger, metrics);
  const tracing = config.tracing ? startTracing(config.tracing, options.spanExporter) : undefined;
  const storage = (options.storage ?? createStorage)({
    config,
    logger,
    clock,
    eventObserver,
    ...(tracing ? { onRedisClient: (client) => traceRedisCommands(client, tracing.tracer) } : {}),
  });
  const authenticator = authenticatorWithWarning(config.jwtSecret, logger);
  const { security } = config;
  const mutationRate = storage.rateLimiter('mutations', {
    points: security.mutationsPerMinute,
    windowSeconds: 60,
  });
  const instanceId = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const engine = (options.queue ?? createQueueEngine)(config);
  metrics.queue.countFrom(() => engine.runs.counts());
  const services = createServices({
    config,
    storage,
    clock,
    logger,
    metrics,
    mutationRate,
    instanceId,
    tracing,
    engine,
  });
  const workers = createWorkers(config, engine, services, logger, metrics, options.runQueued);
  const { yoga, server, websocket } = serveGraphQL({
    config,
    storage,
    services,
    authenticator,
    logger,
    metrics,
    clock,
    mutationRate,
    instanceId,
    webSocketLimits: options.webSocketLimits,
    tracing,
  });
  // Runs of a process that stopped are found within a quarter lease (at most 2 s) of expiring.
  const sweepEveryMs = Math.max(50, Math.min(config.execution.leaseMs / 4, 2_000));
  const upkeep = createUpkeep(services, logger, sweepEveryMs);
  let stopping: Promise<void> | undefined;

  return {
    yoga,
    server,
    services,
    storage: storage.kind,
    role: config.role,
    /** The queue engine's kind: `bullmq` on Redis, `memory` embedded. */
    queue: engine.kind,

    /**
     * Listens (port 0 picks a free one), makes sure the system patterns exist, then (roles all
     * and worker) starts taking queued runs and schedule ticks.
     */
    async start(port: number = config.port): Promise<{ port: number; url: string }> {
      const actual = await listen(server, port, config.host);
      await storage.start();
      await upkeep.start(storage);
      await workers.start();
      const url = `http://${urlHost(config.host)}:${actual}${yoga.graphqlEndpoint}`;
      if (config.role === 'worker')
        logger.info(
          { port: actual, concurrency: config.workerConcurrency },
          'Nexus is running queued work (NEXUS_ROLE=worker: no GraphQL; /health, /ready, /metrics)',
        );
      else
        logger.info(
          { url, host: config.host ?? 'all interfaces', role: config.role },
          'Nexus is serving GraphQL',
        );
      return { port: actual, url };
    },

    /** Stops accepting, lets in-flight requests finish, closes sockets and Redis. Idempotent. */
    stop(): Promise<void> {
      stopping ??= (async () => {
        const closeUpgraded = async () => websocket?.close();
        await closeHttpServer(server, { drainTimeoutMs: config.drainTimeoutMs, closeUpgraded });
        upkeep.stop();
        // No more runs or ticks are taken; those in hand settle once their runs end below.
        const stoppedTaking = workers.stopTaking();
        // Runs still going are cancelled and record their end before Redis closes.
        await services.executions.shutdown();
        await stoppedTaking;
        await engine.close();
        await yoga.dispose();
        await storage.close();
        await tracing?.shutdown();
      })();
      return stopping;
    },
  };
}

export type App = ReturnType<typeof createApp>;

/** The host part of the URL logged at start-up: localhost for every interface or loopback. */
function urlHost(host: string | undefined): string {
  if (host === undefined || host === '0.0.0.0' || host === '::' || host === '127.0.0.1')
    return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

/** Without a secret every caller is the admin: said once, loudly, at start-up. */
function authenticatorWithWarning(secret: string | undefined, logger: Logger): Authenticator {
  const authenticator = createAuthenticator(secret);
  if (authenticator.development) {
    logger.warn(
      'NEXUS_JWT_SECRET is not set: development mode, every caller is the admin "dev"; never expose this server',
    );
  }
  return authenticator;
}

interface TransportDependencies extends Omit<ServiceDependencies, 'engine'> {
  services: Services;
  authenticator: Authenticator;
  webSocketLimits: Partial<WebSocketLimits> | undefined;
}

/** GraphQL over HTTP (yoga behind the Node server's limits) and over graphql-ws. */
function serveGraphQL(deps: TransportDependencies) {
  const { storage, services, authenticator, logger, metrics, clock, mutationRate } = deps;
  const { security } = deps.config;
  const maskError = createErrorMasker(logger, (error) => storage.isUnavailable(error));
  const originPolicy = createOriginPolicy({
    listed: security.corsOrigins,
    loopback: security.loopbackOrigins,
    development: authenticator.development,
  });
  const yoga = createNexusYoga({
    schema,
    services,
    authenticator,
    security,
    logger,
    metrics,
    maskError,
    isReady: () => storage.isReady(),
    mutationRate,
    auditLog: storage.audit,
    clock,
    originPolicy,
    ...(deps.tracing
      ? {
          tracer: deps.tracing.tracer,
          maskErrorQuietly: createErrorMasker(createLogger('silent'), (error) =>
            storage.isUnavailable(error),
          ),
        }
      : {}),
    persistedOperations: persistedOperations(deps.config),
  });
  if (deps.config.role === 'worker') {
    // Probes and metrics only: no GraphQL over HTTP, no dashboard, no WebSocket upgrade.
    const server = createHttpServer({
      handle: operationalRoutesOnly(yoga),
      authenticator,
      security: { ...security, dashboard: false },
      logger,
      originPolicy,
    });
    logAccess(server, logger);
    return { yoga, server, websocket: null };
  }
  const server = createHttpServer({ handle: yoga, authenticator, security, logger, originPolicy });
  logAccess(server, logger);
  const websocket = attachGraphQLWebSocket(server, yoga, {
    authenticator,
    originPolicy,
    limits: {
      ...DEFAULT_WEBSOCKET_LIMITS,
      maxQueuedMessages: security.maxQueuedEvents,
      ...deps.webSocketLimits,
    },
    maskError: (error) => maskError(error, MASKED_MESSAGE),
    onInternalError: (error) => logger.error({ err: error }, 'graphql-ws: internal error'),
  });
  return { yoga, server, websocket };
}

/** The manifest (read once, now: a bad file stops the start) and the bounded APQ store. */
function persistedOperations({
  persistedOperations: settings,
}: Config): PersistedOperationsOptions {
  return {
    manifest: settings.manifestPath === undefined ? new Map() : loadManifest(settings.manifestPath),
    apq:
      settings.apq && !settings.persistedOnly
        ? new ApqStore({ maxEntries: settings.apqMaxEntries, maxBytes: settings.apqMaxBytes })
        : null,
    persistedOnly: settings.persistedOnly,
  };
}

/** Redis when REDIS_URL is set, else the embedded in-memory adapters. */
export function createStorage(settings: StorageSettings): Storage {
  const { config, logger, clock } = settings;
  const { security } = config;
  const events = {
    maxLength: security.eventLogLength,
    maxBytes: security.eventLogBytes,
    maxQueued: security.maxQueuedEvents,
    maxEventBytes: security.maxEventBytes,
    maxReplays: security.replaysPerProcess,
  };
  const connection = redisConnectionOf(config);
  if (connection === undefined) {
    logger.info(
      'storage: embedded in-memory adapters (one process, nothing kept across restarts); set REDIS_URL to use Redis',
    );
    return createMemoryStorage({ clock, events, auditLogLength: security.auditLogLength });
  }
  return createRedisStorage({
    connection,
    keyPrefix: config.keyPrefix,
    commandTimeoutMs: config.redisCommandTimeoutMs,
    clock,
    events,
    eventObserver: settings.eventObserver,
    auditLogLength: security.auditLogLength,
    logger,
    onClient: settings.onRedisClient,
    // A worker serves no subscriptions.
    listensToEvents: config.role !== 'worker',
  });
}

/** An exported document must fit back into one request body, beside the operation that sends it. */
function portabilityLimits(maxBodyBytes: number): PortabilityLimits {
  return {
    ...DEFAULT_PORTABILITY_LIMITS,
    maxDocumentBytes: Math.max(1024, maxBodyBytes - OPERATION_RESERVE_BYTES),
  };
}

interface ServiceDependencies {
  config: Config;
  storage: Storage;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  /** Also charged for every composite (child) run, as for the mutation that started the tree. */
  mutationRate: RateLimiter;
  /** This process among the instances (recorded as the `instance` of the runs it runs). */
  instanceId: string;
  /** Present when tracing is on. */
  tracing?: Tracing;
  engine: QueueEngine;
}

function createServices(deps: ServiceDependencies): Services {
  const { config, storage, clock, logger, metrics } = deps;
  const { security } = config;
  const events = storage.events;
  const patterns = new PatternService(
    storage.patterns,
    clock,
    events,
    patternInputParser({
      maxSteps: security.maxSteps,
      maxJsonBytes: security.maxJsonBytes,
      maxStepTimeoutMs: config.execution.maxStepTimeoutMs,
      maxTraversalDepth: security.maxTraversalDepth,
    }),
    portabilityLimits(security.maxBodyBytes),
  );
  const graph = new GraphService(storage.graph, clock, {
    events,
    limits: {
      maxDepth: security.maxTraversalDepth,
      maxCycleSearchSteps: security.maxCycleSearchSteps,
      maxAcyclicCheckEntities: security.maxAcyclicCheckEntities,
    },
  });
  const executions = new ExecutionService({
    maxInputBytes: security.maxJsonBytes,
    patterns,
    graph,
    executions: storage.executions,
    kv: storage.kv,
    events,
    clock,
    runRate: deps.mutationRate,
    cancels: storage.cancels,
    storeHealth: storage.health,
    settings: {
      ...config.execution,
      maxConcurrentPerUser: security.maxConcurrentExecutionsPerUser,
    },
    onError: (error, context) => logger.error({ err: error }, `executor: ${context}`),
    onFinished: (execution) => metrics.executionEnded(execution),
    onStepSettled: (type, result) => metrics.stepSettled(type, result),
    instanceId: deps.instanceId,
    runsSteps: takesQueuedWork(config.role),
    queue: deps.engine.runs,
    onTakeover: (kind) => metrics.executionTakenUp(kind),
    ...(deps.tracing ? { tracer: new OtelRunTracer(deps.tracing.tracer) } : {}),
  });
  const subscriptions = new SubscriptionQuota({
    perUser: security.subscriptionsPerUser,
    replaysPerConnection: security.replaysPerConnection,
    replaysPerUser: security.replaysPerUser,
  });
  const audit = new AuditService(storage.audit);
  const schedules = new ScheduleService({
    store: storage.schedules,
    trigger: deps.engine.ticks,
    patterns,
    events,
    audit: storage.audit,
    clock,
    maxPerUser: config.schedulesPerUser,
    maxInputBytes: security.maxJsonBytes,
    runRate: deps.mutationRate,
    // One execution per tick: a tick handed out twice finds the first by its idempotency key.
    fire: (schedule, owner, tickMs) =>
      executions.execute(owner, {
        patternId: schedule.patternId,
        input: schedule.input,
        mode: 'ASYNC',
        idempotencyKey: tickIdempotencyKey(schedule.id, tickMs),
        startAt: null,
        scheduleId: schedule.id,
      }),
    startedRun: (schedule, owner, tickMs) =>
      executions.startedWith(owner, schedule.patternId, tickIdempotencyKey(schedule.id, tickMs)),
    onError: (error, context) => logger.error({ err: error }, `schedules: ${context}`),
  });
  return { patterns, graph, executions, events, subscriptions, audit, schedules };
}

/**
 * BullMQ on the app's Redis (under its key prefix, reached as every other client reaches it:
 * URL, TLS, Sentinel) when Redis is configured, else embedded.
 */
function createQueueEngine(config: Config): QueueEngine {
  const connection = redisConnectionOf(config);
  if (connection === undefined) return createMemoryEngine();
  return createBullmqEngine({
    connection: redisConnectionOptions(connection),
    prefix: new RedisKeys(config.keyPrefix).bullmqPrefix(),
  });
}

/** Whether a process of this role takes queued runs and schedule ticks. */
function takesQueuedWork(role: NexusRole): boolean {
  return role !== 'api';
}

/** The queue's workers of this process: runs (bounded by NEXUS_WORKER_CONCURRENCY) and ticks. */
function createWorkers(
  config: Config,
  engine: QueueEngine,
  services: Services,
  logger: Logger,
  metrics: Metrics,
  runQueued: AppOptions['runQueued'],
) {
  const works = takesQueuedWork(config.role);
  return {
    async start(): Promise<void> {
      if (!works) return;
      await engine.runs.work(runQueued?.(services) ?? services.executions.runQueued, {
        concurrency: config.workerConcurrency,
        onWait: (ms) => metrics.queue.waited(ms),
        onError: (error, run) =>
          logger.warn({ err: error, run }, 'a queued run failed in its worker; handed out again'),
      });
      await engine.ticks.work(services.schedules.handleTick);
    },
    async stopTaking(): Promise<void> {
      if (works) await engine.runs.stopTaking();
    },
  };
}

/** The system patterns kept present, and executions of a stopped process taken over. */
function createUpkeep(services: Services, logger: Logger, sweepEveryMs: number) {
  let sweeper: NodeJS.Timeout | undefined;
  const sweepAbandoned = async () => {
    try {
      const handled = await services.executions.sweepAbandoned();
      if (handled > 0) logger.warn({ handled }, 'took up executions of a process that stopped');
    } catch (error) {
      logger.warn({ err: error }, 'could not sweep abandoned executions');
    }
  };
  const seedSystemPatterns = async () => {
    try {
      const created = await services.patterns.ensureExists(SYSTEM_VIEWER, SYSTEM_PATTERNS);
      if (created.length > 0) logger.info({ created }, 'created system patterns');
    } catch (error) {
      logger.warn(
        { err: error },
        'could not check the system patterns yet; will retry on reconnect',
      );
    }
  };
  return {
    async start(storage: Pick<Storage, 'onReconnect'>): Promise<void> {
      await seedSystemPatterns();
      await sweepAbandoned();
      sweeper = setInterval(() => void sweepAbandoned(), sweepEveryMs);
      // A Redis that comes back empty (flushed, replaced, no persistence) gets them again.
      storage.onReconnect(() => void seedSystemPatterns());
    },
    stop(): void {
      clearInterval(sweeper);
    },
  };
}
