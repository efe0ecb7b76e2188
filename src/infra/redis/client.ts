import { Redis, type RedisOptions } from 'ioredis';

/** A Sentinel deployment: where the sentinels listen and which master they watch. */
export interface RedisSentinelSettings {
  sentinels: ReadonlyArray<{ host: string; port: number }>;
  /** The master group name the sentinels know it by (`sentinel monitor <name> …`). */
  masterName: string;
  /** Credentials of the sentinels themselves (the master's come from the URL). */
  username?: string | undefined;
  password?: string | undefined;
  /** Whether the sentinels are reached over TLS too (with the same CA settings). */
  tls?: boolean | undefined;
}

/** TLS settings, used when the URL is rediss://. */
export interface RedisTlsSettings {
  /** PEM certificate(s) of the CA to trust instead of the system's store. */
  ca?: string | undefined;
  /** false accepts any certificate (testing only). */
  rejectUnauthorized?: boolean | undefined;
}

/**
 * How to reach Redis. `url` (redis:// or rediss://) gives the credentials, db and scheme; with
 * `sentinel`, its host and port are not used (the sentinels say where the master is) and it may be
 * left out when the master needs neither a password nor TLS.
 */
export interface RedisConnection {
  url?: string | undefined;
  sentinel?: RedisSentinelSettings | undefined;
  tls?: RedisTlsSettings | undefined;
}

/**
 * The ioredis options that reach Redis as configured, for every client the app makes (commands,
 * the event subscriber, the probe, and queue connections): a plain URL, TLS with its CA, or a
 * Sentinel deployment that follows failovers on its own.
 */
export function redisConnectionOptions(connection: RedisConnection | string): RedisOptions {
  const { url, sentinel, tls } =
    typeof connection === 'string'
      ? { url: connection, sentinel: undefined, tls: undefined }
      : connection;
  const parsed = url === undefined ? undefined : new URL(url);
  const secure = parsed?.protocol === 'rediss:';
  const tlsOptions = secure
    ? {
        ...(tls?.ca === undefined ? {} : { ca: tls.ca }),
        ...(tls?.rejectUnauthorized === undefined
          ? {}
          : { rejectUnauthorized: tls.rejectUnauthorized }),
      }
    : undefined;
  const db = parsed && parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : undefined;
  const credentials: RedisOptions = {
    ...(parsed?.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed?.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(db !== undefined && Number.isInteger(db) ? { db } : {}),
    ...(tlsOptions === undefined ? {} : { tls: tlsOptions }),
  };
  if (sentinel === undefined) {
    return {
      host: parsed?.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1',
      port: parsed?.port ? Number(parsed.port) : 6379,
      ...credentials,
    };
  }
  return {
    ...credentials,
    sentinels: sentinel.sentinels.map(({ host, port }) => ({ host, port })),
    name: sentinel.masterName,
    role: 'master',
    ...(sentinel.username === undefined ? {} : { sentinelUsername: sentinel.username }),
    ...(sentinel.password === undefined ? {} : { sentinelPassword: sentinel.password }),
    // The master it finds is reached with `tls` too.
    enableTLSForSentinelMode: tlsOptions !== undefined,
    ...(sentinel.tls ? { sentinelTLS: tlsOptions ?? {} } : {}),
    // Listen to the sentinels' +switch-master: without it a client stays on a demoted master
    // until the sentinels get round to reconfiguring it (seconds during which writes go there).
    failoverDetector: true,
  };
}

/**
 * ioredis client with the settings Nexus relies on: commands issued in the same tick share
 * one round trip (auto-pipelining), and while Redis is unreachable a command fails after a
 * couple of reconnect attempts instead of hanging the request.
 */
export function createRedisClient(
  connection: RedisConnection | string,
  name: string,
  overrides: RedisOptions = {},
): Redis {
  return new Redis({
    ...redisConnectionOptions(connection),
    connectionName: name,
    enableAutoPipelining: true,
    maxRetriesPerRequest: 2,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(50 * 2 ** attempt, 2_000),
    // A master demoted under a connection answers writes with READONLY: reconnect (through the
    // sentinels, to the new master) without resending the refused command.
    reconnectOnError: (error) => error.message.startsWith('READONLY'),
    ...overrides,
  });
}

/**
 * Once connected, a command sent while the connection is down fails at once instead of waiting
 * in the offline queue for a reconnect: callers get SERVICE_UNAVAILABLE in milliseconds, not a
 * request hanging for the reconnect attempts. (Before the first connection, commands wait, so
 * that a server starting beside its Redis does not fail its first requests.)
 */
export function failFastWhenDisconnected(redis: Redis): void {
  redis.once('ready', () => {
    redis.options.enableOfflineQueue = false;
  });
}

/**
 * A Redis that stops answering while its connection stays open (frozen, or a partition that
 * sends no reset) would leave commands waiting for their timeout one after another. A PING every
 * `everyMs` on a connection of its own (`probe`: on the shared one it would wait behind every
 * large reply queued there, and a busy connection is not a dead Redis) that goes unanswered for
 * `timeoutMs` drops the shared connection: commands in flight fail at once, later ones fail fast
 * while the client reconnects, and it is ready again as soon as Redis answers. Returns the
 * function that stops watching (the probe is the caller's to close).
 */
export function dropWhenUnresponsive(
  redis: Redis,
  probe: Redis,
  onDropped: () => void,
  { everyMs = 1_000, timeoutMs = 1_000 } = {},
): () => void {
  let probing = false;
  const timer = setInterval(() => {
    if (probing || redis.status !== 'ready' || probe.status !== 'ready') return;
    probing = true;
    let answered = false;
    probe.ping().then(
      () => {
        answered = true;
      },
      () => {},
    );
    setTimeout(() => {
      // Judged after the I/O phase: when this process itself was busy past the timeout, the
      // timer fires before the reply waiting in the socket is read, and a busy process is no
      // reason to drop a Redis that answered.
      setImmediate(() => {
        probing = false;
        if (answered || redis.status !== 'ready' || probe.status !== 'ready') return;
        onDropped();
        // The commands waiting on it fail now (ioredis's own recovery: flush, then reconnect),
        // and the socket is destroyed rather than ended: a frozen peer never answers the FIN of
        // a graceful end, and the connection would stay open.
        const error = new Error('Connection is closed.');
        redis.recoverFromFatalError(error, error, { offlineQueue: true, commandQueue: true });
        redis.stream.destroy();
      });
    }, timeoutMs).unref();
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
]);

/** Whether an error says Redis could not be reached (as opposed to a bad command or a bug). */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'MaxRetriesPerRequestError') return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && CONNECTION_ERROR_CODES.has(code)) return true;
  return (
    error.message === 'Connection is closed.' ||
    // A demoted master during a failover: the write did not happen, the next one will.
    error.message.startsWith('READONLY') ||
    error.message.startsWith("Stream isn't writeable") ||
    error.message === 'Command timed out'
  );
}

/** True when Redis answers a PING within the timeout. */
export async function isRedisReachable(redis: Redis, timeoutMs = 1_000): Promise<boolean> {
  if (redis.status !== 'ready') return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([redis.ping().then((reply) => reply === 'PONG'), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
