/**
 * The one place domain errors become GraphQL errors. Expected failures keep their message
 * and get `extensions.code`; anything else is logged and masked.
 */
import { GraphQLError } from 'graphql';
import { DomainError } from './domain/shared/errors.js';
import type { Logger } from './logger.js';

export const MASKED_MESSAGE = 'Unexpected error.';

export function createErrorMasker(logger: Logger) {
  return (error: unknown, message: string): Error => {
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
