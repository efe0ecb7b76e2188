/**
 * CORS from the origin policy: a request whose Origin the policy refuses gets a 403 before
 * anything runs (yoga's CORS alone would only withhold the response headers, after a simple
 * cross-site request had already run), and an allowed one gets the CORS headers from yoga.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { YogaServerOptions } from 'graphql-yoga';
import { admitsOrigin, type OriginPolicy } from './origin-policy.js';
import { errorBody } from './status-codes.js';

/** How long a browser may reuse a preflight's answer. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

type CorsOption = NonNullable<YogaServerOptions<object, object>['cors']>;

/**
 * yoga's `cors`: allowed origins get their own origin back (with `Vary: Origin`), no
 * credentials (the API authenticates with a bearer header, never a cookie), and the request
 * headers they asked for; any other origin gets no CORS headers at all.
 */
export function yogaCors(policy: OriginPolicy): CorsOption {
  return (request: Request) => {
    const origin = request.headers.get('origin');
    if (origin === null) return false;
    const host = request.headers.get('host') ?? new URL(request.url).host;
    if (!policy.allows(origin, host)) return false;
    return { credentials: false, maxAge: PREFLIGHT_MAX_AGE_SECONDS };
  };
}

/** Answers 403 to a request from an origin the policy refuses; true when it did. */
export function refuseForeignOrigin(
  request: IncomingMessage,
  response: ServerResponse,
  policy: OriginPolicy,
): boolean {
  if (admitsOrigin(policy, request.headers)) return false;
  const origin = request.headers.origin;
  const body = errorBody(
    `origin ${JSON.stringify(origin).slice(0, 200)} is not allowed`,
    'FORBIDDEN',
  );
  response.writeHead(403, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    vary: 'Origin',
  });
  response.end(body);
  return true;
}
