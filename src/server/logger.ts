import { GraphQLError } from 'graphql';
import { type DestinationStream, type Logger, pino } from 'pino';
import { currentRequestId } from './request-id.js';

export type { Logger };

/** Loggers already bound to a request id (requestLogger), which the mixin leaves alone. */
const requestBound = new WeakSet<Logger>();

/**
 * Every line written while a request is served carries its `requestId` (request-id.ts), also
 * from code that has no request at hand (the error masker, the executor). `destination`
 * defaults to stdout; tests pass a stream to read the lines back.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    name: 'nexus',
    level,
    mixin: (_line: object, _level: number, logger: Logger) => {
      if (requestBound.has(logger)) return {};
      const requestId = currentRequestId();
      return requestId === undefined ? {} : { requestId };
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** The logger of one request (in its GraphQL context): each line names the request. */
export function requestLogger(logger: Logger, requestId: string): Logger {
  const child = logger.child({ requestId });
  requestBound.add(child);
  return child;
}

type LogArgs = unknown[];

/**
 * Yoga's logger interface on pino. Yoga reports every error the masker replaced; the masker
 * (graphql-errors.ts) already logged the unexpected ones with their cause, so GraphQL errors
 * are only worth a debug line here.
 */
export function yogaLogger(logger: Logger) {
  const write = (level: 'debug' | 'info' | 'warn' | 'error', args: LogArgs) => {
    const [first, ...rest] = args;
    if (first instanceof Error) logger[level]({ err: first, details: rest }, first.message);
    else if (rest.length > 0) logger[level]({ details: rest }, String(first));
    else logger[level](String(first));
  };
  const noop = () => {};
  return {
    // Yoga logs several debug lines per request; skip even the formatting unless enabled.
    debug: logger.isLevelEnabled('debug') ? (...args: LogArgs) => write('debug', args) : noop,
    info: (...args: LogArgs) => write('info', args),
    warn: (...args: LogArgs) => write('warn', args),
    error: (...args: LogArgs) =>
      write(args.every((arg) => arg instanceof GraphQLError) ? 'debug' : 'error', args),
  };
}
