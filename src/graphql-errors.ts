/**
 * The one place domain errors become GraphQL errors. Expected failures keep their message
 * and get `extensions.code`; anything else is logged and masked.
 */
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
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
    if (isGraphQLOwn(error)) return error;
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

function withCode(error: GraphQLError, code: string): GraphQLError {
  if (error.extensions.code !== undefined) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code },
  });
}

/**
 * Gives request errors graphql-js raises without a code the standard ones: syntax errors
 * GRAPHQL_PARSE_FAILED, invalid documents GRAPHQL_VALIDATION_FAILED, and variables that do not
 * fit their types BAD_USER_INPUT (execution errors always carry a path; those do not).
 */
export function useErrorCodes(): Plugin {
  return {
    onParse:
      () =>
      ({ result, replaceParseResult }) => {
        if (result instanceof GraphQLError) {
          replaceParseResult(withCode(result, 'GRAPHQL_PARSE_FAILED'));
        }
      },
    onValidate:
      () =>
      ({ result, setResult }) => {
        if (result.length > 0) {
          setResult(result.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED')));
        }
      },
    onExecute: () => ({
      onExecuteDone: ({ result, setResult }) => {
        if (!('errors' in result) || !result.errors || result.data !== undefined) return;
        setResult({
          ...result,
          errors: result.errors.map((error) =>
            error.path === undefined && isGraphQLOwn(error)
              ? withCode(error, 'BAD_USER_INPUT')
              : error,
          ),
        });
      },
    }),
  };
}

/** Raised by graphql-js or yoga themselves (syntax, validation, coercion): safe to show. */
function isGraphQLOwn(error: GraphQLError): boolean {
  const original = error.originalError;
  return original === undefined || original === null || original instanceof GraphQLError;
}
