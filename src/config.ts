/** The only reader of process.env: parses and validates configuration with zod. */
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { z } from 'zod';
import type { ExecutionSettings } from './domain/execution/execution-settings.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
/** What a process does: everything (one process, as embedded), GraphQL only, or runs only. */
const NEXUS_ROLES = ['all', 'api', 'worker'] as const;
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

/** Persisted operations and automatic persisted queries (the Clients section of the README). */
export interface PersistedOperationsConfig {
  /** A JSON file of operations by id (a hash → document map, or an Apollo manifest). */
  manifestPath: string | undefined;
  /** Only operations of the manifest run: any other document, and APQ registration, is refused. */
  persistedOnly: boolean;
  /** Automatic persisted queries: a client registers a query once, then sends its hash. */
  apq: boolean;
  /** Queries the APQ store keeps, and the bytes of query text they may take together (LRU). */
  apqMaxEntries: number;
  apqMaxBytes: number;
}

export const DEFAULT_PERSISTED_OPERATIONS: PersistedOperationsConfig = {
  manifestPath: undefined,
  persistedOnly: false,
  apq: true,
  apqMaxEntries: 1_000,
  apqMaxBytes: 4 * 1024 * 1024,
};

function positiveInt(fallback: number) {
  return z.coerce
    .number({ error: 'must be a number' })
    .int({ error: 'must be an integer' })
    .min(1, { error: 'must be at least 1' })
    .default(fallback);
}

/**
 * OpenTelemetry's standard variables (the subset Nexus reads; see the README). Tracing is off
 * unless an exporter is chosen (OTEL_TRACES_EXPORTER) or an OTLP endpoint is given.
 */
const TRACES_EXPORTERS = ['otlp', 'console', 'none'] as const;
const TRACES_SAMPLERS = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
] as const;
const otlpUrl = () => z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });
/** `key=value,key2=value2`, values URL-encoded (the OTLP exporter specification). */
const otlpHeaders = () =>
  z
    .string()
    .regex(/^\s*[^=,\s]+\s*=[^,]*(,\s*[^=,\s]+\s*=[^,]*)*$/, {
      error: 'must be key=value pairs separated by commas',
    })
    .transform((value) => parseHeaders(value));
const TRACING_VARIABLES = {
  OTEL_SDK_DISABLED: booleanFlag(),
  OTEL_TRACES_EXPORTER: z
    .enum(TRACES_EXPORTERS, { error: `must be one of ${TRACES_EXPORTERS.join(', ')}` })
    .optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: otlpUrl().optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: otlpUrl().optional(),
  OTEL_EXPORTER_OTLP_HEADERS: otlpHeaders().optional(),
  OTEL_EXPORTER_OTLP_TRACES_HEADERS: otlpHeaders().optional(),
  OTEL_SERVICE_NAME: z.string().max(256).default('nexus'),
  OTEL_TRACES_SAMPLER: z
    .enum(TRACES_SAMPLERS, { error: `must be one of ${TRACES_SAMPLERS.join(', ')}` })
    .default('parentbased_always_on'),
  OTEL_TRACES_SAMPLER_ARG: z.coerce
    .number({ error: 'must be a number' })
    .min(0, { error: 'must be between 0 and 1' })
    .max(1, { error: 'must be between 0 and 1' })
    .default(1),
};

function parseHeaders(value: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const pair of value.split(',')) {
    const at = pair.indexOf('=');
    const name = pair.slice(0, at).trim();
    const raw = pair.slice(at + 1).trim();
    let decoded = raw;
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      // Not URL-encoded after all: taken as written.
    }
    headers[name] = decoded;
  }
  return headers;
}

const schema = z
  .object({
    PORT: z.coerce
      .number({ error: 'must be a number' })
      .int({ error: 'must be an integer' })
      .min(0, { error: 'must be between 0 and 65535' })
      .max(65535, { error: 'must be between 0 and 65535' })
      .default(4000),
    HOST: z
      .string()
      .refine((value) => isIP(value) !== 0 || HOSTNAME.test(value), {
        error: 'must be an IP address or a host name (e.g. 127.0.0.1, 0.0.0.0, ::)',
      })
      .optional(),
    NEXUS_CORS_ORIGINS: z.string().transform(parseOrigins).optional(),
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
    NEXUS_EXECUTION_MAX_TAKEOVERS: positiveInt(3),
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
    REDIS_SENTINELS: z
      .string()
      .transform((list, ctx) => parseSentinels(list, ctx))
      .optional(),
    REDIS_SENTINEL_MASTER: z
      .string()
      .regex(/^[A-Za-z0-9._:-]{1,128}$/, { error: 'must be a master name (letters, digits, ._:-)' })
      .optional(),
    REDIS_SENTINEL_USERNAME: z.string().optional(),
    REDIS_SENTINEL_PASSWORD: z.string().optional(),
    REDIS_SENTINEL_TLS: booleanFlag(),
    REDIS_TLS_CA: z.string().optional(),
    REDIS_TLS_REJECT_UNAUTHORIZED: booleanFlag(),
    ...TRACING_VARIABLES,
    NEXUS_PERSISTED_OPERATIONS: z.string().optional(),
    NEXUS_PERSISTED_ONLY: booleanFlag(),
    NEXUS_APQ: booleanFlag(),
    NEXUS_APQ_MAX_ENTRIES: positiveInt(DEFAULT_PERSISTED_OPERATIONS.apqMaxEntries),
    NEXUS_APQ_MAX_BYTES: positiveInt(DEFAULT_PERSISTED_OPERATIONS.apqMaxBytes),
    NEXUS_ROLE: z
      .enum(NEXUS_ROLES, { error: `must be one of ${NEXUS_ROLES.join(', ')}` })
      .default('all'),
    NEXUS_WORKER_CONCURRENCY: positiveInt(32),
    NEXUS_SCHEDULES_PER_USER: positiveInt(20),
  })
  .superRefine((env, ctx) => {
    redisConsistency(env, ctx);
    if (env.NEXUS_HEADERS_TIMEOUT_MS > env.NEXUS_REQUEST_TIMEOUT_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['NEXUS_HEADERS_TIMEOUT_MS'],
        message:
          'must not be larger than NEXUS_REQUEST_TIMEOUT_MS (headers are part of the request)',
      });
    }
    if (env.NEXUS_PERSISTED_ONLY === true && env.NEXUS_PERSISTED_OPERATIONS === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['NEXUS_PERSISTED_ONLY'],
        message: 'needs NEXUS_PERSISTED_OPERATIONS (with no list, no operation could run)',
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

/** Every variable loadConfig reads (the README's configuration tables list them). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(schema.shape);

/** `host:port,host:port` (port 26379 when left out), as REDIS_SENTINELS lists them. */
function parseSentinels(list: string, ctx: z.RefinementCtx) {
  const sentinels = list.split(',').map((entry) => {
    const match = /^\s*(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+)(?::(\d{1,5}))?\s*$/.exec(entry);
    const port = Number(match?.[2] ?? 26379);
    if (!match?.[1] || port < 1 || port > 65535) return null;
    return { host: match[1].replace(/^\[|\]$/g, ''), port };
  });
  const valid = sentinels.filter((sentinel) => sentinel !== null);
  if (valid.length === 0 || valid.length < sentinels.length) {
    ctx.addIssue({ code: 'custom', message: 'must be host:port[,host:port…]' });
    return z.NEVER;
  }
  return valid;
}

/** Sentinel settings come together, and TLS settings need a TLS connection. */
function redisConsistency(
  env: {
    REDIS_URL?: string | undefined;
    REDIS_SENTINELS?: unknown;
    REDIS_SENTINEL_MASTER?: string | undefined;
    REDIS_TLS_CA?: string | undefined;
    REDIS_TLS_REJECT_UNAUTHORIZED?: boolean | undefined;
    REDIS_SENTINEL_TLS?: boolean | undefined;
  },
  ctx: z.RefinementCtx,
): void {
  const issue = (name: string, message: string) =>
    ctx.addIssue({ code: 'custom', path: [name], message });
  if (env.REDIS_SENTINELS !== undefined && env.REDIS_SENTINEL_MASTER === undefined)
    issue('REDIS_SENTINEL_MASTER', 'is required with REDIS_SENTINELS (the monitored master name)');
  if (env.REDIS_SENTINELS === undefined && env.REDIS_SENTINEL_MASTER !== undefined)
    issue('REDIS_SENTINELS', 'is required with REDIS_SENTINEL_MASTER');
  const tls = env.REDIS_URL?.startsWith('rediss:') ?? false;
  for (const name of [
    'REDIS_TLS_CA',
    'REDIS_TLS_REJECT_UNAUTHORIZED',
    'REDIS_SENTINEL_TLS',
  ] as const) {
    if (env[name] !== undefined && !tls) issue(name, 'needs a rediss:// REDIS_URL (TLS)');
  }
}

const HOSTNAME =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/**
 * "https://a.example, http://localhost:3000" → the origins as browsers write them in `Origin`
 * (scheme, host, port; lower case, no default port). Anything else is refused by name: a path,
 * a wildcard or a bare host name would not match any Origin header, or match too much.
 */
function parseOrigins(value: string, ctx: z.RefinementCtx): string[] {
  const origins: string[] = [];
  for (const entry of value.split(',').map((part) => part.trim())) {
    if (entry === '') continue;
    const origin = originOf(entry);
    if (origin === null) {
      ctx.addIssue({
        code: 'custom',
        message: `must be a comma-separated list of origins such as https://app.example.com; "${entry}" is not one`,
      });
      return z.NEVER;
    }
    origins.push(origin);
  }
  return origins;
}

function originOf(entry: string): string | null {
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    return null;
  }
  const bare =
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.username === '' &&
    url.password === '' &&
    url.pathname === '/' &&
    url.search === '' &&
    url.hash === '' &&
    !/[?#]/.test(entry);
  // Written as browsers do: "HTTPS://A.example:443/" is "https://a.example".
  return bare ? url.origin : null;
}

/** "true"/"false" (also 1/0, yes/no); unset leaves the choice to NODE_ENV. */
function booleanFlag() {
  return z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
    .transform((value) => value === 'true' || value === '1' || value === 'yes')
    .optional();
}

/** What protects the server from its callers (the Security section of the README). */
export interface SecurityConfig {
  /**
   * Browser origins allowed to call the server (CORS) and to open WebSockets, besides the
   * server's own origin; a request from any other origin is refused (403).
   */
  corsOrigins: readonly string[];
  /** Also any http(s) origin on localhost / 127.0.0.0/8 / [::1] (development default). */
  loopbackOrigins: boolean;
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

/**
 * How to reach Redis (src/infra/redis/client.ts turns it into ioredis options for every
 * client): the URL's credentials, db and scheme, a Sentinel deployment, TLS settings.
 */
export interface RedisConnectionConfig {
  url?: string | undefined;
  sentinel?:
    | {
        sentinels: Array<{ host: string; port: number }>;
        masterName: string;
        username?: string | undefined;
        password?: string | undefined;
        tls?: boolean | undefined;
      }
    | undefined;
  tls?: { ca?: string | undefined; rejectUnauthorized?: boolean | undefined } | undefined;
}

/** OpenTelemetry tracing; present in Config only when it is on. */
export interface TracingConfig {
  exporter: 'otlp' | 'console';
  /** Where OTLP/HTTP trace exports are posted (…/v1/traces). */
  endpoint: string;
  /** Sent with every export (credentials, often): never logged. */
  headers: Record<string, string>;
  serviceName: string;
  sampler: (typeof TRACES_SAMPLERS)[number];
  /** The ratio of the traceidratio samplers, in [0, 1]. */
  samplerRatio: number;
}

export interface Config {
  port: number;
  /** The REDIS_URL as given; `redis` is how to connect (it also covers Sentinel without a URL). */
  /** The address to listen on; undefined: every interface (Node's default). */
  host: string | undefined;
  redisUrl: string | undefined;
  /** Unset: the embedded in-memory adapters (see redisConnectionOf). */
  redis?: RedisConnectionConfig | undefined;
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
  /** Absent: tracing is off (the default) and no span is ever made. */
  tracing?: TracingConfig;
  persistedOperations: PersistedOperationsConfig;
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
      const shown =
        value === undefined || name === 'NEXUS_JWT_SECRET' || name.endsWith('_HEADERS')
          ? ''
          : ` (got "${withoutCredentials(value)}")`;
      return `${name} ${issue.message}${shown}`;
    });
    throw new ConfigError(`Invalid configuration: ${lines.join('; ')}`);
  }
  const parsed = result.data;
  const production = parsed.NODE_ENV === 'production';
  // Without a secret every caller is an admin: reachable from this machine only, unless asked.
  const development = parsed.NEXUS_JWT_SECRET === undefined;
  const tracing = tracingConfig(parsed);
  return {
    ...(tracing ? { tracing } : {}),
    port: parsed.PORT,
    host: parsed.HOST ?? (development ? '127.0.0.1' : undefined),
    redisUrl: parsed.REDIS_URL,
    redis: redisConnectionConfig(parsed),
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
      maxTakeovers: parsed.NEXUS_EXECUTION_MAX_TAKEOVERS,
      idempotencyTtlSeconds: IDEMPOTENCY_TTL_SECONDS,
      maxCompositeDepth: MAX_COMPOSITE_DEPTH,
    },
    security: {
      corsOrigins: parsed.NEXUS_CORS_ORIGINS ?? [],
      loopbackOrigins: development && parsed.NEXUS_CORS_ORIGINS === undefined,
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
    persistedOperations: {
      manifestPath: parsed.NEXUS_PERSISTED_OPERATIONS,
      persistedOnly: parsed.NEXUS_PERSISTED_ONLY ?? false,
      apq: parsed.NEXUS_APQ ?? true,
      apqMaxEntries: parsed.NEXUS_APQ_MAX_ENTRIES,
      apqMaxBytes: parsed.NEXUS_APQ_MAX_BYTES,
    },
  };
}

/**
 * A value as an error line may show it: a URL's user and password (REDIS_URL carries the
 * master's, an OTLP endpoint may carry a token) replaced, so that a mistyped scheme does not
 * write them into the start-up log.
 */
function withoutCredentials(value: string): string {
  return value.replace(/^([^/@]*\/\/)?[^/@]*@/, (_match, scheme: string | undefined) => {
    return `${scheme ?? ''}***@`;
  });
}

/** How to reach Redis, from the variables read; undefined when none says to use Redis. */
function redisConnectionConfig(env: {
  REDIS_URL?: string | undefined;
  REDIS_SENTINELS?: Array<{ host: string; port: number }> | undefined;
  REDIS_SENTINEL_MASTER?: string | undefined;
  REDIS_SENTINEL_USERNAME?: string | undefined;
  REDIS_SENTINEL_PASSWORD?: string | undefined;
  REDIS_SENTINEL_TLS?: boolean | undefined;
  REDIS_TLS_CA?: string | undefined;
  REDIS_TLS_REJECT_UNAUTHORIZED?: boolean | undefined;
}): RedisConnectionConfig | undefined {
  if (env.REDIS_URL === undefined && env.REDIS_SENTINELS === undefined) return undefined;
  const sentinel =
    env.REDIS_SENTINELS === undefined || env.REDIS_SENTINEL_MASTER === undefined
      ? undefined
      : {
          sentinels: env.REDIS_SENTINELS,
          masterName: env.REDIS_SENTINEL_MASTER,
          username: env.REDIS_SENTINEL_USERNAME,
          password: env.REDIS_SENTINEL_PASSWORD,
          tls: env.REDIS_SENTINEL_TLS,
        };
  const tls =
    env.REDIS_TLS_CA === undefined && env.REDIS_TLS_REJECT_UNAUTHORIZED === undefined
      ? undefined
      : { ca: readCa(env.REDIS_TLS_CA), rejectUnauthorized: env.REDIS_TLS_REJECT_UNAUTHORIZED };
  return { url: env.REDIS_URL, sentinel, tls };
}

/** The CA file is read at start-up, so that a wrong path stops it with one line. */
function readCa(path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ConfigError(
      `Invalid configuration: REDIS_TLS_CA cannot be read (${reason}: ${path})`,
    );
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----'))
    throw new ConfigError(`Invalid configuration: REDIS_TLS_CA is not a PEM certificate (${path})`);
  return pem;
}

/**
 * Where the app's Redis is: `config.redis`, or (for configurations built in code with only
 * `redisUrl`) that URL; undefined for the embedded adapters.
 */
export function redisConnectionOf(config: Config): RedisConnectionConfig | undefined {
  return config.redis ?? (config.redisUrl === undefined ? undefined : { url: config.redisUrl });
}

/**
 * On when OTEL_TRACES_EXPORTER says otlp or console, or, unset, when an OTLP endpoint is given
 * (the exporter the specification defaults to); OTEL_SDK_DISABLED=true and `none` turn it off.
 */
function tracingConfig(parsed: z.infer<typeof schema>): TracingConfig | undefined {
  const endpointSet =
    parsed.OTEL_EXPORTER_OTLP_ENDPOINT !== undefined ||
    parsed.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT !== undefined;
  const exporter = parsed.OTEL_TRACES_EXPORTER ?? (endpointSet ? 'otlp' : 'none');
  if (parsed.OTEL_SDK_DISABLED === true || exporter === 'none') return undefined;
  const base = (parsed.OTEL_EXPORTER_OTLP_ENDPOINT ?? 'http://localhost:4318').replace(/\/+$/, '');
  return {
    exporter,
    endpoint: parsed.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? `${base}/v1/traces`,
    headers: { ...parsed.OTEL_EXPORTER_OTLP_HEADERS, ...parsed.OTEL_EXPORTER_OTLP_TRACES_HEADERS },
    serviceName: parsed.OTEL_SERVICE_NAME,
    sampler: parsed.OTEL_TRACES_SAMPLER,
    samplerRatio: parsed.OTEL_TRACES_SAMPLER_ARG,
  };
}
