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
    // Errors graphql-js or yoga raised themselves (syntax, validation, coercion) are safe.
    if (original === undefined || original === null || original instanceof GraphQLError) {
      return error;
    }
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
