import type { ErrorCode } from '../../domain/shared/errors.js';

/**
 * The code a client reads for a refusal that reached it with an HTTP status but no code of its
 * own (yoga's bare refusals, errors raised before execution, Node's parser). One table, so the
 * same status never means two codes.
 */
const CODE_OF_STATUS: Readonly<Record<number, ErrorCode | 'BAD_REQUEST'>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'BAD_REQUEST',
  406: 'BAD_REQUEST',
  408: 'LIMIT_EXCEEDED',
  411: 'LIMIT_EXCEEDED',
  413: 'LIMIT_EXCEEDED',
  415: 'BAD_REQUEST',
  431: 'BAD_REQUEST',
};

/** `BAD_REQUEST`: the request is not GraphQL over HTTP (method, media type, unparseable). */
export type HttpErrorCode = ErrorCode | 'BAD_REQUEST';

export function codeOfStatus(status: number): HttpErrorCode | undefined {
  return CODE_OF_STATUS[status];
}

/** A GraphQL-shaped error response body for answers given outside GraphQL execution. */
export function errorBody(message: string, code: HttpErrorCode): string {
  return JSON.stringify({ errors: [{ message, extensions: { code } }] });
}
