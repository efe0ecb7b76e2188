/**
 * Which browser pages may call the server. A browser sends `Origin` with every cross-origin
 * request and every WebSocket handshake, and a page on another site can make it send the
 * user's requests (or open a socket) to any address it knows, localhost included. So a request
 * that carries an Origin is served only when that origin is the server's own, or allowed by
 * configuration; a request without one (curl, a Node client, a same-origin GET) is not a
 * browser acting for another site and is served as before.
 */
import { isIP } from 'node:net';

export interface OriginPolicySettings {
  /** Origins allowed besides the server's own, as written in `Origin` (NEXUS_CORS_ORIGINS). */
  listed: readonly string[];
  /** Any http(s) origin on localhost, 127.0.0.0/8 or [::1] (the development default). */
  loopback: boolean;
  /**
   * Development mode (every caller is an admin): the server's own origin counts only when the
   * page reached it by an IP address or localhost. Under a DNS name it could be a rebound
   * one: evil.example resolving to 127.0.0.1 is "same-origin" with itself.
   */
  development: boolean;
}

export interface OriginPolicy {
  /** Whether a page on `origin` may call this server, which it reached as `host` (Host header). */
  allows(origin: string, host: string | undefined): boolean;
}

/**
 * Whether a Node request (an HTTP request or a WebSocket handshake) may be served: it carries
 * no Origin, or the policy allows the one it carries.
 */
export function admitsOrigin(
  policy: OriginPolicy,
  headers: { origin?: string | undefined; host?: string | undefined },
): boolean {
  return headers.origin === undefined || policy.allows(headers.origin, headers.host);
}

export function createOriginPolicy(settings: OriginPolicySettings): OriginPolicy {
  const listed = new Set(settings.listed);
  return {
    allows(origin, host) {
      if (listed.has(origin)) return true;
      const url = parseOrigin(origin);
      if (url === null) return false;
      if (settings.loopback && isLoopback(url.hostname)) return true;
      if (host === undefined || url.host !== host.toLowerCase()) return false;
      return !settings.development || isLoopback(url.hostname) || isIpLiteral(url.hostname);
    },
  };
}

/** An http(s) origin as browsers serialise it; `null` (sandboxed frames, file:) and others fail. */
function parseOrigin(origin: string): URL | null {
  try {
    const url = new URL(origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin === origin ? url : null;
  } catch {
    return null;
  }
}

function isLoopback(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname === '[::1]' ||
    (isIP(hostname) === 4 && hostname.startsWith('127.'))
  );
}

function isIpLiteral(hostname: string): boolean {
  return isIP(hostname) !== 0 || (hostname.startsWith('[') && isIP(hostname.slice(1, -1)) === 6);
}
