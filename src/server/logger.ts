import { GraphQLError } from 'graphql';
import { type Logger, pino } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({ name: 'nexus', level });
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
