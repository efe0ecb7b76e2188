/**
 * Bearer tokens → viewers. HS256 JWTs signed with NEXUS_JWT_SECRET carry `sub` (the user id)
 * and `roles`; without a secret the server is in development mode and everyone is `dev`, an
 * admin.
 */
import { errors, jwtVerify, SignJWT } from 'jose';
import { UnauthenticatedError } from '../domain/shared/errors.js';
import { ANONYMOUS, DEV_ADMIN, type Viewer } from '../domain/shared/viewer.js';

/** User ids end up in keys, audit entries and `createdBy`: keep them plain. */
const SUBJECT = /^[A-Za-z0-9][A-Za-z0-9_.@:-]{0,127}$/;
const ROLE = /^[a-z][a-z0-9_-]{0,31}$/;
const MAX_TOKEN_LENGTH = 8 * 1024;

export interface Authentication {
  viewer: Viewer;
  /** When the token stops being valid (ms since the epoch); null when it never expires. */
  expiresAtMs: number | null;
}

export interface Authenticator {
  /** Development mode: no secret, every caller is the admin `dev`. */
  readonly development: boolean;
  /**
   * Reads an Authorization value ("Bearer <jwt>", or the bare token as graphql-ws clients
   * often send it). Absent → anonymous; present but invalid or expired → UNAUTHENTICATED.
   */
  authenticate(authorization: unknown): Promise<Authentication>;
}

export function createAuthenticator(secret: string | undefined): Authenticator {
  if (secret === undefined) {
    return {
      development: true,
      authenticate: async () => ({ viewer: DEV_ADMIN, expiresAtMs: null }),
    };
  }
  const key = new TextEncoder().encode(secret);
  return {
    development: false,
    async authenticate(authorization) {
      if (authorization === undefined || authorization === null || authorization === '') {
        return { viewer: ANONYMOUS, expiresAtMs: null };
      }
      const token = bearerToken(authorization);
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms: ['HS256'],
          requiredClaims: ['sub', 'exp'],
        });
        const roles = payload.roles ?? [];
        if (typeof payload.sub !== 'string' || !SUBJECT.test(payload.sub)) {
          throw new UnauthenticatedError('the token\'s "sub" is not a valid user id');
        }
        if (!Array.isArray(roles) || !roles.every((r) => typeof r === 'string' && ROLE.test(r))) {
          throw new UnauthenticatedError('the token\'s "roles" must be a list of role names');
        }
        return {
          viewer: Object.freeze({ id: payload.sub, roles: Object.freeze([...roles]) }),
          expiresAtMs: typeof payload.exp === 'number' ? payload.exp * 1000 : null,
        };
      } catch (error) {
        if (error instanceof UnauthenticatedError) throw error;
        if (error instanceof errors.JWTExpired) throw new UnauthenticatedError('the token expired');
        throw new UnauthenticatedError('the token is not valid');
      }
    },
  };
}

function bearerToken(authorization: unknown): string {
  if (typeof authorization !== 'string' || authorization.length > MAX_TOKEN_LENGTH) {
    throw new UnauthenticatedError('the Authorization value is not a bearer token');
  }
  const match = /^(?:Bearer\s+)?([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/i.exec(
    authorization.trim(),
  );
  if (!match?.[1]) throw new UnauthenticatedError('the Authorization value is not a bearer token');
  return match[1];
}

/** A signed token, for `npm run token` and tests. */
export async function signToken(
  secret: string,
  claims: { sub: string; roles?: readonly string[]; expiresIn?: string | number },
): Promise<string> {
  return new SignJWT({ roles: [...(claims.roles ?? [])] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? '1h')
    .sign(new TextEncoder().encode(secret));
}
