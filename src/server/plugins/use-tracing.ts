/**
 * A span for every GraphQL operation: over HTTP around yoga's whole operation (parse, validate,
 * context, execute), over graphql-ws around its execution (queries and mutations; subscription
 * events are shared between subscribers, outside any one operation, and are not traced). The
 * span continues the caller's trace when the request (for graphql-ws, the upgrade request)
 * carries a W3C `traceparent` header, and is current while the operation runs, so the Redis
 * commands and the executions it causes nest beneath it. Registered only when tracing is on.
 */
import {
  context,
  type Context as OtelContext,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  type TextMapGetter,
  type Tracer,
  trace,
} from '@opentelemetry/api';
import { ATTR_ERROR_TYPE } from '@opentelemetry/semantic-conventions';
import { type DocumentNode, type GraphQLError, getOperationAST } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { isOperationName } from '../operation-name.js';

/** OpenTelemetry's GraphQL conventions (still incubating, so spelled here, not imported). */
const GRAPHQL_ATTRIBUTES = {
  operationName: 'graphql.operation.name',
  operationType: 'graphql.operation.type',
  errorCount: 'nexus.graphql.error_count',
} as const;

const UNNAMED = 'GraphQL Operation';

const fetchHeaders: TextMapGetter<Headers> = {
  keys: (headers) => [...headers.keys()],
  get: (headers, key) => headers.get(key) ?? undefined,
};

/** What graphql-ws hands yoga: the upgrade request's Node headers. */
interface WebSocketContext {
  request?: Request;
  req?: { headers?: Record<string, string | string[] | undefined> };
}

export function useTracing(
  tracer: Tracer,
  /**
   * An error as its client gets it (masked), without logging it again: a graphql-ws
   * operation's errors are recorded before yoga masks them (over HTTP, after).
   */
  asSent: (error: GraphQLError) => GraphQLError = (error) => error,
  // biome-ignore lint/suspicious/noExplicitAny: envelop plugins are generic in the context
): Plugin<any> {
  /** Spans of graphql-ws operations, whose results are recorded when their execution ends. */
  const webSocketSpans = new WeakSet<Span>();

  const start = (parent: OtelContext): { span: Span; current: OtelContext } => {
    const span = tracer.startSpan(UNNAMED, { kind: SpanKind.SERVER }, parent);
    return { span, current: trace.setSpan(parent, span) };
  };

  return {
    instrumentation: {
      operation({ request }, wrapped) {
        const { span, current } = start(
          propagation.extract(ROOT_CONTEXT, request.headers, fetchHeaders),
        );
        return context.with(current, () => ending(span, wrapped));
      },
      execute({ context: operationContext }, wrapped) {
        const graphqlContext = operationContext as WebSocketContext;
        // Over HTTP the operation's span is current already.
        if (graphqlContext.request !== undefined) return wrapped();
        const headers = graphqlContext.req?.headers ?? {};
        const { span, current } = start(propagation.extract(ROOT_CONTEXT, headers));
        webSocketSpans.add(span);
        return context.with(current, () => ending(span, wrapped));
      },
    },
    onExecute({ args }) {
      const span = trace.getActiveSpan();
      if (!span) return;
      name(span, args.document, args.operationName);
      if (!webSocketSpans.has(span)) return;
      return {
        onExecuteDone({ result }) {
          if (!isAsyncIterable(result)) recordErrors(span, result.errors?.map(asSent));
        },
      };
    },
    onSubscribe({ args }) {
      const span = trace.getActiveSpan();
      if (span) name(span, args.document, args.operationName);
    },
    onExecutionResult({ result }) {
      const span = trace.getActiveSpan();
      if (span && result && !isAsyncIterable(result)) recordErrors(span, result.errors);
    },
  };
}

function name(span: Span, document: DocumentNode, operationName: string | null | undefined) {
  const operation = getOperationAST(document, operationName);
  if (!operation) return;
  const type = operation.operation;
  // A GraphQL name may be as long as the document: past the bound the metrics and the access
  // log keep (operation-name.ts) it is left out, so one request cannot send a megabyte into a span.
  const name = operation.name?.value;
  const given = isOperationName(name) ? name : undefined;
  span.updateName(given ? `${type} ${given}` : type);
  span.setAttribute(GRAPHQL_ATTRIBUTES.operationType, type);
  if (given) span.setAttribute(GRAPHQL_ATTRIBUTES.operationName, given);
}

/** Each error as an event (message, code, path); the span fails with the first one's code. */
function recordErrors(span: Span, errors: ReadonlyArray<GraphQLError> | undefined) {
  if (!errors || errors.length === 0) return;
  for (const error of errors) {
    span.addEvent('graphql.error', {
      'graphql.error.message': error.message,
      'graphql.error.code': codeOf(error),
      ...(error.path ? { 'graphql.error.path': error.path.join('.') } : {}),
    });
  }
  const first = errors[0] as GraphQLError;
  span.setAttribute(GRAPHQL_ATTRIBUTES.errorCount, errors.length);
  span.setAttribute(ATTR_ERROR_TYPE, codeOf(first));
  span.setStatus({ code: SpanStatusCode.ERROR, message: first.message });
}

function codeOf(error: GraphQLError): string {
  const code = error.extensions?.code;
  return typeof code === 'string' ? code : 'GRAPHQL_ERROR';
}

/** Runs `wrapped` and ends `span` when it settles (a thrown error is recorded on it). */
function ending<T>(span: Span, wrapped: () => T): T {
  const fail = (error: unknown) => {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  };
  let result: T;
  try {
    result = wrapped();
  } catch (error) {
    fail(error);
    throw error;
  }
  if (result instanceof Promise) {
    return result.then(
      (value: unknown) => {
        span.end();
        return value;
      },
      (error: unknown) => {
        fail(error);
        throw error;
      },
    ) as T;
  }
  span.end();
  return result;
}
