/**
 * Who a graphql-ws operation runs as. The token normally comes once, in connection_init, and
 * holds for the whole connection. Some clients (GraphiQL among them: its Headers tab) open the
 * socket with an empty connection_init and send the headers with each operation, in
 * `subscribe.payload.extensions.headers`. Such a token is checked exactly as connection_init's
 * (the same authenticator) and holds for that one operation only: it never changes who the
 * connection, or any other operation on it, runs as. On a connection opened with a token, an
 * operation may repeat that token but not bring another one: a socket authenticated as alice
 * cannot run an operation as bob (it is refused, FORBIDDEN, rather than silently run as alice).
 */
import { ForbiddenError, UnauthenticatedError } from '../../domain/shared/errors.js';
import type { Viewer } from '../../domain/shared/viewer.js';
import type { Authentication, Authenticator } from '../authenticate.js';

/** What connection_init established. */
export interface ConnectionIdentity {
  viewer: Viewer;
  /** The bearer token it carried ("Bearer " and spaces left out); null when it carried none. */
  token: string | null;
}

/** The token a connection_init payload carries, as `authenticate` takes it. */
export function connectionAuthorization(params: Record<string, unknown> | undefined): unknown {
  if (!params) return undefined;
  return headerAuthorization(params) ?? headerAuthorization(params.headers);
}

/** The token a subscribe message carries in `extensions.headers` (GraphiQL's Headers tab). */
export function operationAuthorization(extensions: unknown): unknown {
  if (typeof extensions !== 'object' || extensions === null) return undefined;
  return headerAuthorization((extensions as Record<string, unknown>).headers);
}

/** After a successful connection_init with `authorization`. */
export function connectionIdentity(viewer: Viewer, authorization: unknown): ConnectionIdentity {
  return { viewer, token: isAbsent(authorization) ? null : normalised(authorization) };
}

/**
 * The viewer an operation runs as, and when its own token expires (null: the connection's
 * expiry, if any, applies). Throws UNAUTHENTICATED for an invalid operation token and
 * FORBIDDEN for a token other than the connection's.
 */
export async function operationIdentity(
  connection: ConnectionIdentity,
  authorization: unknown,
  authenticator: Authenticator,
): Promise<Authentication> {
  const own: Authentication = { viewer: connection.viewer, expiresAtMs: null };
  if (isAbsent(authorization) || authenticator.development) return own;
  if (connection.token !== null) {
    if (normalised(authorization) === connection.token) return own;
    throw new ForbiddenError(
      'this connection was opened with another token (connection_init): an operation cannot run as someone else; open a connection with its token instead',
    );
  }
  return authenticator.authenticate(authorization);
}

/**
 * Header names are case-insensitive: `AUTHORIZATION` is the same header as `authorization`.
 * Reading only some spellings would run an operation whose token is spelled otherwise as the
 * connection's user, without a word (the FORBIDDEN check never seeing the other token). Two
 * spellings with different values are refused: which one is meant cannot be told.
 */
function headerAuthorization(headers: unknown): unknown {
  if (typeof headers !== 'object' || headers === null) return undefined;
  let found: unknown;
  for (const [name, value] of Object.entries(headers)) {
    if (name.length !== AUTHORIZATION.length || name.toLowerCase() !== AUTHORIZATION) continue;
    if (isAbsent(value)) continue;
    if (found !== undefined && found !== value) {
      throw new UnauthenticatedError('two different Authorization headers');
    }
    found = value;
  }
  return found;
}

const AUTHORIZATION = 'authorization';

function isAbsent(authorization: unknown): boolean {
  return authorization === undefined || authorization === null || authorization === '';
}

/** Tokens compared as the authenticator reads them: with or without "Bearer ". */
function normalised(authorization: unknown): string {
  return String(authorization)
    .trim()
    .replace(/^Bearer\s+/i, '');
}
