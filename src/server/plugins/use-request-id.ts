/**
 * The request id inside yoga: read from `x-request-id` (which the edge, http/access-log.ts,
 * has checked or replaced; through yoga.fetch alone it is checked here), current for the whole
 * request so every log line carries it, in the GraphQL context (`requestId`, and `logger`
 * bound to it), in the response header, and in every error's `extensions.requestId`.
 *
 * graphql-ws operations share their connection's id (taken at the upgrade): a client names an
 * operation by the connection's id and its own operation id. Their executions run with the id
 * current and their results' errors carry it (the frames, incremental payloads and error frames
 * included, see ws/websocket.ts); subscription events are shared by every subscriber and carry
 * none.
 */
import { mapAsyncIterator } from '@graphql-tools/utils';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { type Logger, requestLogger } from '../logger.js';
import { acceptRequestId, REQUEST_ID_HEADER, withRequestId } from '../request-id.js';
import { withRequestIdInErrors } from '../request-id-errors.js';

/** What yoga's context holds of the transport: the fetch Request, or graphql-ws's upgrade. */
interface TransportContext {
  request?: Request;
  req?: { headers?: Record<string, string | string[] | undefined> };
  requestId?: string;
}

// biome-ignore lint/suspicious/noExplicitAny: envelop plugins are generic in the context
export function useRequestId(logger: Logger): Plugin<any> {
  const ids = new WeakMap<object, string>();
  const idOf = (key: object, header: () => string | string[] | null | undefined): string => {
    let id = ids.get(key);
    if (id === undefined) {
      id = acceptRequestId(header());
      ids.set(key, id);
    }
    return id;
  };
  const ofRequest = (request: Request) =>
    idOf(request, () => request.headers.get(REQUEST_ID_HEADER));
  const ofContext = (context: TransportContext): string => {
    if (context.requestId !== undefined) return context.requestId;
    if (context.request) return ofRequest(context.request);
    const upgrade = context.req ?? context;
    return idOf(upgrade, () => context.req?.headers?.[REQUEST_ID_HEADER]);
  };

  return {
    instrumentation: {
      request: ({ request }, wrapped) => withRequestId(ofRequest(request), wrapped),
      // graphql-ws executes through envelop only, outside any request.
      execute: ({ context }, wrapped) => {
        const transport = context as TransportContext;
        return transport.request ? wrapped() : withRequestId(ofContext(transport), wrapped);
      },
    },
    onContextBuilding({ context, extendContext }) {
      const requestId = ofContext(context as TransportContext);
      extendContext({ requestId, logger: requestLogger(logger, requestId) });
    },
    onResultProcess({ request, result, setResult }) {
      const requestId = ofRequest(request);
      if (isAsyncIterable(result)) {
        setResult(mapAsyncIterator(result, (each) => withRequestIdInErrors(each, requestId)));
      } else if (Array.isArray(result)) {
        setResult(result.map((each) => withRequestIdInErrors(each, requestId)));
      } else setResult(withRequestIdInErrors(result, requestId));
    },
    onResponse({ request, response }) {
      response.headers.set(REQUEST_ID_HEADER, ofRequest(request));
    },
  };
}
