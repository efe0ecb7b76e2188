/**
 * The one place domain errors become GraphQL errors. Expected failures keep their message
 * and get `extensions.code`; anything else is logged and masked.
 */
import { GraphQLError } from 'graphql';
import { DomainError, type ErrorCode } from './domain/shared/errors.js';
import type { Logger } from './logger.js';

export const MASKED_MESSAGE = 'Unexpected error.';

export function createErrorMasker(logger: Logger) {
  return (error: unknown, message: string): GraphQLError => {
    // Thrown outside a resolver, e.g. by authentication while building the context.
    if (error instanceof DomainError) return fromDomainError(error);
    if (!(error instanceof GraphQLError)) return maskUnexpected(logger, error, message);
    const original = error.originalError;
    if (original instanceof DomainError) {
      return new GraphQLError(original.message, {
        nodes: error.nodes,
        source: error.source,
        positions: error.positions,
        path: error.path,
        extensions: { ...error.extensions, code: original.code, ...original.details },
      });
    }
    if (isGraphQLOwn(error)) return withInputCode(error);
    logger.error({ err: original, path: error.path }, 'unexpected error in a resolver');
    return new GraphQLError(message, {
      nodes: error.nodes,
      source: error.source,
      positions: error.positions,
      path: error.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  };
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

/** Yoga's own refusals (CSRF 403, ...) carry an HTTP status but no code. */
const CODE_OF_STATUS: Record<number, ErrorCode> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  413: 'LIMIT_EXCEEDED',
};

function maskUnexpected(logger: Logger, error: unknown, message: string): GraphQLError {
  logger.error({ err: error }, 'unexpected error');
  return new GraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}

/**
 * Variables that do not fit their types fail before execution with HTTP 400 but, on the
 * execute path, no code (yoga sets GRAPHQL_PARSE_FAILED / GRAPHQL_VALIDATION_FAILED itself).
 */
function withInputCode(error: GraphQLError): GraphQLError {
  const http = error.extensions.http as { status?: number } | undefined;
  const statusCode = http?.status === undefined ? undefined : CODE_OF_STATUS[http.status];
  if (error.extensions.code === undefined && statusCode !== undefined) {
    return new GraphQLError(error.message, {
      nodes: error.nodes,
      source: error.source,
      positions: error.positions,
      extensions: { ...error.extensions, code: statusCode },
    });
  }
  if (error.extensions.code !== undefined || error.path !== undefined || http?.status !== 400) {
    return error;
  }
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    originalError: error.originalError,
    extensions: { ...error.extensions, code: 'BAD_USER_INPUT' },
  });
}

/** Raised by graphql-js or yoga themselves (syntax, validation, coercion): safe to show. */
function isGraphQLOwn(error: GraphQLError): boolean {
  const original = error.originalError;
  return original === undefined || original === null || original instanceof GraphQLError;
}
