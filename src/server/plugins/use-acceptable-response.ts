/**
 * An HTTP request whose Accept header admits no format its result can be sent in is refused
 * (406) before it runs. Yoga picks the format only once the result exists: a mutation sent
 * with `Accept: image/png`, or with @defer / @stream and an Accept of JSON only, had done its
 * writes and was then answered 406, as if nothing had happened (the incremental one left no
 * audit entry either: its stream was neither read nor closed). The formats and the matching
 * are yoga's own (its result processors): a single result goes as JSON, multipart/mixed or
 * text/event-stream, an incremental one as either of the last two, a subscription as
 * text/event-stream.
 */
import { type DocumentNode, GraphQLError, type GraphQLSchema, Kind } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { incrementalDirectives, lazyVariables } from './incremental-directives.js';

const STREAMING = ['multipart/mixed', 'text/event-stream'];
const SINGLE = [...STREAMING, 'application/graphql-response+json', 'application/json'];
const SUBSCRIPTION = ['text/event-stream'];

/** The media types a request accepts, as yoga reads them (only UTF-8 ones count). */
function acceptedTypes(request: Request): string[] {
  const types: string[] = [];
  for (const entry of (request.headers.get('accept') || '*/*').replace(/\s/g, '').split(',')) {
    const [type, ...params] = entry.toLowerCase().split(';');
    const charset = params.find((param) => param.includes('charset=')) ?? 'charset=utf-8';
    if (type !== undefined && charset === 'charset=utf-8') types.push(type);
  }
  return types;
}

function admits(accepted: readonly string[], offered: readonly string[]): boolean {
  return accepted.some((type) => {
    const [pre, suf] = type.split('/');
    return offered.some((media) => {
      const [mediaPre, mediaSuf] = media.split('/');
      return (pre === '*' || pre === mediaPre) && (suf === '*' || suf === mediaSuf);
    });
  });
}

/** Whether some @defer / @stream is on (its `if`, literal or variable, is not false). */
function incremental(
  document: DocumentNode,
  schema: GraphQLSchema,
  operationName: string | null | undefined,
  variableValues: Record<string, unknown> | null | undefined,
): boolean {
  const variables = lazyVariables(document, schema, operationName, variableValues);
  return incrementalDirectives(document).some((directive) => {
    const condition = directive.arguments?.find((arg) => arg.name.value === 'if')?.value;
    if (condition === undefined) return true;
    if (condition.kind === Kind.BOOLEAN) return condition.value;
    if (condition.kind !== Kind.VARIABLE) return true;
    return variables()[condition.name.value] !== false;
  });
}

const notAcceptable = (message: string) => ({
  errors: [
    new GraphQLError(`Not Acceptable: ${message}`, {
      extensions: { code: 'BAD_REQUEST', http: { status: 406 } },
    }),
  ],
});

/** The fetch request of an HTTP operation; graphql-ws has none (its results go as frames). */
const requestOf = (contextValue: unknown) => (contextValue as { request?: Request }).request;

// biome-ignore lint/suspicious/noExplicitAny: envelop plugins are generic in the context
export function useAcceptableResponse(): Plugin<any> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const request = requestOf(args.contextValue);
      if (request === undefined) return;
      const accepted = acceptedTypes(request);
      if (admits(accepted, SINGLE)) {
        const { document, schema, operationName, variableValues } = args;
        if (admits(accepted, STREAMING)) return;
        if (!incremental(document, schema, operationName, variableValues)) return;
      }
      setResultAndStopExecution(
        notAcceptable(
          'the Accept header admits no format this result can be sent in (@defer and @stream need multipart/mixed or text/event-stream)',
        ),
      );
    },
    // A subscription goes as text/event-stream only. One that started anyway was never read
    // nor closed: it held its place in the per-user subscription limit for good.
    onSubscribe({ args, setResultAndStopExecution }) {
      const request = requestOf(args.contextValue);
      if (request === undefined || admits(acceptedTypes(request), SUBSCRIPTION)) return;
      setResultAndStopExecution(
        notAcceptable('a subscription over HTTP is sent as text/event-stream only'),
      );
    },
  };
}
