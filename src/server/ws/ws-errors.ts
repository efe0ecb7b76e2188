/**
 * Errors as graphql-ws clients get them. Yoga (and fromDomainError) put `extensions.http`
 * (status, headers) on some errors so that its HTTP handler can pick a status line; over a
 * WebSocket there is no status line, so that extension only leaks a transport detail (and a
 * status that contradicts the frame it arrives in). It is dropped here, for every error frame
 * and every result, and nothing else changes.
 */
import type {
  ExecutionResult,
  FormattedExecutionResult,
  GraphQLError,
  GraphQLFormattedError,
} from 'graphql';

type AnyError = GraphQLError | GraphQLFormattedError;

const hasHttp = (error: AnyError): boolean =>
  error.extensions !== undefined && Object.hasOwn(error.extensions, 'http');

/** The error as JSON (what graphql-ws would send), without `extensions.http`. */
export function wsFormattedError(error: AnyError): GraphQLFormattedError {
  const formatted: GraphQLFormattedError = 'toJSON' in error ? error.toJSON() : error;
  if (!hasHttp(formatted)) return formatted;
  const { http: _http, ...extensions } = formatted.extensions ?? {};
  const { extensions: _extensions, ...rest } = formatted;
  return Object.keys(extensions).length > 0 ? { ...rest, extensions } : rest;
}

/** The errors of an `error` frame, or undefined when none carries `extensions.http`. */
export function wsErrors(errors: readonly AnyError[]): GraphQLFormattedError[] | undefined {
  return errors.some(hasHttp) ? errors.map(wsFormattedError) : undefined;
}

/** The result for a `next` frame: the same object unless one of its errors carries `http`. */
export function wsResult(result: ExecutionResult): ExecutionResult | FormattedExecutionResult {
  if (!result.errors?.some(hasHttp)) return result;
  return { ...result, errors: result.errors.map(wsFormattedError) };
}
