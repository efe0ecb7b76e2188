/**
 * Guards at the edges of the HTTP handling, so that whatever a client sends, it gets a
 * GraphQL-shaped answer with a code: a body size limit before anything is read, a nesting limit
 * checked before the parser (whose recursion would otherwise overflow the stack), JSON bodies
 * for yoga's bare refusals, and JSON answers to requests Node's HTTP parser itself rejects.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

const OPENERS = new Set(['{', '[', '(']);
const CLOSERS = new Set(['}', ']', ')']);

/** The deepest bracket nesting outside strings and comments; stops counting past `limit`. */
export function nestingDepth(source: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < source.length; i++) {
    const char = source[i] as string;
    if (char === '"') {
      const block = source.startsWith('"""', i);
      const end = block ? source.indexOf('"""', i + 3) : stringEnd(source, i + 1);
      if (end < 0) return deepest;
      i = block ? end + 2 : end;
    } else if (char === '#') {
      const end = source.indexOf('\n', i);
      if (end < 0) return deepest;
      i = end;
    } else if (OPENERS.has(char)) {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (CLOSERS.has(char)) {
      depth -= 1;
    }
  }
  return deepest;
}

function stringEnd(source: string, from: number): number {
  for (let i = from; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') i += 1;
    else if (char === '"' || char === '\n') return i;
  }
  return -1;
}

/** Refuses documents nested deeper than `maxNesting` brackets before they are parsed. */
// biome-ignore lint/suspicious/noExplicitAny: envelop plugins are generic in the context
export function useNestingLimit(maxNesting: number): Plugin<any> {
  return {
    onParse({ params }) {
      const source = typeof params.source === 'string' ? params.source : params.source.body;
      const depth = nestingDepth(source, maxNesting);
      if (depth > maxNesting) {
        throw new GraphQLError(`the document nests deeper than ${maxNesting} levels`, {
          extensions: { code: 'LIMIT_EXCEEDED' },
        });
      }
    },
  };
}

const CODE_OF_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  404: 'NOT_FOUND',
  405: 'BAD_REQUEST',
  406: 'BAD_REQUEST',
  415: 'BAD_REQUEST',
};

/** Yoga answers some refusals (415, 405, 404) with an empty body: give them an error to read. */
// biome-ignore lint/suspicious/noExplicitAny: envelop plugins are generic in the context
export function useJsonErrorBodies(): Plugin<any> {
  return {
    onResponse({ response, setResponse, fetchAPI }) {
      const code = CODE_OF_STATUS[response.status];
      if (code === undefined || response.headers.get('content-type') !== null) return;
      const headers = new fetchAPI.Headers(response.headers);
      headers.set('content-type', 'application/json; charset=utf-8');
      const message = response.statusText || `HTTP ${response.status}`;
      setResponse(
        new fetchAPI.Response(errorBody(message, code), {
          status: response.status,
          headers,
        }),
      );
    },
  };
}

/** What Node's HTTP parser and timers refuse, as answered to the client. */
const CLIENT_ERRORS: Record<
  string,
  [status: number, reason: string, message: string, code: string]
> = {
  HPE_HEADER_OVERFLOW: [
    431,
    'Request Header Fields Too Large',
    'request headers are too large',
    'BAD_REQUEST',
  ],
  ERR_HTTP_REQUEST_TIMEOUT: [
    408,
    'Request Timeout',
    'the request was not received in time',
    'LIMIT_EXCEEDED',
  ],
};
const MALFORMED: [number, string, string, string] = [
  400,
  'Bad Request',
  'the HTTP request could not be parsed',
  'BAD_REQUEST',
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
    const [status, reason, message, code] = CLIENT_ERRORS[error.code ?? ''] ?? MALFORMED;
    const body = errorBody(message, code);
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\n` +
        `content-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
}

/**
 * Bodies larger than the limit are refused before anything reads them (413), and so are POST
 * bodies of unknown length (411), which could otherwise grow without bound while buffered.
 */
export function refuseOversizedBody(
  request: IncomingMessage,
  response: ServerResponse,
  maxBytes: number,
): boolean {
  const declared = request.headers['content-length'];
  const length = declared === undefined ? null : Number(declared);
  const unknownLength = length === null && request.headers['transfer-encoding'] !== undefined;
  if (!unknownLength && (length === null || length <= maxBytes)) return false;
  const [status, message] = unknownLength
    ? [411, 'send the request body with a Content-Length']
    : [413, `the request body is larger than ${maxBytes} bytes`];
  response.writeHead(status, { 'content-type': 'application/json', connection: 'close' });
  response.end(errorBody(message, 'LIMIT_EXCEEDED'));
  request.resume();
  return true;
}

/** A GraphQL-shaped error response body for answers given outside GraphQL execution. */
export function errorBody(message: string, code: string): string {
  return JSON.stringify({ errors: [{ message, extensions: { code } }] });
}
