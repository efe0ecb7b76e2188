/**
 * The one place domain errors become GraphQL errors. Expected failures keep their message
 * and get `extensions.code`; anything else is logged and masked.
 */
import { GraphQLError } from 'graphql';
import {
  DomainError,
  type ErrorCode,
  ServiceUnavailableError,
  STORE_RETRY_AFTER_SECONDS,
} from '../domain/shared/errors.js';
import { codeOfStatus, type HttpErrorCode } from './http/status-codes.js';
import type { Logger } from './logger.js';

export const MASKED_MESSAGE = 'Unexpected error.';

/**
 * `isUnavailable` tells the store's connection errors (Redis down, connection lost) from bugs:
 * those are SERVICE_UNAVAILABLE with `retryAfterSeconds`, not masked.
 */
export function createErrorMasker(
  logger: Logger,
  isUnavailable: (error: unknown) => boolean = () => false,
) {
  const unavailable = (error: unknown): DomainError => {
    logger.warn({ err: error }, 'the store is unreachable; refused an operation');
    return new ServiceUnavailableError(
      'the store is unreachable; try again shortly',
      STORE_RETRY_AFTER_SECONDS,
    );
  };
  /**
   * A SERVICE_UNAVAILABLE the domain raised around an error it could not classify: when that
   * error is not the store's, it is a bug. Its message (the domain's own words, naming what was
   * done before it) stays; the code says so, and the cause is logged.
   */
  const wrapsBug = (error: DomainError): boolean => {
    if (!(error instanceof ServiceUnavailableError) || error.cause === undefined) return false;
    if (error.cause instanceof DomainError || isUnavailable(error.cause)) return false;
    logger.error({ err: error.cause }, 'unexpected error');
    return true;
  };
  return (error: unknown, message: string): GraphQLError => {
    // Thrown outside a resolver, e.g. by authentication while building the context.
    if (error instanceof DomainError) {
      if (wrapsBug(error))
        return new GraphQLError(error.message, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      return fromDomainError(error);
    }
    if (!(error instanceof GraphQLError)) {
      if (isUnavailable(error)) return fromDomainError(unavailable(error));
      return maskUnexpected(logger, error, message);
    }
    const original = error.originalError;
    if (original instanceof DomainError && wrapsBug(original))
      return recoded(error, original.message, { code: 'INTERNAL_SERVER_ERROR' });
    if (original && !(original instanceof DomainError) && isUnavailable(original)) {
      const domain = unavailable(original);
      return recoded(error, domain.message, { code: domain.code, ...domain.details });
    }
    if (original instanceof DomainError) {
      return recoded(error, original.message, {
        ...error.extensions,
        code: original.code,
        ...original.details,
      });
    }
    if (isGraphQLOwn(error)) return withStatusCode(error);
    logger.error({ err: original, path: error.path }, 'unexpected error in a resolver');
    return recoded(error, message, { code: 'INTERNAL_SERVER_ERROR' });
  };
}

/** The same error (location, path) with another message and extensions. */
function recoded(
  error: GraphQLError,
  message: string,
  extensions: Record<string, unknown>,
  originalError?: Error,
): GraphQLError {
  return new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError,
    extensions,
  });
}

const STATUS_OF: Partial<Record<ErrorCode, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403 };

/** A domain error raised outside a resolver (authentication), as clients see it. */
export function fromDomainError(error: DomainError): GraphQLError {
  const status = STATUS_OF[error.code];
  return new GraphQLError(error.message, {
    extensions: {
      code: error.code,
      ...error.details,
      ...(status === undefined ? {} : { http: { status } }),
    },
  });
}

function maskUnexpected(logger: Logger, error: unknown, message: string): GraphQLError {
  logger.error({ err: error }, 'unexpected error');
  return new GraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}

function withStatusCode(error: GraphQLError): GraphQLError {
  const status = (error.extensions.http as { status?: number } | undefined)?.status;
  const code = status === undefined ? undefined : codeBeforeExecution(status);
  if (code === undefined || error.extensions.code !== undefined || error.path !== undefined) {
    return error;
  }
  return recoded(
    error,
    error.message,
    { ...error.extensions, code },
    error.originalError ?? undefined,
  );
}

/**
 * Errors raised before execution carry an HTTP status but no code: yoga's own refusals (CSRF
 * 403, ...) and variables that do not fit their types. Yoga codes its request-level 400s
 * (`BAD_REQUEST`) itself, so a 400 that arrives here without a code is always about the
 * variables: the caller's input.
 */
function codeBeforeExecution(status: number): HttpErrorCode | undefined {
  return status === 400 ? 'BAD_USER_INPUT' : codeOfStatus(status);
}

/** Raised by graphql-js or yoga themselves (syntax, validation, coercion): safe to show. */
function isGraphQLOwn(error: GraphQLError): boolean {
  const original = error.originalError;
  return original === undefined || original === null || original instanceof GraphQLError;
}
