/** The only reader of process.env: parses and validates configuration with zod. */
import { z } from 'zod';
import type { ExecutionSettings } from './domain/execution/execution-settings.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
/** What a process does: everything (one process, as embedded), GraphQL only, or runs only. */
export const NEXUS_ROLES = ['all', 'api', 'worker'] as const;
export type NexusRole = (typeof NEXUS_ROLES)[number];

// Settings no operator has needed to change, kept here beside the ones read from the environment.
/** How long an idempotency key keeps answering with the execution it started. */
const IDEMPOTENCY_TTL_SECONDS = 86_400;
/** Composite steps nested in one another (a pattern running a pattern running a pattern...). */
const MAX_COMPOSITE_DEPTH = 5;
/** How far one subscriber may fall behind (events queued) before its connection is closed. */
const MAX_QUEUED_EVENTS = 1_000;
/** Bracket nesting accepted in a document: far past any real query, far below stack limits. */
const MAX_NESTING_DEPTH = 64;
/**
 * How long a Redis command may go unanswered before it fails as SERVICE_UNAVAILABLE: a backstop
 * (a frozen Redis is dropped within about 2 s by the responsiveness probe), long enough that a
 * process busy for a moment does not fail commands whose replies are already waiting.
 */
const REDIS_COMMAND_TIMEOUT_MS = 5_000;
/** How long stop() lets in-flight HTTP requests finish before closing their sockets. */
const DRAIN_TIMEOUT_MS = 5_000;

function positiveInt(fallback: number) {
  return z.coerce
    .number({ error: 'must be a number' })
    .int({ error: 'must be an integer' })
    .min(1, { error: 'must be at least 1' })
    .default(fallback);
}

const schema = z
  .object({
    PORT: z.coerce
      .number({ error: 'must be a number' })
      .int({ error: 'must be an integer' })
      .min(0, { error: 'must be between 0 and 65535' })
      .max(65535, { error: 'must be between 0 and 65535' })
      .default(4000),
    REDIS_URL: z
      .url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' })
      .optional(),
    NEXUS_KEY_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_.:{}-]{1,64}$/, {
        error: 'must be 1-64 characters of letters, digits and _.:{}-',
      })
      .default('nexus:'),
    NEXUS_JWT_SECRET: z.string().min(32, { error: 'must be at least 32 characters' }).optional(),
    LOG_LEVEL: z
      .enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })
      .default('info'),
    NODE_ENV: z.string().default('development'),
    NEXUS_STEP_CONCURRENCY: positiveInt(16),
    NEXUS_PROCESS_STEP_CONCURRENCY: positiveInt(256),
    NEXUS_USER_STEP_CONCURRENCY: positiveInt(64),
    NEXUS_MAX_RUNS_PER_EXECUTION: positiveInt(100),
    NEXUS_MAX_RENDERED_BYTES: positiveInt(256 * 1024),
    NEXUS_RETRY_BASE_MS: positiveInt(100),
    NEXUS_RETRY_CAP_MS: positiveInt(10_000),
    NEXUS_STEP_TIMEOUT_MS: positiveInt(30_000),
    NEXUS_STEP_TIMEOUT_CAP_MS: positiveInt(300_000),
    NEXUS_EXECUTION_TIMEOUT_MS: positiveInt(60_000),
    NEXUS_EXECUTION_RETENTION_DAYS: positiveInt(7),
    NEXUS_EXECUTION_LEASE_MS: positiveInt(30_000),
    NEXUS_INTROSPECTION: booleanFlag(),
    NEXUS_GRAPHIQL: booleanFlag(),
    NEXUS_DASHBOARD: booleanFlag(),
    NEXUS_USER_CONCURRENT_EXECUTIONS: positiveInt(10),
    NEXUS_MUTATIONS_PER_MINUTE: positiveInt(600),
    NEXUS_MAX_QUERY_DEPTH: positiveInt(12),
    NEXUS_MAX_ALIASES: positiveInt(30),
    NEXUS_MAX_TOKENS: positiveInt(5_000),
    NEXUS_MAX_DIRECTIVES: positiveInt(20),
    NEXUS_MAX_QUERY_COST: positiveInt(10_000),
    NEXUS_MAX_BODY_BYTES: positiveInt(1024 * 1024),
    NEXUS_AUDIT_LOG_LENGTH: positiveInt(100_000),
    NEXUS_MAX_STEPS: positiveInt(100),
    NEXUS_MAX_JSON_BYTES: positiveInt(64 * 1024),
    NEXUS_MAX_JSON_DEPTH: positiveInt(32),
    NEXUS_HEADERS_TIMEOUT_MS: positiveInt(10_000),
    NEXUS_REQUEST_TIMEOUT_MS: positiveInt(30_000),
    NEXUS_KEEP_ALIVE_TIMEOUT_MS: positiveInt(5_000),
    NEXUS_MAX_CONNECTIONS: positiveInt(1_024),
    NEXUS_MAX_ANONYMOUS_BODY_BYTES: positiveInt(16 * 1024),
    NEXUS_MAX_TRAVERSAL_DEPTH: positiveInt(10),
    NEXUS_MAX_CYCLE_SEARCH_STEPS: positiveInt(1_000_000),
    NEXUS_MAX_ACYCLIC_CHECK_ENTITIES: positiveInt(5_000),
    NEXUS_MAX_EVENT_BYTES: positiveInt(64 * 1024),
    NEXUS_EVENT_LOG_LENGTH: positiveInt(10_000),
    NEXUS_EVENT_LOG_BYTES: positiveInt(32 * 1024 * 1024),
    NEXUS_SUBSCRIPTIONS_PER_USER: positiveInt(500),
    NEXUS_REPLAYS_PER_CONNECTION: positiveInt(4),
    NEXUS_REPLAYS_PER_USER: positiveInt(8),
    NEXUS_REPLAYS_PER_PROCESS: positiveInt(8),
    NEXUS_ROLE: z
      .enum(NEXUS_ROLES, { error: `must be one of ${NEXUS_ROLES.join(', ')}` })
      .default('all'),
    NEXUS_WORKER_CONCURRENCY: positiveInt(32),
    NEXUS_SCHEDULES_PER_USER: positiveInt(20),
  })
  .superRefine((env, ctx) => {
    if (env.NEXUS_HEADERS_TIMEOUT_MS > env.NEXUS_REQUEST_TIMEOUT_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['NEXUS_HEADERS_TIMEOUT_MS'],
        message:
          'must not be larger than NEXUS_REQUEST_TIMEOUT_MS (headers are part of the request)',
      });
    }
    if (env.NODE_ENV === 'production' && env.NEXUS_JWT_SECRET === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['NEXUS_JWT_SECRET'],
        message: 'is required when NODE_ENV=production (without it every caller is an admin)',
      });
    }
  });

/** "true"/"false" (also 1/0, yes/no); unset leaves the choice to NODE_ENV. */
function booleanFlag() {
  return z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
    .transform((value) => value === 'true' || value === '1' || value === 'yes')
    .optional();
}

/** What protects the server from its callers (the Security section of the README). */
export interface SecurityConfig {
  /** Introspection, and field suggestions in errors; off by default in production. */
  introspection: boolean;
  /** GraphiQL on GET /graphql from a browser; off by default in production. */
  graphiql: boolean;
  /** The live dashboard page on GET /dashboard (a static page; it sees only what its token may). */
  dashboard: boolean;
  /** Executions one user may have running at once (composite children count with their parent). */
  maxConcurrentExecutionsPerUser: number;
  /** Mutation root fields one user may send per minute, across instances. */
  mutationsPerMinute: number;
  maxQueryDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
  maxQueryCost: number;
  /** Largest HTTP request body accepted (413 beyond). */
  maxBodyBytes: number;
  /** Audit entries kept (the stream is capped at about this many). */
  auditLogLength: number;
  /** Steps in one pattern. */
  maxSteps: number;
  /** Bytes of JSON in a step's parameters or a pattern's metadata. */
  maxJsonBytes: number;
  /** Levels of objects and lists in any JSON argument (deeper is BAD_USER_INPUT). */
  maxJsonDepth: number;
  /** The deepest traverse / findPath a caller may ask for. */
  maxTraversalDepth: number;
  /** Edges one detectCycles may look at; a search that needs more is LIMIT_EXCEEDED. */
  maxCycleSearchSteps: number;
  /** Entities a PARENT/CHILD/OWNER create may check for a cycle below it (LIMIT_EXCEEDED beyond). */
  maxAcyclicCheckEntities: number;
  /** How long a client may take to send a request's headers / the whole request (408 after). */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open. */
  keepAliveTimeoutMs: number;
  /** Open TCP connections (HTTP and WebSocket alike); past it new ones are closed unanswered. */
  maxConnections: number;
  /** Largest body read before the caller is known: bigger ones need a valid token. */
  maxAnonymousBodyBytes: number;
  /** Bytes of JSON in one event's payload (a bigger one is refused). */
  maxEventBytes: number;
  /** Events kept for `since` replays, and the bytes they may take together. */
  eventLogLength: number;
  eventLogBytes: number;
  /** Subscriptions one user may have open in one process (graphql-ws and SSE together). */
  subscriptionsPerUser: number;
  /** `since` replays in flight per connection and per user (refused past); pages read at once. */
  replaysPerConnection: number;
  replaysPerUser: number;
  replaysPerProcess: number;
  /** How far one subscriber may fall behind (events queued) before its connection is closed. */
  maxQueuedEvents: number;
  /** Bracket nesting accepted in a document (deeper is refused before parsing). */
  maxNestingDepth: number;
}

export interface Config {
  port: number;
  redisUrl: string | undefined;
  keyPrefix: string;
  /** How long a Redis command may go unanswered before it fails as SERVICE_UNAVAILABLE. */
  redisCommandTimeoutMs: number;
  /** How long stop() lets in-flight HTTP requests finish before closing their sockets. */
  drainTimeoutMs: number;
  jwtSecret: string | undefined;
  logLevel: (typeof LOG_LEVELS)[number];
  nodeEnv: string;
  /** The per-user limit is security.maxConcurrentExecutionsPerUser. */
  execution: Omit<ExecutionSettings, 'maxConcurrentPerUser'>;
  security: SecurityConfig;
  /** `all`: serves GraphQL and runs steps; `api`: GraphQL, no worker; `worker`: runs only. */
  role: NexusRole;
  /** Queued runs one worker process has in hand at once (NEXUS_WORKER_CONCURRENCY). */
  workerConcurrency: number;
  /** Schedules one user may have (NEXUS_SCHEDULES_PER_USER). */
  schedulesPerUser: number;
}

export class ConfigError extends Error {}

/** Empty strings count as unset, as shells and .env files tend to produce them. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = schema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      const value = env[name];
      const shown = value === undefined || name === 'NEXUS_JWT_SECRET' ? '' : ` (got "${value}")`;
      return `${name} ${issue.message}${shown}`;
    });
    throw new ConfigError(`Invalid configuration: ${lines.join('; ')}`);
  }
  const parsed = result.data;
  const production = parsed.NODE_ENV === 'production';
  return {
    port: parsed.PORT,
    redisUrl: parsed.REDIS_URL,
    keyPrefix: parsed.NEXUS_KEY_PREFIX,
    redisCommandTimeoutMs: REDIS_COMMAND_TIMEOUT_MS,
    drainTimeoutMs: DRAIN_TIMEOUT_MS,
    jwtSecret: parsed.NEXUS_JWT_SECRET,
    logLevel: parsed.LOG_LEVEL,
    nodeEnv: parsed.NODE_ENV,
    role: parsed.NEXUS_ROLE,
    workerConcurrency: parsed.NEXUS_WORKER_CONCURRENCY,
    schedulesPerUser: parsed.NEXUS_SCHEDULES_PER_USER,
    execution: {
      stepConcurrency: parsed.NEXUS_STEP_CONCURRENCY,
      processConcurrency: parsed.NEXUS_PROCESS_STEP_CONCURRENCY,
      userStepConcurrency: parsed.NEXUS_USER_STEP_CONCURRENCY,
      maxRunsPerExecution: parsed.NEXUS_MAX_RUNS_PER_EXECUTION,
      maxRenderedBytes: parsed.NEXUS_MAX_RENDERED_BYTES,
      retryBaseMs: parsed.NEXUS_RETRY_BASE_MS,
      retryCapMs: parsed.NEXUS_RETRY_CAP_MS,
      defaultStepTimeoutMs: parsed.NEXUS_STEP_TIMEOUT_MS,
      maxStepTimeoutMs: parsed.NEXUS_STEP_TIMEOUT_CAP_MS,
      executionTimeoutMs: parsed.NEXUS_EXECUTION_TIMEOUT_MS,
      retentionSeconds: parsed.NEXUS_EXECUTION_RETENTION_DAYS * 86_400,
      leaseMs: parsed.NEXUS_EXECUTION_LEASE_MS,
      idempotencyTtlSeconds: IDEMPOTENCY_TTL_SECONDS,
      maxCompositeDepth: MAX_COMPOSITE_DEPTH,
    },
    security: {
      introspection: parsed.NEXUS_INTROSPECTION ?? !production,
      graphiql: parsed.NEXUS_GRAPHIQL ?? !production,
      dashboard: parsed.NEXUS_DASHBOARD ?? true,
      maxConcurrentExecutionsPerUser: parsed.NEXUS_USER_CONCURRENT_EXECUTIONS,
      mutationsPerMinute: parsed.NEXUS_MUTATIONS_PER_MINUTE,
      maxQueryDepth: parsed.NEXUS_MAX_QUERY_DEPTH,
      maxAliases: parsed.NEXUS_MAX_ALIASES,
      maxTokens: parsed.NEXUS_MAX_TOKENS,
      maxDirectives: parsed.NEXUS_MAX_DIRECTIVES,
      maxQueryCost: parsed.NEXUS_MAX_QUERY_COST,
      maxBodyBytes: parsed.NEXUS_MAX_BODY_BYTES,
      auditLogLength: parsed.NEXUS_AUDIT_LOG_LENGTH,
      maxSteps: parsed.NEXUS_MAX_STEPS,
      maxJsonBytes: parsed.NEXUS_MAX_JSON_BYTES,
      maxJsonDepth: parsed.NEXUS_MAX_JSON_DEPTH,
      maxTraversalDepth: parsed.NEXUS_MAX_TRAVERSAL_DEPTH,
      maxCycleSearchSteps: parsed.NEXUS_MAX_CYCLE_SEARCH_STEPS,
      maxAcyclicCheckEntities: parsed.NEXUS_MAX_ACYCLIC_CHECK_ENTITIES,
      headersTimeoutMs: parsed.NEXUS_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: parsed.NEXUS_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: parsed.NEXUS_KEEP_ALIVE_TIMEOUT_MS,
      maxConnections: parsed.NEXUS_MAX_CONNECTIONS,
      maxAnonymousBodyBytes: parsed.NEXUS_MAX_ANONYMOUS_BODY_BYTES,
      maxEventBytes: parsed.NEXUS_MAX_EVENT_BYTES,
      eventLogLength: parsed.NEXUS_EVENT_LOG_LENGTH,
      eventLogBytes: parsed.NEXUS_EVENT_LOG_BYTES,
      subscriptionsPerUser: parsed.NEXUS_SUBSCRIPTIONS_PER_USER,
      replaysPerConnection: parsed.NEXUS_REPLAYS_PER_CONNECTION,
      replaysPerUser: parsed.NEXUS_REPLAYS_PER_USER,
      replaysPerProcess: parsed.NEXUS_REPLAYS_PER_PROCESS,
      maxQueuedEvents: MAX_QUEUED_EVENTS,
      maxNestingDepth: MAX_NESTING_DEPTH,
    },
  };
}
