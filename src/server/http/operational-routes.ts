import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a process that serves no GraphQL still answers: probes and metrics. */
const OPERATIONAL_PATHS: ReadonlySet<string> = new Set(['/health', '/ready', '/metrics']);

/**
 * A worker process (NEXUS_ROLE=worker) answers its probes and `/metrics` through yoga's plugins,
 * and 404 to everything else: no GraphQL over HTTP (and no WebSocket upgrade is attached).
 */
export function operationalRoutesOnly(
  handle: (request: IncomingMessage, response: ServerResponse) => unknown,
): (request: IncomingMessage, response: ServerResponse) => unknown {
  return (request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (OPERATIONAL_PATHS.has(path)) return handle(request, response);
    response.writeHead(404, { 'content-type': 'application/json; charset=utf-8' });
    response.end(
      JSON.stringify({
        errors: [{ message: 'this process runs queued work only (NEXUS_ROLE=worker): no GraphQL' }],
      }),
    );
  };
}
