import type { Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { codeOfStatus, errorBody } from './status-codes.js';

/** What Node's HTTP parser and timers refuse, as answered to the client. */
const CLIENT_ERRORS: Record<string, [status: number, reason: string, message: string]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large', 'request headers are too large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'the request was not received in time'],
};
const MALFORMED: [number, string, string] = [
  400,
  'Bad Request',
  'the HTTP request could not be parsed',
];

/**
 * Requests Node cannot parse (malformed, headers too large) or that do not arrive within the
 * header or request timeout get a JSON error, then the socket closes.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // Node's own rule: no second answer on a socket whose response has already begun.
    const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage;
    if (!socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const [status, reason, message] = CLIENT_ERRORS[error.code ?? ''] ?? MALFORMED;
    const body = errorBody(message, codeOfStatus(status) ?? 'BAD_REQUEST');
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\n` +
        `content-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
}
