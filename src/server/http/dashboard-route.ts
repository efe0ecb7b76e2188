/**
 * GET /dashboard and its built assets, read from dist/dashboard (see scripts/build-dashboard.ts).
 * Only the files the build's manifest names are served, so no request path ever reaches the
 * file system; anything else under /dashboard is a 404.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';

export const DASHBOARD_PATH = '/dashboard';
const ASSETS_PREFIX = `${DASHBOARD_PATH}/assets/`;
const DEFAULT_DIRECTORY = fileURLToPath(new URL('../../../dist/dashboard/', import.meta.url));

/** The page may talk to this origin only (HTTP and WebSocket), and load nothing from elsewhere. */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** What the build writes beside the page: the asset names it produced. */
interface Manifest {
  assets: string[];
}

interface Bundle {
  page: Buffer;
  assets: Map<string, { body: Buffer; type: string }>;
}

export interface DashboardOptions {
  /** Whether JWTs are required; told to the page so that it asks for a token. */
  authRequired: boolean;
  /** Where the built bundle lives; dist/dashboard by default. */
  directory?: string;
}

export type DashboardRoute = (request: IncomingMessage, response: ServerResponse) => boolean;

/** Answers the request when it is the dashboard's (returns true), else leaves it (false). */
export function createDashboardRoute(options: DashboardOptions): DashboardRoute {
  const directory = options.directory ?? DEFAULT_DIRECTORY;
  let bundle: Bundle | undefined;
  return (request, response) => {
    const path = (request.url ?? '/').split('?', 1)[0] ?? '/';
    if (path !== DASHBOARD_PATH && !path.startsWith(`${DASHBOARD_PATH}/`)) return false;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(
        request,
        response,
        405,
        { 'content-type': 'text/plain; charset=utf-8', allow: 'GET, HEAD' },
        'Method not allowed\n',
      );
      return true;
    }
    // Read once it exists: a server started before the build serves it once it is built.
    bundle ??= loadBundle(directory, options.authRequired);
    if (!bundle) {
      send(
        request,
        response,
        503,
        { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
        'The dashboard is not built: run `npm run build:dashboard` (npm ci does it), then reload.\n',
      );
      return true;
    }
    if (path === DASHBOARD_PATH || path === `${DASHBOARD_PATH}/`) {
      send(request, response, 200, pageHeaders(), bundle.page);
      return true;
    }
    const asset = path.startsWith(ASSETS_PREFIX)
      ? bundle.assets.get(path.slice(ASSETS_PREFIX.length))
      : undefined;
    if (!asset) {
      send(request, response, 404, { 'content-type': 'text/plain; charset=utf-8' }, 'Not found\n');
      return true;
    }
    send(
      request,
      response,
      200,
      {
        'content-type': asset.type,
        // Asset names carry a hash of their content.
        'cache-control': 'public, max-age=31536000, immutable',
        'x-content-type-options': 'nosniff',
      },
      asset.body,
    );
    return true;
  };
}

function pageHeaders(): Record<string, string> {
  return {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-cache',
    'content-security-policy': DASHBOARD_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
  };
}

function loadBundle(directory: string, authRequired: boolean): Bundle | undefined {
  let manifest: Manifest;
  let html: string;
  try {
    manifest = JSON.parse(readFileSync(`${directory}manifest.json`, 'utf8')) as Manifest;
    html = readFileSync(`${directory}index.html`, 'utf8');
  } catch {
    return undefined;
  }
  const assets = new Map<string, { body: Buffer; type: string }>();
  for (const name of manifest.assets) {
    const type = CONTENT_TYPES[name.slice(name.lastIndexOf('.'))];
    // The manifest is ours, but a name with a slash would still be a path: never follow one.
    if (!type || !/^[A-Za-z0-9._-]+$/.test(name)) continue;
    try {
      assets.set(name, { body: readFileSync(`${directory}assets/${name}`), type });
    } catch {
      return undefined;
    }
  }
  const page = html.replace(
    'data-auth="development"',
    `data-auth="${authRequired ? 'jwt' : 'development'}"`,
  );
  return { page: Buffer.from(page), assets };
}

function send(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string | Buffer,
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  response.writeHead(status, { ...headers, 'content-length': String(bytes.length) });
  response.end(request.method === 'HEAD' ? undefined : bytes);
}
